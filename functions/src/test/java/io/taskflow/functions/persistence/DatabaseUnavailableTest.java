package io.taskflow.functions.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

    @Test
    void noConnectionFromThePoolInTimeMeansTheDatabaseIsAway() {
        var e = new IllegalStateException(
                "Failed to obtain JDBC Connection", new SQLTransientConnectionException("Connection is not available"));

        assertThat(DatabaseUnavailable.isCause(e)).isTrue();
    }

    @Test
    void aSessionTerminatedByTheServerOrABrokenLinkMeansTheDatabaseIsAway() {
        assertThat(DatabaseUnavailable.isCause(new SQLException("terminating connection", "57P01")))
                .isTrue();
        assertThat(DatabaseUnavailable.isCause(new SQLException("An I/O error occurred", "08006")))
                .isTrue();
        assertThat(DatabaseUnavailable.isCause(new RuntimeException(new ConnectException("Connection refused"))))
                .isTrue();
    }

    @Test
    void aFailedRollbackOnAnEvictedConnectionIsRecognisedEvenWhenItHidesTheFirstFailure() {
        var rollback = new IllegalStateException(
                "Could not set JDBC Connection read-only", new SQLException("Connection is closed"));
        var hidden = new IllegalStateException("commit failed");
        hidden.addSuppressed(new SQLException("terminating connection", "57P01"));

        assertThat(DatabaseUnavailable.isCause(rollback)).isTrue();
        assertThat(DatabaseUnavailable.isCause(hidden)).isTrue();
    }

    @Test
    void aFailureOfTheWorkItselfIsNot() {
        assertThat(DatabaseUnavailable.isCause(new SQLException("duplicate key", "23505")))
                .isFalse();
        assertThat(DatabaseUnavailable.isCause(new IllegalStateException("boom")))
                .isFalse();
        assertThat(DatabaseUnavailable.isCause(new SQLException("Connection is closed", "HY000")))
                .isFalse();
    }
}
