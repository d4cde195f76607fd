package io.taskflow.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * One command, one report: {@code bench/run.sh [smoke|full]}. Runs the write-path and broker limits and Taskflow itself
 * (external mode on PostgreSQL and Kafka, then the embedded mode) on this machine, and writes the figures and the
 * targets read from them under bench/results (the smoke profile under bench/target/results).
 */
public final class Harness {
    private static final String EXTERNAL = "external mode (PostgreSQL + Kafka)";
    private static final String EMBEDDED = "embedded mode (H2 + in-JVM Kafka)";
    private static final String DELIVERY = "event delivery, external mode";
    private static final String COUNTED =
            "task rows, outbox rows, records on task.created and each consumer's inbox, counted after the step";

    /** The consumers of the workers process in the external mode: every one but the live feed. */
    private static final String WORKER_CONSUMERS = "notifications,audit,analytics,recurrence";

    private final Path root;
    private final Profile profile;
    private final boolean flightRecording;
    private final Report report;
    private final Path work;

    Harness(Path root, Profile profile, boolean flightRecording) throws Exception {
        this.root = root;
        this.profile = profile;
        this.flightRecording = flightRecording;
        this.report = new Report(profile.name());
        this.work = Files.createTempDirectory("taskflow-bench-");
    }

    public static void main(String[] args) throws Exception {
        String profile = "smoke";
        Path out = null;
        boolean jfr = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--profile" -> profile = args[++i];
                case "--out" -> out = Path.of(args[++i]);
                case "--jfr" -> jfr = true;
                default ->
                    throw new IllegalArgumentException("usage: Harness [--profile smoke|full] [--out DIR] [--jfr]");
            }
        }
        Path root = Path.of("").toAbsolutePath();
        Profile chosen = Profile.named(profile);
        if (out == null) {
            out = root.resolve(chosen == Profile.FULL ? "bench/results" : "bench/target/results");
        }
        Path written = new Harness(root, chosen, jfr).run(out);
        System.out.println("report: " + written);
    }

    Path run(Path out) throws Exception {
        Path jar = root.resolve("adapters/local-kafka/target/taskflow-local.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("no " + jar + ": build first (bench/run.sh does)");
        }
        report.note("logs of the application and broker processes: " + work);
        try {
            environment();
            external(jar);
            embedded(jar);
            coldStarts();
            longFaultRun();
            targets();
        } catch (Exception | AssertionError e) {
            // What was measured before the failure is kept: a long run is not thrown away for its last step.
            report.note("the run stopped early: " + e);
            System.err.println("report so far: " + report.write(out));
            throw e;
        }
        return report.write(out);
    }

    Report report() {
        return report;
    }

    private void environment() {
        report.environment("profile", profile.name());
        report.environment("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        report.environment("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        report.environment(
                "commit",
                new Command(List.of("git", "rev-parse", "--short", "HEAD"), Map.of(), root)
                        .run(Duration.ofSeconds(10))
                        .output()
                        .strip());
        report.environment("application JVM", String.join(" ", appJvm("app")));
        report.environment(
                "bench settings",
                "bcrypt cost 4 and no per-address sign-up limit (logins are not what is measured; one process stands for every"
                        + " user), " + profile.benchUsers() + " bench users, "
                        + profile.connections() + " connections in the closed loop");
    }

    private List<String> appJvm(String name) {
        var args = new ArrayList<>(List.of(
                "-Xms1g",
                "-Xmx1g",
                "-Dtaskflow.security.bcrypt-cost=4",
                // One load process signs up every user of the concurrency step, from one address.
                "-Dtaskflow.rate-limit.auth-by-address.permits=100000"));
        if (flightRecording) {
            args.add("-XX:StartFlightRecording=filename=" + work.resolve(name + ".jfr") + ",settings=profile");
        }
        return args;
    }

    private void external(Path jar) throws Exception {
        Database db = Database.fresh("taskflow_bench");
        report.environment("postgresql", String.valueOf(db.single("SHOW server_version")));
        report.environment("postgresql autovacuum", String.valueOf(db.single("SHOW autovacuum")));
        int kafkaPort = Ports.free();
        String bootstrap = "127.0.0.1:" + kafkaPort;
        var env = Map.of(
                "TASKFLOW_MODE",
                "external",
                "TASKFLOW_DB_URL",
                db.jdbcUrl(),
                "TASKFLOW_DB_USER",
                db.user(),
                "KAFKA_BOOTSTRAP_SERVERS",
                bootstrap,
                "TASKFLOW_SECRET_JWT_SIGNING_SECRET",
                UUID.randomUUID() + "-" + UUID.randomUUID(),
                "TASKFLOW_SECRET_ENCRYPTION_KEY",
                java.util.Base64.getEncoder().encodeToString(new java.security.SecureRandom().generateSeed(32)));
        // Deployed as the compose file and the Helm chart deploy it: the API in one process (with the live feed, which
        // serves its WebSockets), the other consumers in a process of their own.
        var apiEnv = new java.util.HashMap<>(env);
        apiEnv.put("TASKFLOW_CONSUMERS", "livefeed");
        var workersEnv = new java.util.HashMap<>(env);
        workersEnv.put("TASKFLOW_CONSUMERS", WORKER_CONSUMERS);
        // Four consumers use a connection each at a time; a smaller pool leaves PostgreSQL's 100 connections room for
        // pgbench's 64 clients while both processes stand by.
        workersEnv.put("DATASOURCES_DEFAULT_MAXIMUM_POOL_SIZE", "8");
        report.environment(
                "external mode processes",
                "API (TASKFLOW_CONSUMERS=livefeed), workers (TASKFLOW_CONSUMERS=" + WORKER_CONSUMERS
                        + "), broker, PostgreSQL");
        try (Service broker = Service.broker(jar, work.resolve("broker"), kafkaPort, work.resolve("broker.log"));
                Service app = Service.app(
                        "app-external",
                        jar,
                        appJvm("app-external"),
                        apiEnv,
                        Ports.free(),
                        work.resolve("app-external.log"));
                Service workers = Service.app(
                        "workers-external",
                        jar,
                        appJvm("workers-external"),
                        workersEnv,
                        Ports.free(),
                        work.resolve("workers-external.log"));
                Api api = new Api(app.baseUrl(), 4)) {
            List<Api.User> users = api.newUsers(profile.benchUsers());
            Wrk.run(
                    report,
                    EXTERNAL,
                    "create",
                    profile,
                    profile.warmup(),
                    root,
                    app.baseUrl(),
                    users,
                    work,
                    false,
                    Map.of());
            String event = Pgbench.sampleEvent(db);
            Pgbench.run(report, profile, root, db, event, work);
            ProducerPerf.run(report, profile, bootstrap, event.getBytes(StandardCharsets.UTF_8).length);
            // What autovacuum would have done by now, were it on (it is off on some test servers): the planner's
            // statistics and the dead outbox row versions the relay's marking leaves.
            db.execute("VACUUM ANALYZE");
            closedLoop(
                    EXTERNAL,
                    app,
                    users,
                    Map.of("API process", app.pid(), "workers process", workers.pid(), "broker", broker.pid()));
            db.execute("VACUUM ANALYZE");
            var delivery = new Delivery(db, bootstrap);
            List<String> consumers = delivery.consumersOfCreates();
            openLoopWithDelivery(api, users, delivery, consumers);
            sustained(api, users, delivery, consumers);
            concurrency(api);
        }
    }

    private void closedLoop(String section, Service app, List<Api.User> users, Map<String, Long> processes)
            throws Exception {
        String closed = "API closed loop, " + section;
        Wrk.run(
                report,
                closed,
                "create",
                profile,
                profile.closedLoop(),
                root,
                app.baseUrl(),
                users,
                work,
                true,
                processes);
        Wrk.run(
                report,
                closed,
                "list",
                profile,
                profile.closedLoop(),
                root,
                app.baseUrl(),
                users,
                work,
                true,
                processes);
    }

    private void openLoopWithDelivery(Api api, List<Api.User> users, Delivery delivery, List<String> consumers)
            throws Exception {
        Delivery.Mark mark = delivery.mark();
        String prefix = "open-" + UUID.randomUUID() + "-";
        OpenLoop.Result result = OpenLoop.creates(api, users, profile.openRate(), profile.openLoop(), prefix);
        OpenLoop.record(report, "API open loop, " + EXTERNAL, result, profile.openRate(), profile.openLoop());
        Delivery.Counts counts = delivery.awaitAndCount(mark, prefix, consumers, Duration.ofSeconds(60));
        String how = "the open loop above; times from the outbox row to the audit row (DB clock), see Delivery.java";
        double[] audit = delivery.auditLatency(mark);
        report.figure(DELIVERY, "commit → audit effect p50", audit[0], "ms", how);
        report.figure(DELIVERY, "commit → audit effect p95", audit[1], "ms", how);
        report.figure(DELIVERY, "commit → audit effect p99", audit[2], "ms", how);
        for (String consumer : consumers) {
            double[] inbox = delivery.inboxLatency(mark, consumer);
            report.figure(
                    DELIVERY,
                    "commit → " + consumer + " inbox p99",
                    inbox[2],
                    "ms",
                    "the open loop above; to the start of the consumer's transaction");
        }
        report.figure(DELIVERY, "drain after the last request", counts.drain().toMillis(), "ms", how);
        report.figure(DELIVERY, "events lost or duplicated, open loop", counts.lostOrDuplicated(), "events", COUNTED);
        report.note("open loop at " + profile.openRate() + "/s: " + counts.describe());
    }

    private void sustained(Api api, List<Api.User> users, Delivery delivery, List<String> consumers) throws Exception {
        int best = 0;
        long lostOrDuplicated = 0;
        for (int rate : profile.sustainedRates()) {
            Delivery.Mark mark = delivery.mark();
            String prefix = "sustained-" + rate + "-" + UUID.randomUUID() + "-";
            OpenLoop.Result result = OpenLoop.creates(api, users, rate, profile.sustained(), prefix);
            Delivery.Counts counts = delivery.awaitAndCount(mark, prefix, consumers, Duration.ofSeconds(60));
            lostOrDuplicated += counts.lostOrDuplicated();
            boolean held = result.failed() == 0 && result.achievedRate() >= 0.97 * rate && counts.oneForOne();
            report.note(String.format(
                    java.util.Locale.ROOT,
                    "sustained %d creates/s for %d s: %s (achieved %.0f/s, %d failed, p99 %.1f ms; %s)",
                    rate,
                    profile.sustained().toSeconds(),
                    held ? "held" : "NOT held",
                    result.achievedRate(),
                    result.failed(),
                    result.percentileMillis(99),
                    counts.describe()));
            if (!held) {
                break;
            }
            best = rate;
        }
        report.figure(
                DELIVERY,
                "highest sustained create rate, every event delivered once",
                best,
                "creates/s",
                "open loop at " + profile.sustainedRates() + " creates/s, "
                        + profile.sustained().toSeconds()
                        + " s each, until one fails; rows, outbox, topic records and every inbox counted");
        report.figure(DELIVERY, "events lost or duplicated, sustained steps", lostOrDuplicated, "events", COUNTED);
    }

    private void concurrency(Api api) throws Exception {
        List<Api.User> many = api.newUsers(profile.users());
        Concurrency.Result result = Concurrency.run(api, many, profile.concurrency());
        String section = "concurrent users, " + EXTERNAL;
        String how =
                profile.users() + " users, each with /ws/tasks open, create → get → list → complete with ~1 s think"
                        + " time, for " + profile.concurrency().toSeconds() + " s";
        report.figure(section, "users", result.users(), "users", how);
        report.figure(section, "live-feed sockets open", result.socketsOpen(), "sockets", how);
        report.figure(section, "requests", result.requests(), "requests", how);
        report.figure(section, "failed requests", result.failed(), "requests", how);
        report.figure(section, "live-feed messages received", result.feedMessages(), "messages", how);
        report.figure(section, "API p50", result.latency().getValueAtPercentile(50) / 1000.0, "ms", how);
        report.figure(section, "API p95", result.latency().getValueAtPercentile(95) / 1000.0, "ms", how);
        report.figure(section, "API p99", result.latency().getValueAtPercentile(99) / 1000.0, "ms", how);
    }

    private void embedded(Path jar) throws Exception {
        var env = Map.of(
                "TASKFLOW_MODE", "embedded",
                "TASKFLOW_DATA_DIR", work.resolve("embedded").toString(),
                "TASKFLOW_KAFKA_PORT", String.valueOf(Ports.free()),
                "TASKFLOW_KAFKA_CONTROLLER_PORT", String.valueOf(Ports.free()));
        try (Service app = Service.app(
                        "app-embedded",
                        jar,
                        appJvm("app-embedded"),
                        env,
                        Ports.free(),
                        work.resolve("app-embedded.log"));
                Api api = new Api(app.baseUrl(), 4)) {
            List<Api.User> users = api.newUsers(profile.benchUsers());
            Wrk.run(
                    report,
                    EMBEDDED,
                    "create",
                    profile,
                    profile.warmup(),
                    root,
                    app.baseUrl(),
                    users,
                    work,
                    false,
                    Map.of());
            closedLoop(EMBEDDED, app, users, Map.of("application process", app.pid()));
            OpenLoop.Result result = OpenLoop.creates(api, users, profile.openRate(), profile.openLoop(), "open-");
            OpenLoop.record(report, "API open loop, " + EMBEDDED, result, profile.openRate(), profile.openLoop());
        }
    }

    /**
     * Each cloud adapter brings its own cold-start script, {@code bench/<cloud>/cold-start.sh [runs]}, which ends with
     * a line {@code summary runs=… init_ms_median=… first_invocation_ms_median=… total_ms_median=…}.
     */
    private void coldStarts() throws Exception {
        List<Path> scripts;
        try (Stream<Path> clouds = Files.list(root.resolve("bench"))) {
            scripts = clouds.map(d -> d.resolve("cold-start.sh"))
                    .filter(Files::exists)
                    .sorted()
                    .toList();
        }
        if (scripts.isEmpty()) {
            report.note("cold start: no cloud adapter with a cold-start script in this build");
        }
        String runs = profile == Profile.FULL ? "5" : "1";
        for (Path script : scripts) {
            var command = new Command(List.of("bash", root.relativize(script).toString(), runs), Map.of(), root);
            String summary = command.runOrFail(Duration.ofMinutes(15))
                    .lines()
                    .filter(l -> l.startsWith("summary "))
                    .reduce((first, second) -> second)
                    .orElseThrow(() -> new IllegalStateException(command.display() + " printed no summary line"));
            Map<String, Double> values = new java.util.HashMap<>();
            for (String pair : summary.substring("summary ".length()).split(" ")) {
                String[] kv = pair.split("=", 2);
                values.put(kv[0], Double.parseDouble(kv[1]));
            }
            String section = "cold start, " + script.getParent().getFileName() + " (median of " + runs + ")";
            report.figure(section, "init", values.get("init_ms_median"), "ms", command.display());
            report.figure(
                    section, "first invocation", values.get("first_invocation_ms_median"), "ms", command.display());
            report.figure(section, "total", values.get("total_ms_median"), "ms", command.display());
        }
    }

    /**
     * The long fault run takes longer than the rest of the benchmark together, so it is its own command; the report
     * carries its last recorded result line.
     */
    private void longFaultRun() throws java.io.IOException {
        Path result = root.resolve("bench/faults/last-result.txt");
        report.note(
                Files.exists(result)
                        ? "long fault run (bench/faults/run.sh, run separately), last result: "
                                + Files.readString(result).strip()
                        : "long fault run (bench/faults/run.sh): no recorded result in this checkout");
    }

    private void targets() {
        double pgbench = report.value("write-path limit (pgbench)", "create transactions/s");
        double create = report.value("API closed loop, " + EXTERNAL, "POST /tasks throughput");
        report.target(Report.Target.atLeast(
                "closed loop POST /tasks ÷ pgbench, " + profile.connections() + " clients",
                create / pgbench,
                0.7,
                "×"));
        report.target(Report.Target.below(
                "open loop " + profile.openRate() + "/s: POST /tasks p99",
                report.value("API open loop, " + EXTERNAL, "POST /tasks p99"),
                50,
                "ms"));
        report.target(Report.Target.below(
                "open loop " + profile.openRate() + "/s: commit → consumer effect p99",
                report.value(DELIVERY, "commit → audit effect p99"),
                100,
                "ms"));
        report.target(Report.Target.atLeast(
                "sustained creates/s, nothing lost or duplicated",
                report.value(DELIVERY, "highest sustained create rate, every event delivered once"),
                2000,
                "creates/s"));
        report.target(Report.Target.below(
                profile.users() + " concurrent users: API p95",
                report.value("concurrent users, " + EXTERNAL, "API p95"),
                200,
                "ms"));
        if (profile == Profile.SMOKE) {
            report.note("smoke profile: seconds of load to keep the harness working, not figures to compare with the"
                    + " targets; the full run is `bench/run.sh full`");
        }
    }
}
