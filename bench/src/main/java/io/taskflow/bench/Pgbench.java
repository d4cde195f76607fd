package io.taskflow.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The write-path limit: pgbench running the transaction of a create (bench/pgbench/create-task.sql) at the API's client
 * count, on a copy of the application's schema in the same PostgreSQL, so the relay never sees its rows.
 */
final class Pgbench {
    private static final Pattern TPS = Pattern.compile("tps = ([\\d.]+) \\(without initial connection time\\)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([\\d.]+) ms");

    private Pgbench() {}

    static void run(Report report, Profile profile, Path root, Database app, String eventData, Path work) {
        Database copy = Database.fresh(app.name() + "_pgbench");
        Path schema = work.resolve("schema.sql");
        new Command(List.of(
                        "pg_dump",
                        "-h",
                        app.host(),
                        "-U",
                        app.user(),
                        "--schema-only",
                        "-f",
                        schema.toString(),
                        app.name()))
                .runOrFail(Duration.ofMinutes(1));
        new Command(List.of(
                        "psql",
                        "-q",
                        "-v",
                        "ON_ERROR_STOP=1",
                        "-h",
                        copy.host(),
                        "-U",
                        copy.user(),
                        "-f",
                        schema.toString(),
                        copy.name()))
                .runOrFail(Duration.ofMinutes(1));
        String owner = UUID.randomUUID().toString();
        copy.execute(
                "INSERT INTO users (id, email, display_name, password_hash, version, created_at)"
                        + " VALUES (?::uuid, 'pgbench@example.com', 'pgbench', 'x', 1, now())",
                owner);
        var command = new Command(List.of(
                "pgbench",
                "-n",
                "-M",
                "prepared",
                "-c",
                String.valueOf(profile.connections()),
                "-j",
                "2",
                "-T",
                String.valueOf(profile.pgbench().toSeconds()),
                "-f",
                root.resolve("bench/pgbench/create-task.sql").toString(),
                "-D",
                "owner=" + owner,
                "-D",
                "data=" + eventData,
                "-D",
                "schema=urn:taskflow:schema:task.created:v1",
                "-h",
                copy.host(),
                "-U",
                copy.user(),
                copy.name()));
        String output = command.runOrFail(profile.pgbench().plusMinutes(2));
        report.figure(
                "write-path limit (pgbench)", "create transactions/s", number(TPS, output), "tx/s", command.display());
        report.figure(
                "write-path limit (pgbench)", "latency average", number(LATENCY, output), "ms", command.display());
    }

    static double number(Pattern pattern, String output) {
        Matcher m = pattern.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("no " + pattern + " in:\n" + output);
        }
        return Double.parseDouble(m.group(1));
    }

    static String sampleEvent(Database app) {
        Object data = app.single("SELECT data FROM outbox WHERE event_type = 'task.created' ORDER BY id DESC LIMIT 1");
        if (data == null) {
            throw new IllegalStateException("no task.created event in the outbox to size the benchmarks with");
        }
        return data.toString();
    }
}
