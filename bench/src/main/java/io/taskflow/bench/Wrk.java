package io.taskflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The closed loop: wrk holding {@code connections} connections busy, with bench/wrk/tasks.lua for tokens and bodies. */
final class Wrk {
    private Wrk() {}

    record Result(double rps, long requests, long errors, double p50, double p95, double p99) {}

    static Result run(
            Report report,
            String section,
            String mode,
            Profile profile,
            Duration duration,
            Path root,
            String baseUrl,
            List<Api.User> users,
            Path work,
            boolean record,
            Map<String, Long> processes)
            throws Exception {
        Path tokens = work.resolve("tokens.txt");
        Files.write(tokens, users.stream().map(Api.User::token).toList());
        var command = new Command(
                List.of(
                        "wrk",
                        "-t2",
                        "-c" + profile.connections(),
                        "-d" + duration.toSeconds() + "s",
                        "--timeout",
                        "10s",
                        "-s",
                        root.resolve("bench/wrk/tasks.lua").toString(),
                        baseUrl),
                Map.of("TASKFLOW_BENCH_TOKENS", tokens.toString(), "TASKFLOW_BENCH_MODE", mode),
                root);
        Map<String, Double> cpuBefore = CpuTime.read(processes);
        String output = command.runOrFail(duration.plusMinutes(1));
        Map<String, Double> cpuAfter = CpuTime.read(processes);
        int at = output.indexOf("wrk-result ");
        if (at < 0) {
            throw new IllegalStateException("no result line in wrk's output:\n" + output);
        }
        JsonNode json = Api.JSON.readTree(output.substring(at + "wrk-result ".length())
                .lines()
                .findFirst()
                .orElseThrow());
        var result = new Result(
                json.get("rps").asDouble(),
                json.get("requests").asLong(),
                json.get("errors").asLong(),
                json.get("p50").asDouble() / 1000,
                json.get("p95").asDouble() / 1000,
                json.get("p99").asDouble() / 1000);
        if (record) {
            String what = mode.equals("create") ? "POST /tasks" : "GET /tasks";
            report.figure(section, what + " throughput", result.rps(), "req/s", command.display());
            report.figure(section, what + " p50", result.p50(), "ms", command.display());
            report.figure(section, what + " p95", result.p95(), "ms", command.display());
            report.figure(section, what + " p99", result.p99(), "ms", command.display());
            report.figure(section, what + " non-2xx or failed", result.errors(), "requests", command.display());
            for (var cpu : cpuAfter.entrySet()) {
                double spent = cpu.getValue() - cpuBefore.getOrDefault(cpu.getKey(), 0.0);
                report.figure(
                        section,
                        what + " CPU per request, " + cpu.getKey(),
                        result.requests() == 0 ? 0 : spent / result.requests(),
                        "ms",
                        "user + system CPU from /proc over the step above, ÷ its requests");
            }
        }
        return result;
    }
}
