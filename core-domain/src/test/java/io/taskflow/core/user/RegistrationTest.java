package io.taskflow.core.user;

import static io.taskflow.core.testing.DomainAssertions.assertInvalidInput;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RegistrationTest {
    private static final String PASSWORD = "s3cret-Passw0rd";

    @Test
    void theE_mailIsTrimmedAndLowerCased() {
        assertThat(new Registration("  Ann.Lee@Example.COM\t", PASSWORD, "Ann").email())
                .isEqualTo("ann.lee@example.com");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {"ann", "ann@", "@example.com", "ann@example", "ann lee@example.com", "ann@@example.com", "   "})
    void somethingThatIsNotAnE_mailIsRefused(String email) {
        assertInvalidInput("email", () -> new Registration(email, PASSWORD, "Ann"));
    }

    @Test
    void anE_mailOver254CharactersIsRefused() {
        String local = "a".repeat(64);
        String ok = local + "@" + "d".repeat(254 - 64 - 1 - 4) + ".com";
        assertThat(new Registration(ok, PASSWORD, "Ann").email()).hasSize(254);

        assertInvalidInput("email", () -> new Registration("a" + ok, PASSWORD, "Ann"));
    }

    @Test
    void aPasswordShorterThanEightCharactersIsRefused() {
        assertInvalidInput("password", () -> new Registration("ann@example.com", "1234567", "Ann"));
        assertInvalidInput("password", () -> new Registration("ann@example.com", null, "Ann"));
        assertThat(new Registration("ann@example.com", "12345678", "Ann").password())
                .isEqualTo("12345678");
    }

    @Test
    void aPasswordOver72BytesInUtf8IsRefusedEvenWhenItHasFewerCharacters() {
        assertThat(new Registration("ann@example.com", "p".repeat(72), "Ann")).isNotNull();
        assertThat(new Registration("ann@example.com", "é".repeat(36), "Ann")).isNotNull();

        assertInvalidInput("password", () -> new Registration("ann@example.com", "p".repeat(73), "Ann"));
        assertInvalidInput("password", () -> new Registration("ann@example.com", "é".repeat(37), "Ann"));
        assertInvalidInput("password", () -> new Registration("ann@example.com", "🔑".repeat(19), "Ann"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void aBlankDisplayNameIsRefused(String displayName) {
        assertInvalidInput("displayName", () -> new Registration("ann@example.com", PASSWORD, displayName));
    }

    @Test
    void theDisplayNameIsStrippedAndAtMost100Characters() {
        assertThat(new Registration("ann@example.com", PASSWORD, "  Ann  ").displayName())
                .isEqualTo("Ann");
        assertThat(new Registration("ann@example.com", PASSWORD, "n".repeat(100)).displayName())
                .hasSize(100);
        assertInvalidInput("displayName", () -> new Registration("ann@example.com", PASSWORD, "n".repeat(101)));
    }

    @Test
    void toStringNeverContainsThePassword() {
        var registration = new Registration("ann@example.com", PASSWORD, "Ann");

        assertThat(registration.toString()).doesNotContain(PASSWORD).contains("ann@example.com");
    }
}
