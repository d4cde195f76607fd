package io.taskflow.functions.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;
import java.util.Optional;

/**
 * One family of limits (writes, logins…): a limiter per key (a user id, an address, an e-mail), each allowing
 * {@code permits} calls per {@code period}, refilled at the start of each period. Limiters of keys not seen for a
 * while are dropped, and at most {@code maxKeys} are kept, so a flood of new keys cannot exhaust memory.
 */
public final class RateLimits {
    private final String name;
    private final RateLimiterConfig config;
    private final boolean enabled;
    private final Cache<String, AtomicRateLimiter> limiters;

    public RateLimits(String name, boolean enabled, int permits, Duration period, long maxKeys) {
        if (permits < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("rate limit " + name + " needs permits >= 1 and a positive period");
        }
        this.name = name;
        this.enabled = enabled;
        this.config = RateLimiterConfig.custom()
                .limitForPeriod(permits)
                .limitRefreshPeriod(period)
                .timeoutDuration(Duration.ZERO)
                .build();
        // A key idle for two periods has a full allowance again: forgetting it changes nothing.
        this.limiters = Caffeine.newBuilder()
                .expireAfterAccess(period.multipliedBy(2))
                .maximumSize(maxKeys)
                .build();
    }

    public String name() {
        return name;
    }

    /** Takes one permit for {@code key}; empty when granted, else how long until the next one. */
    public Optional<Duration> acquire(String key) {
        if (!enabled) {
            return Optional.empty();
        }
        AtomicRateLimiter limiter = limiters.get(key, k -> (AtomicRateLimiter) RateLimiter.of(name + ":" + k, config));
        if (limiter.acquirePermission()) {
            return Optional.empty();
        }
        long nanos = Math.max(limiter.getDetailedMetrics().getNanosToWait(), 1);
        return Optional.of(Duration.ofNanos(nanos));
    }

    /** Like {@link #acquire} but throws {@link RateLimitedException} when refused. */
    public void check(String key) {
        acquire(key).ifPresent(wait -> {
            throw new RateLimitedException(name, wait);
        });
    }
}
