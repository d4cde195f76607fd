package io.taskflow.core.user;

import static io.taskflow.core.testing.DomainAssertions.assertInvalidInput;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class CredentialsTest {

    @Test
    void theE_mailIsNormalisedLikeAtRegistration() {
        assertThat(new Credentials(" Ann@Example.COM ", "pw").email())
                .isEqualTo(new Registration("Ann@Example.COM", "long enough", "Ann").email())
                .isEqualTo("ann@example.com");
    }

    @Test
    void aMalformedE_mailIsRefused() {
        assertInvalidInput("email", () -> new Credentials("not-an-email", "pw"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void anEmptyPasswordIsRefused(String password) {
        assertInvalidInput("password", () -> new Credentials("ann@example.com", password));
    }

    @Test
    void onlyTheShapeIsCheckedSoAShortPasswordIsAccepted() {
        assertThat(new Credentials("ann@example.com", "x").password()).isEqualTo("x");
    }

    @Test
    void toStringNeverContainsThePassword() {
        var credentials = new Credentials("ann@example.com", "hunter2-very-secret");

        assertThat(credentials.toString()).doesNotContain("hunter2-very-secret").contains("ann@example.com");
    }
}
