package io.taskflow.functions.analytics;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A number read at most once per time-to-live: a gauge backed by a database query stays cheap however often it is
 * scraped. When a read fails, the last value is kept (NaN before the first success) and the next call tries again.
 */
final class RecentValue {
    private static final Logger LOG = LoggerFactory.getLogger(RecentValue.class);

    private final LongSupplier source;
    private final long ttlNanos;
    private final LongSupplier nanoClock;
    private double value = Double.NaN;
    private long readAt;
    private boolean read;

    RecentValue(LongSupplier source, Duration ttl, LongSupplier nanoClock) {
        this.source = source;
        this.ttlNanos = ttl.toNanos();
        this.nanoClock = nanoClock;
    }

    RecentValue(LongSupplier source, Duration ttl) {
        this(source, ttl, System::nanoTime);
    }

    synchronized double get() {
        long now = nanoClock.getAsLong();
        if (read && now - readAt < ttlNanos) {
            return value;
        }
        try {
            value = source.getAsLong();
            readAt = now;
            read = true;
        } catch (RuntimeException e) {
            LOG.warn("could not read a gauge's value, keeping the last one: {}", e.toString());
        }
        return value;
    }
}
