package io.taskflow.bench;

import java.time.Duration;
import java.util.List;

/** How long and how hard each step runs: a smoke profile of seconds for CI, and the full run the targets are read from. */
record Profile(
        String name,
        Duration warmup,
        Duration pgbench,
        int producerRecords,
        Duration closedLoop,
        int connections,
        int openRate,
        Duration openLoop,
        List<Integer> sustainedRates,
        Duration sustained,
        int users,
        Duration concurrency,
        int benchUsers) {

    static final Profile SMOKE = new Profile(
            "smoke",
            Duration.ofSeconds(2),
            Duration.ofSeconds(3),
            20_000,
            Duration.ofSeconds(4),
            64,
            200,
            Duration.ofSeconds(3),
            List.of(300),
            Duration.ofSeconds(3),
            50,
            Duration.ofSeconds(5),
            8);

    static final Profile FULL = new Profile(
            "full",
            Duration.ofSeconds(20),
            Duration.ofSeconds(30),
            1_000_000,
            Duration.ofSeconds(30),
            64,
            1000,
            Duration.ofSeconds(60),
            List.of(1500, 2000, 2500, 3000),
            Duration.ofSeconds(60),
            1000,
            Duration.ofSeconds(60),
            16);

    static Profile named(String name) {
        return switch (name) {
            case "smoke" -> SMOKE;
            case "full" -> FULL;
            default -> throw new IllegalArgumentException("profile must be smoke or full, not " + name);
        };
    }
}
