package io.taskflow.functions.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWT;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import io.taskflow.core.testing.MutableTimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * The cache in front of the full token check: it may save work, never change an answer. The full check is stood in
 * for by one that accepts the tokens it was told about, until their expiry, and counts how often it is asked.
 */
class CachedTokenValidatorTest {
    private final MutableTimeSource time = MutableTimeSource.at("2026-11-25T12:00:00Z");
    private final CountingCheck full = new CountingCheck();

    @Test
    void givenAnAcceptedTokenWhenItComesBackThenItIsAcceptedWithoutTheFullCheck() {
        var cache = new CachedTokenValidator<Object>(full, time, Duration.ofSeconds(60), 100);
        full.accept("good", time.now().plusSeconds(3600));

        assertThat(check(cache, "good")).contains("user-good");
        assertThat(check(cache, "good")).contains("user-good");
        assertThat(check(cache, "good")).contains("user-good");

        assertThat(full.asked("good")).isEqualTo(1);
    }

    @Test
    void givenARefusedTokenWhenItComesBackThenTheFullCheckRefusesItEveryTime() {
        var cache = new CachedTokenValidator<Object>(full, time, Duration.ofSeconds(60), 100);

        assertThat(check(cache, "forged")).isEmpty();
        assertThat(check(cache, "forged")).isEmpty();

        assertThat(full.asked("forged")).isEqualTo(2);
    }

    @Test
    void givenATokenThatExpiresBeforeTheCacheTimeWhenItHasExpiredThenTheFullCheckDecidesAgain() {
        var cache = new CachedTokenValidator<Object>(full, time, Duration.ofSeconds(60), 100);
        full.accept("short", time.now().plusSeconds(10));
        assertThat(check(cache, "short")).isPresent();

        time.advance(Duration.ofSeconds(11));

        assertThat(check(cache, "short")).isEmpty();
        assertThat(full.asked("short")).isEqualTo(2);
    }

    @Test
    void givenTheCacheTimeHasPassedWhenTheTokenComesBackThenTheFullCheckRunsAgain() {
        var cache = new CachedTokenValidator<Object>(full, time, Duration.ofSeconds(60), 100);
        full.accept("good", time.now().plusSeconds(3600));
        check(cache, "good");

        time.advance(Duration.ofSeconds(61));
        check(cache, "good");

        assertThat(full.asked("good")).isEqualTo(2);
    }

    @Test
    void givenTheCacheTurnedOffWhenATokenComesBackThenEveryRequestTakesTheFullCheck() {
        var cache = new CachedTokenValidator<Object>(full, time, Duration.ZERO, 100);
        full.accept("good", time.now().plusSeconds(3600));

        check(cache, "good");
        check(cache, "good");

        assertThat(full.asked("good")).isEqualTo(2);
    }

    private static Optional<String> check(CachedTokenValidator<Object> cache, String token) {
        return Mono.from(cache.validateToken(token, new Object()))
                .map(Authentication::getName)
                .blockOptional();
    }

    /** Accepts the tokens it was given until their expiry, as the signature and claims checks would. */
    private final class CountingCheck implements ReactiveJsonWebTokenValidator<JWT, Object> {
        private final Map<String, Instant> valid = new HashMap<>();
        private final Map<String, Integer> asked = new HashMap<>();

        void accept(String token, Instant expiry) {
            valid.put(token, expiry);
        }

        int asked(String token) {
            return asked.getOrDefault(token, 0);
        }

        @Override
        public Publisher<Authentication> validateToken(String token, Object request) {
            asked.merge(token, 1, Integer::sum);
            Instant expiry = valid.get(token);
            if (expiry == null || !time.now().isBefore(expiry)) {
                return Mono.empty();
            }
            return Mono.just(Authentication.build("user-" + token, Map.of("exp", Date.from(expiry))));
        }

        @Override
        public Publisher<JWT> validate(String token, Object request) {
            throw new UnsupportedOperationException("the cache asks for an authentication");
        }
    }
}
