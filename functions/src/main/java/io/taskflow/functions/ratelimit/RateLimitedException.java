package io.taskflow.functions.ratelimit;

import java.time.Duration;

/** A caller went over one of its rate limits; answered 429 with {@code Retry-After}. */
public final class RateLimitedException extends RuntimeException {
    private final String limit;
    private final Duration retryAfter;

    public RateLimitedException(String limit, Duration retryAfter) {
        super("too many requests (" + limit + " limit); retry in " + seconds(retryAfter) + " s");
        this.limit = limit;
        this.retryAfter = retryAfter;
    }

    public String limit() {
        return limit;
    }

    /** Whole seconds, rounded up and at least 1, as the {@code Retry-After} header wants them. */
    public long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    private static long seconds(Duration d) {
        long s = (d.toMillis() + 999) / 1000;
        return Math.max(s, 1);
    }
}
