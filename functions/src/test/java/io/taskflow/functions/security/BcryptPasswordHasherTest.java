package io.taskflow.functions.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BcryptPasswordHasherTest {
    /** The lowest cost bcrypt allows: the behaviour is the same as at cost 10, only faster. */
    private final BcryptPasswordHasher hasher = new BcryptPasswordHasher(4);

    @Test
    void givenAPassword_whenHashed_thenTheHashIsABcryptHashAtTheConfiguredCostAndNotThePassword() {
        String hash = hasher.hash("correct horse battery");

        assertThat(hash).startsWith("$2a$04$").hasSize(60).doesNotContain("correct horse battery");
    }

    @Test
    void givenTheHashOfAPassword_whenTheSamePasswordIsChecked_thenItMatches() {
        String hash = hasher.hash("correct horse battery");

        assertThat(hasher.matches("correct horse battery", hash)).isTrue();
    }

    @Test
    void givenTheHashOfAPassword_whenAnotherPasswordIsChecked_thenItDoesNotMatch() {
        String hash = hasher.hash("correct horse battery");

        assertThat(hasher.matches("correct horse battery!", hash)).isFalse();
        assertThat(hasher.matches("Correct horse battery", hash)).isFalse();
        assertThat(hasher.matches("", hash)).isFalse();
    }

    @Test
    void givenOnePasswordHashedTwice_whenTheHashesAreCompared_thenTheyDifferButBothMatch() {
        String first = hasher.hash("correct horse battery");
        String second = hasher.hash("correct horse battery");

        assertThat(first).isNotEqualTo(second);
        assertThat(first.substring(7, 29)).as("salt").isNotEqualTo(second.substring(7, 29));
        assertThat(hasher.matches("correct horse battery", first)).isTrue();
        assertThat(hasher.matches("correct horse battery", second)).isTrue();
    }

    @Test
    void givenAPasswordBeyondAscii_whenHashedAndChecked_thenItMatchesOnlyItself() {
        String hash = hasher.hash("p\u00e4ssw\u00f6rd \u2603 \uD83D\uDD11");

        assertThat(hasher.matches("p\u00e4ssw\u00f6rd \u2603 \uD83D\uDD11", hash))
                .isTrue();
        assertThat(hasher.matches("passwor d \u2603 \uD83D\uDD11", hash)).isFalse();
        assertThat(hasher.matches("p\u00e4ssw\u00f6rd \u2603 ", hash)).isFalse();
    }

    @Test
    void givenAHashMadeAtAnotherCost_whenChecked_thenTheCostIsReadFromTheHash() {
        String hash = new BcryptPasswordHasher(5).hash("correct horse battery");

        assertThat(hash).startsWith("$2a$05$");
        assertThat(hasher.matches("correct horse battery", hash)).isTrue();
    }

    @Test
    void givenALoginPasswordLongerThanBcryptReads_whenChecked_thenItDoesNotMatchRatherThanFailing() {
        // Registration caps passwords at 72 bytes, but a login may present any length: it must simply not match.
        String hash = hasher.hash("correct horse battery");

        assertThat(hasher.matches("x".repeat(100), hash)).isFalse();
    }
}
