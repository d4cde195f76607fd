package io.taskflow.adapters.localkafka.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.taskflow.adapters.localkafka.testing.Api;
import io.taskflow.adapters.localkafka.testing.Api.User;
import io.taskflow.adapters.localkafka.testing.TestStack;
import io.taskflow.adapters.localkafka.testing.TopicReader;
import io.taskflow.kafka.records.EmbeddedKafkaBroker;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * The broker stopped during writes and started again (same port, same log directory): the API keeps taking writes,
 * and afterwards rows, events and consumers' effects match one for one. With {@code -Dtaskflow.faults.creates=100000
 * -Dtaskflow.faults.broker-restarts=3} the same test is the long run of {@code bench/faults/run.sh}.
 */
@DisabledIfSystemProperty(named = "taskflow.it.db", matches = "h2", disabledReason = FaultProperties.POSTGRES_ONLY)
class BrokerRestartFaultIT {
    static final int CREATES = Integer.getInteger("taskflow.faults.creates", 0);
    static final int RESTARTS = Integer.getInteger("taskflow.faults.broker-restarts", 1);

    static EmbeddedServer server;
    static Api api;

    @BeforeAll
    static void start() {
        server = ApplicationContext.run(EmbeddedServer.class, FaultProperties.inJvm());
        api = new Api(server.getURI(), server.getApplicationContext().getBean(JsonMapper.class));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void writesGoOnWhileTheBrokerIsAwayAndEveryEventIsPublishedAndHandledOnceWhenItIsBack() throws Exception {
        EmbeddedKafkaBroker broker = TestStack.get().broker();
        List<User> users = IntStream.range(0, 4).mapToObj(i -> api.newUser()).toList();
        boolean longRun = CREATES > 0;
        long started = System.nanoTime();
        try (var topics = new TopicReader(broker.bootstrapServers(), "task.created", "task.updated");
                var load = new LoadDriver(server.getURI(), users, !longRun, longRun ? CREATES : Integer.MAX_VALUE)) {
            load.start();
            for (int restart = 1; restart <= RESTARTS; restart++) {
                int before = longRun
                        ? CREATES * restart / (RESTARTS + 1)
                        : load.accepted().size() + 20;
                await().atMost(Duration.ofMinutes(10))
                        .until(() -> load.accepted().size() >= before);
                broker.stop();
                int whileAway = load.accepted().size();
                await("writes accepted while the broker is away")
                        .atMost(Duration.ofSeconds(60))
                        .until(() -> load.accepted().size() >= whileAway + 50);
                broker.start();
            }
            int after = load.accepted().size();
            if (longRun) {
                load.awaitDone(Duration.ofMinutes(30));
            } else {
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> load.accepted().size() >= after + 20);
                load.stop();
            }

            FaultLedger.Result result = new FaultLedger(TestStack.get()::openDatabase, users, topics)
                    .check(load, Duration.ofMinutes(longRun ? 30 : 2));

            assertThat(load.failures())
                    .as("no request failed because the broker was away")
                    .isEmpty();
            assertThat(result.duplicatesOnTopics())
                    .as("the idempotent producer and one relay publish each event once")
                    .isEmpty();
            System.out.printf(
                    "FAULTS broker-restart restarts=%d attempted=%d accepted=%d %s seconds=%d%n",
                    RESTARTS,
                    load.attempted(),
                    load.accepted().size(),
                    result.line(),
                    Duration.ofNanos(System.nanoTime() - started).toSeconds());
        }
    }
}
