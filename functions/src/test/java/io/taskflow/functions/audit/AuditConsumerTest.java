package io.taskflow.functions.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.taskflow.core.audit.AuditCursor;
import io.taskflow.core.audit.AuditQuery;
import io.taskflow.core.audit.AuditVerifier;
import io.taskflow.core.audit.ChainVerification;
import io.taskflow.core.audit.ReadAudit;
import io.taskflow.core.event.DomainEvent;
import io.taskflow.core.event.EventEnvelope;
import io.taskflow.core.event.EventType;
import io.taskflow.core.event.SampleEvents;
import io.taskflow.core.event.TaskCreated;
import io.taskflow.core.task.Task;
import io.taskflow.core.testing.TaskFixtures;
import io.taskflow.functions.consumer.BatchOutcome;
import io.taskflow.functions.consumer.ConsumerProcessor;
import io.taskflow.functions.consumer.Delivery;
import io.taskflow.functions.consumer.RecordingDeadLetters;
import io.taskflow.functions.testing.Envelopes;
import io.taskflow.functions.testing.TestContexts;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The audit consumer on the embedded database: exactly once per event, chained, and append-only. */
class AuditConsumerTest {
    private final RecordingDeadLetters deadLetters = new RecordingDeadLetters();
    private ApplicationContext context;
    private ConsumerProcessor processor;
    private AuditConsumer consumer;
    private AuditVerifier verifier;
    private Connection db;

    @BeforeEach
    void start() throws SQLException {
        context = TestContexts.start(Map.of(), deadLetters);
        processor = context.getBean(ConsumerProcessor.class);
        consumer = context.getBean(AuditConsumer.class);
        verifier = context.getBean(AuditVerifier.class);
        // A connection of its own, as someone with direct database access would have.
        db = DriverManager.getConnection(
                context.getRequiredProperty("datasources.default.url", String.class), "sa", "");
    }

    @AfterEach
    void stop() throws SQLException {
        db.close();
        context.close();
    }

    @Test
    void everyTypeIsAuditedOnceEvenWhenTheBatchIsDeliveredTwice() throws SQLException {
        List<EventEnvelope> envelopes = everyType();

        BatchOutcome first = deliver(envelopes);
        BatchOutcome second = deliver(envelopes);

        assertThat(first.succeeded()).hasSize(8);
        assertThat(second.succeeded()).hasSize(8);
        assertThat(deadLetters.letters).isEmpty();
        assertThat(column("SELECT type FROM audit_log ORDER BY seq"))
                .containsExactly(
                        Stream.of(EventType.values()).map(EventType::typeName).toArray(String[]::new));
        assertThat(column("SELECT event_id FROM audit_log ORDER BY seq"))
                .containsExactlyElementsOf(
                        envelopes.stream().map(EventEnvelope::id).toList());
        assertThat(column("SELECT seq FROM audit_log ORDER BY seq"))
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8");
    }

    @Test
    void anEntryKeepsTheEventsFieldsAndItsDataExactlyAsItTravelled() throws SQLException {
        DomainEvent event = SampleEvents.of(EventType.NOTIFICATION_SENT, SampleEvents.Variant.FULL);
        EventEnvelope envelope = Envelopes.of(event);

        deliver(List.of(envelope));

        try (var rs = db.createStatement().executeQuery("SELECT * FROM audit_log")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getObject("event_id", UUID.class)).isEqualTo(event.eventId());
            assertThat(rs.getString("type")).isEqualTo("notification.sent");
            assertThat(rs.getObject("subject", UUID.class)).isEqualTo(SampleEvents.NOTIFICATION_ID);
            assertThat(rs.getObject("user_id", UUID.class)).isEqualTo(SampleEvents.OWNER);
            assertThat(rs.getObject("occurred_at", java.time.OffsetDateTime.class)
                            .toInstant())
                    .isEqualTo(event.occurredAt());
            assertThat(rs.getString("source")).isEqualTo(envelope.source());
            assertThat(rs.getString("data")).isEqualTo(new String(envelope.data(), StandardCharsets.UTF_8));
            assertThat(rs.getString("prev_hash")).isEqualTo("0".repeat(64));
            assertThat(rs.getString("hash")).matches("[0-9a-f]{64}");
        }
    }

    @Test
    void theChainOfWhatWasAppendedVerifies() throws SQLException {
        deliver(everyType());

        assertThat(verifier.verify()).isInstanceOfSatisfying(ChainVerification.Intact.class, intact -> {
            assertThat(intact.entries()).isEqualTo(8);
        });
        assertThat(column("SELECT a.prev_hash = b.hash FROM audit_log a JOIN audit_log b ON b.seq = a.seq - 1"))
                .hasSize(7)
                .containsOnly("TRUE");
    }

    @Test
    void aRedeliveryTheInboxNoLongerRemembersAppendsNothing() throws SQLException {
        List<EventEnvelope> envelopes = everyType();
        deliver(envelopes);
        db.createStatement().executeUpdate("DELETE FROM inbox WHERE consumer = 'audit'");

        deliver(envelopes);

        assertThat(count("audit_log")).isEqualTo(8);
        assertThat(verifier.verify().ok()).isTrue();
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveAnEntry() throws SQLException {
        deliver(everyType());

        for (String sql : List.of(
                "UPDATE audit_log SET data = '{}' WHERE seq = 3",
                "UPDATE audit_log SET hash = hash",
                "DELETE FROM audit_log WHERE seq = 8",
                "DELETE FROM audit_log",
                "TRUNCATE TABLE audit_log")) {
            assertThatThrownBy(() -> db.createStatement().executeUpdate(sql))
                    .as(sql)
                    .isInstanceOf(SQLException.class);
        }

        assertThat(count("audit_log")).isEqualTo(8);
        assertThat(verifier.verify().ok()).isTrue();
    }

    @Test
    void anUpdateIsRefusedWithTheAppendOnlyMessage() throws SQLException {
        deliver(everyType());

        assertThatThrownBy(() -> db.createStatement().executeUpdate("UPDATE audit_log SET source = 'x' WHERE seq = 1"))
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getMessage()).contains("audit_log is append-only: UPDATE");
                    assertThat(e.getSQLState()).isEqualTo(AuditLogAppendOnly.SQL_STATE);
                });
    }

    @Test
    void withTheTriggerDroppedAChangedEntryIsFoundAtItsSequenceNumber() throws SQLException {
        deliver(everyType());
        db.createStatement().execute("DROP TRIGGER audit_log_append_only");

        int changed = db.createStatement()
                .executeUpdate("UPDATE audit_log SET data = REPLACE(data, '\"email\"', '\"webhook\"') WHERE seq = 7");

        assertThat(changed).isEqualTo(1);
        assertThat(verifier.verify()).isInstanceOfSatisfying(ChainVerification.Broken.class, broken -> {
            assertThat(broken.seq()).isEqualTo(7);
            assertThat(broken.reason()).contains("hash does not match");
        });
    }

    @Test
    void withTheTriggerDroppedARemovedEntryIsFoundWhereItIsMissing() throws SQLException {
        deliver(everyType());
        db.createStatement().execute("DROP TRIGGER audit_log_append_only");

        db.createStatement().executeUpdate("DELETE FROM audit_log WHERE seq = 2");

        assertThat(verifier.verify())
                .isInstanceOfSatisfying(
                        ChainVerification.Broken.class,
                        broken -> assertThat(broken.seq()).isEqualTo(2));
    }

    @Test
    void concurrentConsumersNeverForkTheChain() throws Exception {
        int threads = 4;
        int perThread = 15;
        List<Callable<BatchOutcome>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<Delivery> batch = IntStream.range(0, perThread)
                    .mapToObj(i -> Delivery.first(created(UUID.randomUUID(), UUID.randomUUID())))
                    .toList();
            work.add(() -> processor.settle(consumer, batch, d -> {}));
        }
        var pool = Executors.newFixedThreadPool(threads);
        try {
            for (Future<BatchOutcome> f : pool.invokeAll(work)) {
                assertThat(f.get().succeeded()).hasSize(perThread);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(column("SELECT seq FROM audit_log ORDER BY seq"))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, threads * perThread)
                        .mapToObj(Integer::toString)
                        .toList());
        assertThat(new HashSet<>(column("SELECT prev_hash FROM audit_log"))).hasSize(threads * perThread);
        assertThat(verifier.verify().ok()).isTrue();
        assertThat(deadLetters.letters).isEmpty();
    }

    @Test
    void aUserReadsOnlyTheirOwnEntriesOfASubjectPageByPage() {
        UUID ann = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID task = UUID.randomUUID();
        var batch = new ArrayList<EventEnvelope>();
        for (int i = 0; i < 5; i++) {
            batch.add(created(ann, task));
            batch.add(created(bob, task));
            batch.add(created(ann, UUID.randomUUID()));
        }
        deliver(batch);
        ReadAudit read = context.getBean(ReadAudit.class);

        var first = read.page(new AuditQuery(ann, task, 3, null));
        var second = read.page(
                new AuditQuery(ann, task, 3, AuditCursor.decode(first.next().encode())));

        assertThat(first.entries()).extracting(e -> e.seq()).containsExactly(1L, 4L, 7L);
        assertThat(second.entries()).extracting(e -> e.seq()).containsExactly(10L, 13L);
        assertThat(second.next()).isNull();
        assertThat(read.page(new AuditQuery(bob, task, 50, null)).entries()).hasSize(5);
        assertThat(read.page(new AuditQuery(UUID.randomUUID(), task, 50, null)).entries())
                .isEmpty();
    }

    private BatchOutcome deliver(List<EventEnvelope> envelopes) {
        return processor.process(
                consumer, envelopes.stream().map(Delivery::first).toList());
    }

    private static List<EventEnvelope> everyType() {
        return Stream.of(EventType.values())
                .map(type -> Envelopes.of(SampleEvents.of(type, SampleEvents.Variant.FULL)))
                .toList();
    }

    /** A task.created event; the task id doubles as the ordering key, so distinct tasks never wait on each other. */
    private static EventEnvelope created(UUID owner, UUID task) {
        Instant at = Instant.parse("2026-05-01T10:00:00Z");
        return Envelopes.of(new TaskCreated(
                UUID.randomUUID(), at, owner, Task.create(task, owner, TaskFixtures.minimalDetails(), at)));
    }

    private List<String> column(String sql) throws SQLException {
        var values = new ArrayList<String>();
        try (var rs = db.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private long count(String table) throws SQLException {
        try (var rs = db.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
