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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * Two instances share the consumer groups. A second instance joins under load (a rebalance), then the one whose audit
 * consumer is in the middle of a batch (its transaction open, the batch's inbox rows written, waiting on the audit
 * chain) is killed with {@code kill -9}. The other takes its partitions over from the last committed offsets, and
 * every event is still handled once, in order per task.
 */
@DisabledIfSystemProperty(named = "taskflow.it.db", matches = "h2", disabledReason = FaultProperties.POSTGRES_ONLY)
class ConsumerKillFaultIT {
    private final List<AppProcess> apps = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (AppProcess app : apps) {
            app.kill();
        }
    }

    @Test
    void aConsumerKilledMidBatchDuringARebalanceUnderLoadLeavesEveryEventHandledOnce() throws Exception {
        AppProcess survivor = instance("taskflow-faults-survivor").start();
        var api = new Api(survivor.uri(), JsonMapper.createDefault());
        List<User> users = IntStream.range(0, 4).mapToObj(i -> api.newUser()).toList();
        try (var topics = new TopicReader(TestStack.get().broker().bootstrapServers(), "task.created", "task.updated");
                var load = new LoadDriver(survivor.uri(), users, true, Integer.MAX_VALUE);
                Connection auditChain = TestStack.get().openDatabase()) {
            load.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> load.accepted().size() >= 20);
            AppProcess victim = instance("taskflow-faults-victim").start(); // joins the groups: a rebalance
            int joined = load.accepted().size();
            await().atMost(Duration.ofSeconds(60)).until(() -> load.accepted().size() >= joined + 20);

            // Every audit batch now stops halfway, inside its transaction, until the chain is released.
            auditChain.setAutoCommit(false);
            auditChain.createStatement().execute("SELECT last_seq FROM audit_chain_head WHERE id = 1 FOR UPDATE");
            await("the victim's audit consumer is in the middle of a batch")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> waitingOnTheChain(victim));
            victim.kill();
            auditChain.rollback();

            int killed = load.accepted().size();
            await().atMost(Duration.ofSeconds(60)).until(() -> load.accepted().size() >= killed + 20);
            load.stop();

            assertThat(load.failures()).as("the survivor served every request").isEmpty();
            var result =
                    new FaultLedger(TestStack.get()::openDatabase, users, topics).check(load, Duration.ofMinutes(2));
            System.out.println("FAULTS consumer-killed " + result.line());
        }
    }

    private AppProcess instance(String name) {
        AppProcess app = new AppProcess(name, FaultProperties.external());
        apps.add(app);
        return app;
    }

    private static boolean waitingOnTheChain(AppProcess app) throws SQLException {
        try (Connection c = TestStack.get().openDatabase();
                var ps = c.prepareStatement(
                        "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()"
                                + " AND application_name = ? AND wait_event_type = 'Lock' AND query LIKE '%audit_chain_head%'")) {
            ps.setString(1, app.name());
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }
}
