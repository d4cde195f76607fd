package io.taskflow.functions.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import io.taskflow.core.task.ChangeTask;
import io.taskflow.core.task.CreateTask;
import io.taskflow.core.task.Task;
import io.taskflow.core.task.TaskDetails;
import io.taskflow.core.testing.TaskFixtures;
import io.taskflow.functions.event.EventTooLargeException;
import io.taskflow.functions.event.EventValidator;
import io.taskflow.functions.testing.Owners;
import io.taskflow.functions.testing.TestContexts;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * No accepted request can produce an event larger than the broker takes, and a row the broker refuses anyway does
 * not hold back the rows behind it.
 */
class EventSizeDefenceTest {
    /** Kafka's default largest record (max.message.bytes / max.request.size). */
    private static final int KAFKA_DEFAULT_RECORD = 1_048_576;

    private ApplicationContext context;

    @AfterEach
    void stop() {
        context.close();
    }

    @Test
    void givenTheLargestTaskTheFieldLimitsAllowWhenItIsCreatedAndChangedThenItsEventsStayFarBelowTheLimits() {
        context = TestContexts.start();
        UUID owner = Owners.insert(context);
        // U+0001 is written as six bytes in JSON, the worst any character can cost; tags may only hold letters.
        String worst = "\u0001";
        var tags = new ArrayList<String>();
        for (int i = 0; i < TaskDetails.MAX_TAGS; i++) {
            tags.add(String.valueOf((char) ('\u0905' + i)).repeat(TaskDetails.MAX_TAG));
        }
        var details = TaskFixtures.details()
                .title("t" + worst.repeat(TaskDetails.MAX_TITLE - 2) + "t")
                .description(worst.repeat(TaskDetails.MAX_DESCRIPTION))
                .tags(tags)
                .build();
        Task task = context.getBean(CreateTask.class).create(owner, details);
        context.getBean(ChangeTask.class).complete(owner, task.id(), null);

        List<Integer> sizes = ints("SELECT LENGTH(data) FROM outbox");
        assertThat(sizes).hasSize(2);
        int largest = Collections.max(sizes);
        assertThat(largest).isGreaterThan(30_000);
        assertThat(largest).isLessThan(EventValidator.DEFAULT_MAX_BYTES / 4);
        assertThat(EventValidator.DEFAULT_MAX_BYTES).isLessThan(KAFKA_DEFAULT_RECORD / 2);
    }

    @Test
    void givenAnEventOverTheLimitWhenAppendedThenTheChangeRollsBackAndNothingIsWritten() {
        context = TestContexts.start(Map.of("taskflow.events.max-bytes", 1000));
        var details = TaskFixtures.details().description("x".repeat(2000)).build();

        UUID owner = Owners.insert(context);
        assertThatThrownBy(() -> context.getBean(CreateTask.class).create(owner, details))
                .isInstanceOf(EventTooLargeException.class);

        assertThat(ints("SELECT COUNT(*) FROM tasks")).containsExactly(0);
        assertThat(ints("SELECT COUNT(*) FROM outbox")).containsExactly(0);
    }

    @Test
    void givenARowTheBrokerRefusesForItsSizeWhenRelayedThenTheRowsBehindItArePublished() {
        context = TestContexts.start(Map.of(RefusingPublisher.MAX, 3000));
        UUID owner = Owners.insert(context);
        var create = context.getBean(CreateTask.class);
        Task before =
                create.create(owner, TaskFixtures.details().title("before").build());
        Task big = create.create(
                owner, TaskFixtures.details().description("x".repeat(4000)).build());
        Task after = create.create(owner, TaskFixtures.details().title("after").build());

        var relay = context.getBean(OutboxRelay.class);
        OutboxRelay.Result first = relay.relayBatch();
        Task later = create.create(owner, TaskFixtures.details().title("later").build());
        OutboxRelay.Result second = relay.relayBatch();

        assertThat(first.published()).isEqualTo(2);
        assertThat(first.failed()).isEqualTo(1);
        assertThat(second.published()).isEqualTo(1);
        assertThat(ints("SELECT COUNT(*) FROM outbox WHERE published_at IS NULL"))
                .containsExactly(1);
        assertThat(strings("SELECT subject FROM outbox WHERE published_at IS NULL"))
                .containsExactly(big.id().toString());
        assertThat(strings("SELECT last_error FROM outbox WHERE published_at IS NULL")
                        .get(0))
                .contains("RecordTooLargeException");
        assertThat(strings("SELECT subject FROM outbox WHERE published_at IS NOT NULL"))
                .containsExactlyInAnyOrder(
                        before.id().toString(),
                        after.id().toString(),
                        later.id().toString());
    }

    private List<Integer> ints(String sql) {
        return strings(sql).stream().map(Integer::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    private List<String> strings(String sql) {
        var tx = (TransactionOperations<Connection>) context.getBean(TransactionOperations.class);
        var jdbc = context.getBean(JdbcOperations.class);
        return tx.executeRead(s -> jdbc.prepareStatement(sql, ps -> {
            var values = new ArrayList<String>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }));
    }
}
