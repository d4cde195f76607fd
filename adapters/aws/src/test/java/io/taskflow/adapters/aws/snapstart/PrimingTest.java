package io.taskflow.adapters.aws.snapstart;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.taskflow.adapters.aws.http.ApiHandler;
import io.taskflow.adapters.aws.msk.AuditHandler;
import io.taskflow.adapters.aws.schedule.CleanupHandler;
import io.taskflow.adapters.aws.testing.AwsTestStack;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class PrimingTest {
    private final AwsTestStack stack = AwsTestStack.get();

    @Test
    void beforeACheckpointEveryHandlerIsPrimedWithoutWritingAndNoDatabaseConnectionIsKept() throws Exception {
        new ApiHandler(stack.context());
        new AuditHandler(stack.context());
        new CleanupHandler(stack.context());
        Priming priming = stack.context().getBean(Priming.class);
        long rowsBefore = rows();

        int primed = priming.prime();
        priming.beforeCheckpoint(null);

        assertThat(primed).isGreaterThanOrEqualTo(3);
        assertThat(rows()).isEqualTo(rowsBefore);
        HikariDataSource pool = (HikariDataSource) stack.context()
                .findBean(io.micronaut.jdbc.DataSourceResolver.class)
                .orElse(io.micronaut.jdbc.DataSourceResolver.DEFAULT)
                .resolve(stack.context().getBean(DataSource.class));
        Awaitility.await("no pooled connection")
                .atMost(Duration.ofSeconds(10))
                .until(() -> pool.getHikariPoolMXBean().getTotalConnections() == 0);
    }

    @Test
    void afterARestoreTheCachedSecretsAreReadAgain() {
        Priming priming = stack.context().getBean(Priming.class);

        priming.afterRestore(null);

        // The signing key is read again on demand, and the API still answers.
        assertThat(stack.context()
                        .getBean(io.taskflow.adapters.aws.secrets.SecretsManagerSecrets.class)
                        .find("jwt-signing-secret"))
                .isPresent();
    }

    /** Users, tasks and outbox rows: what a primer must not add to. */
    private long rows() throws SQLException {
        try (Connection db = stack.openDatabase();
                var rs = db.createStatement()
                        .executeQuery("SELECT (SELECT COUNT(*) FROM users) + (SELECT COUNT(*) FROM tasks)"
                                + " + (SELECT COUNT(*) FROM outbox) + (SELECT COUNT(*) FROM inbox)")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
