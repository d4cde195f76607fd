package io.taskflow.adapters.localkafka.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.json.JsonMapper;
import io.taskflow.adapters.localkafka.testing.Api;
import io.taskflow.adapters.localkafka.testing.Api.User;
import io.taskflow.adapters.localkafka.testing.TestStack;
import io.taskflow.adapters.localkafka.testing.TopicReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * The application killed with {@code kill -9} while it takes writes, and started again: on a random instant under
 * load, and at the one instant the outbox exists for, after the broker acknowledged a batch and before the relay
 * marked it published.
 */
@DisabledIfSystemProperty(named = "taskflow.it.db", matches = "h2", disabledReason = FaultProperties.POSTGRES_ONLY)
class AppKillFaultIT {
    /** One kill in CI, where each start of the jar costs seconds; more with {@code -Dtaskflow.faults.kills=N}. */
    static final int KILLS = Integer.getInteger("taskflow.faults.kills", 1);

    private final AppProcess app = new AppProcess("taskflow-faults-killed", FaultProperties.external());

    @AfterEach
    void stop() throws InterruptedException {
        app.kill();
    }

    @Test
    void killedHardUnderLoadAndRestartedItLosesNoWriteAndNoConsumerDoesAnythingTwice() throws Exception {
        app.start();
        var api = new Api(app.uri(), JsonMapper.createDefault());
        List<User> users = IntStream.range(0, 4).mapToObj(i -> api.newUser()).toList();
        try (var topics = topics();
                var load = new LoadDriver(app.uri(), users, true, Integer.MAX_VALUE)) {
            load.start();
            for (int kill = 0; kill < KILLS; kill++) {
                int before = load.accepted().size();
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> load.accepted().size() >= before + 30);
                app.kill();
                int failed = load.failures().size();
                await("requests fail while the application is dead")
                        .atMost(Duration.ofSeconds(30))
                        .until(() -> load.failures().size() > failed);
                app.start();
            }
            int after = load.accepted().size();
            await().atMost(Duration.ofSeconds(60)).until(() -> load.accepted().size() >= after + 30);
            load.stop();

            assertThat(load.failures())
                    .as("while dead the application does not answer; it never answers 5xx")
                    .allSatisfy(f -> assertThat(f.status()).as(f.toString()).isIn(0, 503));
            var result =
                    new FaultLedger(TestStack.get()::openDatabase, users, topics).check(load, Duration.ofMinutes(2));
            System.out.println("FAULTS app-killed " + result.line());
        }
    }

    @Test
    void killedAfterTheBrokerAcknowledgedABatchAndBeforeItWasMarkedTheBatchIsPublishedAgainAndHandledOnce()
            throws Exception {
        app.start();
        var api = new Api(app.uri(), JsonMapper.createDefault());
        User ada = api.newUser();
        try (var topics = topics();
                Connection relayLock = TestStack.get().openDatabase();
                Connection rowLocks = TestStack.get().openDatabase()) {
            // The relay finds its lock taken and stays idle while the tasks are written.
            relayLock.setAutoCommit(false);
            relayLock.createStatement().execute("SELECT id FROM outbox_relay_lock WHERE id = 1 FOR UPDATE");
            var load = new LoadDriver(app.uri(), List.of(ada), false, 5).start();
            load.awaitDone(Duration.ofSeconds(60));
            assertThat(load.accepted()).hasSize(5);
            var ledger = new FaultLedger(TestStack.get()::openDatabase, List.of(ada), topics);
            var ids = ledger.eventIds();
            // Hold the rows, not the relay: it reads and publishes them, then waits to mark them.
            rowLocks.setAutoCommit(false);
            rowLocks.createStatement().execute("SELECT id FROM outbox WHERE published_at IS NULL FOR UPDATE");
            relayLock.commit();

            await("the broker acknowledged the batch")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> topics.countsById(ids).keySet().equals(ids));
            long relayBackend = await("the relay waits to mark the rows it published")
                    .atMost(Duration.ofSeconds(30))
                    .until(this::backendWaitingToMark, pid -> pid != 0);
            app.kill();
            rowLocks.rollback();
            await("the killed relay's transaction is gone")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> !backendAlive(relayBackend));
            assertThat(unpublished(ids)).as("the mark died with the process").isEqualTo(ids.size());

            app.start();

            var result = ledger.check(load, Duration.ofMinutes(2));
            assertThat(result.duplicatesOnTopics())
                    .as("at least once: the unmarked batch went out again")
                    .isEqualTo(ids);
            assertThat(topics.countsById(ids)).isEqualTo(twice(ids));
        }
    }

    private long backendWaitingToMark() throws SQLException {
        try (Connection c = TestStack.get().openDatabase();
                var ps = c.prepareStatement("SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND application_name = ? AND wait_event_type = 'Lock' AND query LIKE 'UPDATE outbox%'")) {
            ps.setString(1, app.name());
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static boolean backendAlive(long pid) throws SQLException {
        try (Connection c = TestStack.get().openDatabase();
                var ps = c.prepareStatement("SELECT COUNT(*) FROM pg_stat_activity WHERE pid = ?")) {
            ps.setLong(1, pid);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    private static int unpublished(java.util.Set<String> ids) throws SQLException {
        int n = 0;
        try (Connection c = TestStack.get().openDatabase();
                var ps = c.prepareStatement(
                        "SELECT COUNT(*) FROM outbox WHERE CAST(event_id AS VARCHAR(64)) = ? AND published_at IS NULL")) {
            for (String id : ids) {
                ps.setString(1, id);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    n += rs.getInt(1);
                }
            }
        }
        return n;
    }

    private static Map<String, Long> twice(java.util.Set<String> ids) {
        return ids.stream().collect(java.util.stream.Collectors.toMap(id -> id, id -> 2L));
    }

    private static TopicReader topics() {
        return new TopicReader(TestStack.get().broker().bootstrapServers(), "task.created", "task.updated");
    }
}
