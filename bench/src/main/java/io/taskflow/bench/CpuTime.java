package io.taskflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CPU time (user + system, from /proc) the benchmark's processes spent. Divided by the requests of a step it says
 * what one request cost each process, a figure that holds even when something else shares the machine, unlike a
 * throughput. PostgreSQL is every process whose command line names it (its backends and background workers).
 */
final class CpuTime {
    private static final double MILLIS_PER_TICK = 10.0; // USER_HZ is 100 on Linux

    private CpuTime() {}

    /** Milliseconds of CPU so far, per named process, plus "PostgreSQL". Empty where /proc cannot be read. */
    static Map<String, Double> read(Map<String, Long> processes) {
        var millis = new LinkedHashMap<String, Double>();
        processes.forEach((name, pid) -> millis.put(name, ticks(Path.of("/proc", pid.toString())) * MILLIS_PER_TICK));
        double postgres = 0;
        try (Stream<Path> all = Files.list(Path.of("/proc"))) {
            for (Path proc : all.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .toList()) {
                if (commandLine(proc).startsWith("postgres")) {
                    postgres += ticks(proc) * MILLIS_PER_TICK;
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        millis.put("PostgreSQL", postgres);
        return millis;
    }

    private static long ticks(Path proc) {
        try {
            String stat = Files.readString(proc.resolve("stat"));
            // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are 14, 15.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0; // the process ended between the listing and the read
        }
    }

    private static String commandLine(Path proc) {
        try {
            return new String(Files.readAllBytes(proc.resolve("cmdline"))).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }
}
