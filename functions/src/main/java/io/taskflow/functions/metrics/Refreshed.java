package io.taskflow.functions.metrics;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value read at most once per interval; while the source fails it reads as absent (a gauge shows NaN). Gauges read it
 * on every scrape, so a scrape costs at most one read of the source per interval.
 */
public final class Refreshed<T> {
    private static final Logger LOG = LoggerFactory.getLogger(Refreshed.class);

    private final Supplier<T> source;
    private final long intervalNanos;
    private T value;
    private long readAt;
    private boolean read;

    public Refreshed(Duration interval, Supplier<T> source) {
        this.source = source;
        this.intervalNanos = interval.toNanos();
    }

    public synchronized T get() {
        long now = System.nanoTime();
        if (!read || now - readAt >= intervalNanos) {
            read = true;
            readAt = now;
            try {
                value = source.get();
            } catch (RuntimeException e) {
                LOG.debug("a gauge could not be read: {}", e.toString());
                value = null;
            }
        }
        return value;
    }
}
