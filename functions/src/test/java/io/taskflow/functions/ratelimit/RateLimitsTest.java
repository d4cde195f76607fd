package io.taskflow.functions.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitsTest {

    @Test
    void givenThreePermitsAMinuteWhenAKeyAsksFourTimesThenTheFourthIsRefusedWithTheWaitUntilTheNextPeriod() {
        var limits = new RateLimits("writes", true, 3, Duration.ofMinutes(1), 100);

        assertThat(limits.acquire("ada")).isEmpty();
        assertThat(limits.acquire("ada")).isEmpty();
        assertThat(limits.acquire("ada")).isEmpty();
        var refused = limits.acquire("ada");

        assertThat(refused).isPresent();
        assertThat(refused.get()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void givenOneKeyOverItsLimitWhenAnotherKeyAsksThenItIsGranted() {
        var limits = new RateLimits("writes", true, 1, Duration.ofMinutes(1), 100);
        limits.acquire("ada");

        assertThat(limits.acquire("ada")).isPresent();
        assertThat(limits.acquire("bob")).isEmpty();
    }

    @Test
    void givenARefusalWhenCheckedThenTheExceptionCarriesWholeSecondsForRetryAfter() {
        var limits = new RateLimits("login-by-email", true, 1, Duration.ofSeconds(30), 100);
        limits.check("ada@example.com");

        assertThatThrownBy(() -> limits.check("ada@example.com"))
                .isInstanceOf(RateLimitedException.class)
                .satisfies(e -> assertThat(((RateLimitedException) e).retryAfterSeconds())
                        .isBetween(1L, 30L));
    }

    @Test
    void givenLimitsSwitchedOffWhenAKeyAsksOftenThenEveryCallIsGranted() {
        var limits = new RateLimits("writes", false, 1, Duration.ofMinutes(1), 100);
        for (int i = 0; i < 10; i++) {
            assertThat(limits.acquire("ada")).isEmpty();
        }
    }
}
