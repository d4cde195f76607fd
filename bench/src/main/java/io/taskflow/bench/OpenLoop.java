package io.taskflow.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The open loop: creates sent at a constant rate whatever the server does, each latency measured from the moment the
 * request was due rather than sent, so a stalled server is charged for every request it held back (no coordinated
 * omission).
 */
final class OpenLoop {
    private OpenLoop() {}

    record Result(long sent, long ok, long failed, double achievedRate, Histogram latencyMicros, String titlePrefix) {
        double percentileMillis(double p) {
            return latencyMicros.getValueAtPercentile(p) / 1000.0;
        }
    }

    static Result creates(Api api, List<Api.User> users, int rate, Duration duration, String titlePrefix) {
        var histogram = new ConcurrentHistogram(Duration.ofMinutes(2).toNanos() / 1000, 3);
        var ok = new AtomicLong();
        var failed = new AtomicLong();
        var pending = new ConcurrentLinkedQueue<CompletableFuture<?>>();
        long total = rate * duration.toSeconds();
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        for (long i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            Api.User user = users.get((int) (i % users.size()));
            pending.add(api.send(api.createTask(user.token(), titlePrefix + i)).whenComplete((response, error) -> {
                histogram.recordValue(Math.max(0, (System.nanoTime() - due) / 1000));
                if (error == null && response.statusCode() == 201) {
                    ok.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
            }));
            if (pending.size() > 10_000) {
                pending.removeIf(CompletableFuture::isDone);
            }
        }
        long sentAll = System.nanoTime();
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                .exceptionally(e -> null)
                .orTimeout(60, TimeUnit.SECONDS)
                .join();
        double seconds = Math.max(1e-9, (sentAll - start) / 1e9);
        return new Result(total, ok.get(), failed.get(), ok.get() / seconds, histogram, titlePrefix);
    }

    static void record(Report report, String section, Result r, int rate, Duration duration) {
        String how = "open loop in the harness: " + rate + " POST /tasks per second for " + duration.toSeconds()
                + " s, latency from the due time (HdrHistogram)";
        report.figure(section, "POST /tasks offered", rate, "req/s", how);
        report.figure(section, "POST /tasks answered 201", r.ok(), "requests", how);
        report.figure(section, "POST /tasks failed", r.failed(), "requests", how);
        report.figure(section, "POST /tasks p50", r.percentileMillis(50), "ms", how);
        report.figure(section, "POST /tasks p95", r.percentileMillis(95), "ms", how);
        report.figure(section, "POST /tasks p99", r.percentileMillis(99), "ms", how);
        report.figure(section, "POST /tasks max", r.latencyMicros().getMaxValue() / 1000.0, "ms", how);
    }
}
