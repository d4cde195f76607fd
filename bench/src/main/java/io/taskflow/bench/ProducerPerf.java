package io.taskflow.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The broker limit: Kafka's own ProducerPerformance with records the size of a real event, acks=all and idempotence
 * (as the relay publishes), against the broker the application uses, in a process of its own.
 */
final class ProducerPerf {
    private static final String TOPIC = "bench.producer-perf";
    private static final Pattern RESULT = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency,"
                    + " ([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th");

    private ProducerPerf() {}

    static void run(Report report, Profile profile, String bootstrap, int recordSize) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
        }
        var argv = new ArrayList<String>();
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        argv.addAll(List.of("-Xmx512m", "-cp", classpath(), "org.apache.kafka.tools.ProducerPerformance"));
        argv.addAll(List.of(
                "--topic",
                TOPIC,
                "--num-records",
                String.valueOf(profile.producerRecords()),
                "--record-size",
                String.valueOf(recordSize),
                "--throughput",
                "-1",
                "--producer-props",
                "bootstrap.servers=" + bootstrap,
                "acks=all",
                "enable.idempotence=true"));
        var command = new Command(argv);
        String output = command.runOrFail(Duration.ofMinutes(10));
        var m = RESULT.matcher(output);
        String last = null;
        while (m.find()) {
            last = m.group();
        }
        if (last == null) {
            throw new IllegalStateException("no summary line in ProducerPerformance's output:\n" + output);
        }
        m = RESULT.matcher(last);
        m.find();
        String shown = "java -cp <bench classpath> org.apache.kafka.tools.ProducerPerformance --topic " + TOPIC
                + " --num-records " + profile.producerRecords() + " --record-size " + recordSize
                + " --throughput -1 --producer-props bootstrap.servers=" + bootstrap
                + " acks=all enable.idempotence=true";
        String section = "broker limit (Kafka ProducerPerformance)";
        report.figure(section, "records/s", Double.parseDouble(m.group(2)), "records/s", shown);
        report.figure(section, "MB/s", Double.parseDouble(m.group(3)), "MB/s", shown);
        report.figure(section, "latency p99", Double.parseDouble(m.group(8)), "ms", shown);
        report.figure(section, "record size", recordSize, "bytes", shown);
    }

    /** This module's classes and dependencies (written by the build to target/classpath.txt). */
    static String classpath() throws Exception {
        Path classes = Path.of(ProducerPerf.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Path file = classes.getParent().resolve("classpath.txt");
        if (!Files.exists(file)) {
            throw new IllegalStateException("no " + file + ": build the bench module first (bench/run.sh does)");
        }
        return classes + java.io.File.pathSeparator + Files.readString(file).strip();
    }
}
