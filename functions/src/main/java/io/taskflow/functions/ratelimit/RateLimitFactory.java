package io.taskflow.functions.ratelimit;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * The limits, from {@code taskflow.rate-limit.*}. The defaults are generous (a benchmark driving a thousand creates a
 * second from a few users is not throttled); production tightens them by configuration.
 */
@Factory
class RateLimitFactory {

    @Singleton
    @Named(RateLimitNames.WRITES)
    RateLimits writes(
            @Value("${taskflow.rate-limit.enabled:true}") boolean enabled,
            @Value("${taskflow.rate-limit.writes.permits:2000}") int permits,
            @Value("${taskflow.rate-limit.writes.period:1s}") Duration period,
            @Value("${taskflow.rate-limit.max-keys:100000}") long maxKeys) {
        return new RateLimits(RateLimitNames.WRITES, enabled, permits, period, maxKeys);
    }

    @Singleton
    @Named(RateLimitNames.AUTH_BY_ADDRESS)
    RateLimits authByAddress(
            @Value("${taskflow.rate-limit.enabled:true}") boolean enabled,
            @Value("${taskflow.rate-limit.auth-by-address.permits:300}") int permits,
            @Value("${taskflow.rate-limit.auth-by-address.period:1m}") Duration period,
            @Value("${taskflow.rate-limit.max-keys:100000}") long maxKeys) {
        return new RateLimits(RateLimitNames.AUTH_BY_ADDRESS, enabled, permits, period, maxKeys);
    }

    @Singleton
    @Named(RateLimitNames.LOGIN_BY_EMAIL)
    RateLimits loginByEmail(
            @Value("${taskflow.rate-limit.enabled:true}") boolean enabled,
            @Value("${taskflow.rate-limit.login-by-email.permits:20}") int permits,
            @Value("${taskflow.rate-limit.login-by-email.period:1m}") Duration period,
            @Value("${taskflow.rate-limit.max-keys:100000}") long maxKeys) {
        return new RateLimits(RateLimitNames.LOGIN_BY_EMAIL, enabled, permits, period, maxKeys);
    }
}
