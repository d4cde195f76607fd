package io.taskflow.functions.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.nimbusds.jwt.JWT;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import io.micronaut.security.token.validator.TokenValidator;
import io.taskflow.core.port.TimeSource;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.reactivestreams.Publisher;

/**
 * Remembers, for a short while, the access tokens that passed the full check (the pinned signature, then
 * {@link TokenClaimsValidator}): a client sends the same token with every request, and parsing and verifying it each
 * time was about a tenth of the API's CPU under load (docs/performance.md). An entry never outlives the token's own
 * expiry (without the leeway), so the cache accepts nothing the full check would refuse. Refused tokens are not
 * remembered: they take the full check every time. {@code taskflow.security.token-cache.ttl=0s} turns it off.
 */
@Singleton
@Primary
final class CachedTokenValidator<R> implements TokenValidator<R> {
    private final ReactiveJsonWebTokenValidator<JWT, R> full;
    private final TimeSource time;
    private final Duration ttl;
    private final Cache<String, Accepted> accepted;

    CachedTokenValidator(
            ReactiveJsonWebTokenValidator<JWT, R> full,
            TimeSource time,
            @Value("${taskflow.security.token-cache.ttl:60s}") Duration ttl,
            @Value("${taskflow.security.token-cache.max-size:10000}") long maxSize) {
        if (ttl.isNegative() || maxSize < 0) {
            throw new IllegalArgumentException("taskflow.security.token-cache: ttl and max-size may not be negative");
        }
        this.full = full;
        this.time = time;
        this.ttl = ttl;
        this.accepted = Caffeine.newBuilder()
                .maximumSize(maxSize)
                .expireAfter(Expiry.creating((String token, Accepted a) -> Duration.between(time.now(), a.until())))
                .build();
    }

    /** Before the full check, which still runs after this one for a token it refuses. */
    @Override
    public int getOrder() {
        return -100;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, R request) {
        Accepted known = ttl.isZero() ? null : accepted.getIfPresent(token);
        if (known != null && time.now().isBefore(known.until())) {
            return Publishers.just(known.authentication());
        }
        return Publishers.then(full.validateToken(token, request), a -> remember(token, a));
    }

    private void remember(String token, Authentication authentication) {
        if (ttl.isZero()) {
            return;
        }
        Instant now = time.now();
        Instant until = now.plus(ttl);
        Instant expiry = expiry(authentication.getAttributes().get("exp"));
        if (expiry == null) {
            return;
        }
        if (expiry.isBefore(until)) {
            until = expiry;
        }
        if (until.isAfter(now)) {
            accepted.put(token, new Accepted(authentication, until));
        }
    }

    /** The {@code exp} claim as the authentication's attributes carry it. */
    private static Instant expiry(Object exp) {
        if (exp instanceof Date date) {
            return date.toInstant();
        }
        if (exp instanceof Instant instant) {
            return instant;
        }
        if (exp instanceof Number seconds) {
            return Instant.ofEpochSecond(seconds.longValue());
        }
        return null;
    }

    private record Accepted(Authentication authentication, Instant until) {}
}
