package io.taskflow.adapters.gcp.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import com.sun.net.httpserver.HttpServer;
import io.taskflow.adapters.gcp.publish.PubSubPublishers;
import io.taskflow.adapters.gcp.pubsub.PubSubCloudEvents;
import io.taskflow.adapters.gcp.testing.Eventarc;
import io.taskflow.adapters.gcp.testing.GcpTestStack;
import io.taskflow.adapters.gcp.testing.ProbeConsumer;
import io.taskflow.adapters.gcp.testing.ProbeFunction;
import io.taskflow.core.event.EventEnvelope;
import io.taskflow.core.event.EventType;
import io.taskflow.functions.event.CloudEventMapping;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PubSubTriggerTest {
    private static GcpTestStack stack;
    private static Eventarc eventarc;
    private static PubSubPublishers publishers;
    private static HttpServer pushServer;

    @BeforeAll
    static void start() {
        stack = GcpTestStack.get();
        eventarc = stack.eventarc();
        publishers = stack.context().getBean(PubSubPublishers.class);
        pushServer = Eventarc.server();
    }

    @AfterAll
    static void stop() {
        pushServer.stop(0);
    }

    @Test
    void aMessagePushedToTheAuditFunctionIsRecordedInTheAuditLog() throws Exception {
        String endpoint = eventarc.pushEndpoint(pushServer, "/audit", new AuditFunction(stack.context()));
        stack.subscribe("task.updated", "audit", 0, endpoint);
        EventEnvelope event = taskUpdated();

        publish(event);

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> auditRows(event.id()) == 1);
        assertThat(inboxRows("audit", event.id())).isEqualTo(1);
    }

    @Test
    void aMessagePubSubDeliversAgainChangesNothingTwice() throws Exception {
        String subscription = stack.subscribe("task.updated", "audit", 10, null);
        var audit = new AuditFunction(stack.context());
        EventEnvelope event = taskUpdated();
        publish(event);
        // The function takes it, but its acknowledgement is lost: Pub/Sub delivers the message a second time.
        Eventarc.Outcome first = pullUntilOne(subscription, audit, true);
        assertThat(first.failure()).isNull();

        Eventarc.Outcome second = pullUntilOne(subscription, audit, false);

        assertThat(second.message().getDeliveryAttempt()).isEqualTo(2);
        assertThat(second.acknowledged()).isTrue();
        assertThat(auditRows(event.id())).isEqualTo(1);
        assertThat(inboxRows("audit", event.id())).isEqualTo(1);
    }

    @Test
    void anEventTheConsumerKeepsFailingOnIsRetriedThenDeadLetteredWithItsErrorOnTheLastAttempt() throws Exception {
        String subscription = stack.subscribe("task.updated", ProbeConsumer.NAME, 10, null);
        String deadLetters = stack.subscribe(DeadLetterTopics.of(ProbeConsumer.NAME), "none", 0, null);
        var probe = new ProbeFunction(stack.context());
        EventEnvelope event = taskUpdated();
        stack.context().getBean(ProbeConsumer.class).failOn(event.id());

        publish(event);

        var outcomes = new ArrayList<Eventarc.Outcome>();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            outcomes.addAll(eventarc.pullOnce(stack.subscriptions(), subscription, probe));
            return outcomes.stream().anyMatch(Eventarc.Outcome::acknowledged);
        });
        // Attempts 1 and 2 fail the invocation (redelivered); attempt 3, the retry policy's last, dead-letters it.
        assertThat(outcomes).extracting(o -> o.message().getDeliveryAttempt()).containsExactly(1, 2, 3);
        assertThat(outcomes).extracting(Eventarc.Outcome::acknowledged).containsExactly(false, false, true);
        assertThat(outcomes.get(0).failure()).isInstanceOf(RedeliveryRequested.class);
        PubsubMessage letter = pullRaw(deadLetters);
        assertThat(letter.getAttributesMap())
                .containsEntry("ce-id", event.id())
                .containsEntry("ce-type", "task.updated")
                .containsEntry(DeadLetterTopics.CONSUMER, ProbeConsumer.NAME)
                .containsEntry(DeadLetterTopics.ATTEMPTS, "3")
                .containsEntry(DeadLetterTopics.PERMANENT, "false");
        assertThat(letter.getAttributesMap().get(DeadLetterTopics.ERROR)).contains("probe fails on " + event.id());
        assertThat(letter.getData().toStringUtf8()).isEqualTo(new String(event.data(), StandardCharsets.UTF_8));
        assertThat(inboxRows(ProbeConsumer.NAME, event.id())).isZero();
    }

    @Test
    void aPushWithoutADeliveryAttemptIsCountedByTheConsumerAndDeadLetteredAfterTheEmulatorRedeliveredIt()
            throws Exception {
        // The emulator's push body has no deliveryAttempt: the consumer counts the failures itself.
        String endpoint = eventarc.pushEndpoint(pushServer, "/probe", new ProbeFunction(stack.context()));
        stack.subscribe("task.updated", ProbeConsumer.NAME, 10, endpoint);
        String deadLetters = stack.subscribe(DeadLetterTopics.of(ProbeConsumer.NAME), "none", 0, null);
        EventEnvelope event = taskUpdated();
        stack.context().getBean(ProbeConsumer.class).failOn(event.id());

        publish(event);

        PubsubMessage letter = pullRaw(deadLetters);
        assertThat(letter.getAttributesMap())
                .containsEntry("ce-id", event.id())
                .containsEntry(DeadLetterTopics.ATTEMPTS, "3");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> attemptRows(ProbeConsumer.NAME, event.id()) == 0);
    }

    @Test
    void anUnwrappedPushArrivesAsTheEventItselfAndATwiceDeliveredEventIsRecordedOnce() throws Exception {
        // Unwrapped with metadata, a push carries the ce-* attributes as headers: the framework makes the event itself.
        var audit = new AuditFunction(stack.context());
        EventEnvelope event = taskUpdated();

        audit.accept(CloudEventMapping.toCloudEvent(event));
        audit.accept(CloudEventMapping.toCloudEvent(event));

        assertThat(auditRows(event.id())).isEqualTo(1);
        assertThat(inboxRows("audit", event.id())).isEqualTo(1);
    }

    @Test
    void anUnwrappedPushTheConsumerKeepsFailingOnIsCountedAndDeadLetteredOnTheLastAttempt() throws Exception {
        String deadLetters = stack.subscribe(DeadLetterTopics.of(ProbeConsumer.NAME), "none", 0, null);
        var probe = new ProbeFunction(stack.context());
        EventEnvelope event = taskUpdated();
        stack.context().getBean(ProbeConsumer.class).failOn(event.id());

        var failures = new ArrayList<Exception>();
        for (int delivery = 1; delivery <= 3; delivery++) {
            try {
                probe.accept(CloudEventMapping.toCloudEvent(event));
            } catch (RedeliveryRequested e) {
                failures.add(e);
            }
        }

        assertThat(failures).hasSize(2);
        assertThat(pullRaw(deadLetters).getAttributesMap())
                .containsEntry("ce-id", event.id())
                .containsEntry(DeadLetterTopics.ATTEMPTS, "3");
        assertThat(attemptRows(ProbeConsumer.NAME, event.id())).isZero();
    }

    @Test
    void aMessageThatCarriesNoCloudEventIsDeadLetteredAtOnceAndAcknowledged() throws Exception {
        String subscription = stack.subscribe("task.updated", "audit", 10, null);
        String deadLetters = stack.subscribe(DeadLetterTopics.of("audit"), "none", 0, null);
        publishers
                .send("task.updated", Map.of("origin", "a stray publisher"), "not an event".getBytes(), "k-1")
                .get(10, TimeUnit.SECONDS);

        Eventarc.Outcome outcome = pullUntilOne(subscription, new AuditFunction(stack.context()), false);

        assertThat(outcome.acknowledged()).isTrue();
        PubsubMessage letter = pullRaw(deadLetters);
        assertThat(letter.getData()).isEqualTo(ByteString.copyFromUtf8("not an event"));
        assertThat(letter.getAttributesMap())
                .containsEntry("origin", "a stray publisher")
                .containsEntry(DeadLetterTopics.PERMANENT, "true");
        assertThat(letter.getAttributesMap().get(DeadLetterTopics.ERROR)).contains("ce-specversion");
    }

    /** A task.updated event as the API writes it, valid against its schema. */
    private static EventEnvelope taskUpdated() {
        String taskId = UUID.randomUUID().toString();
        String userId = UUID.randomUUID().toString();
        String data = ("{\"schemaVersion\":1,\"taskId\":\"%s\",\"userId\":\"%s\",\"version\":2,"
                        + "\"occurredAt\":\"2026-11-25T10:00:00Z\",\"ownerId\":\"%s\",\"title\":\"Renamed\","
                        + "\"description\":null,\"priority\":\"HIGH\",\"status\":\"OPEN\",\"dueAt\":null,"
                        + "\"remindAt\":null,\"tags\":[],\"recurrence\":null,"
                        + "\"createdAt\":\"2026-11-25T09:00:00Z\",\"completedAt\":null,"
                        + "\"changedFields\":[\"title\"]}")
                .formatted(taskId, userId, userId);
        return new EventEnvelope(
                UUID.randomUUID().toString(),
                "/taskflow/api",
                EventType.TASK_UPDATED.typeName(),
                taskId,
                Instant.parse("2026-11-25T10:00:00Z"),
                EventType.TASK_UPDATED.dataSchema(EventType.TASK_UPDATED.schemaVersion()),
                taskId,
                null,
                null,
                null,
                data.getBytes(StandardCharsets.UTF_8));
    }

    private static void publish(EventEnvelope event) throws Exception {
        publishers
                .send(event.type(), PubSubCloudEvents.attributes(event), event.data(), event.partitionKey())
                .get(10, TimeUnit.SECONDS);
    }

    private static Eventarc.Outcome pullUntilOne(
            String subscription, com.google.cloud.functions.CloudEventsFunction f, boolean loseAcknowledgement) {
        var outcomes = new ArrayList<Eventarc.Outcome>();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            outcomes.addAll(eventarc.pullOnce(stack.subscriptions(), subscription, f, loseAcknowledgement));
            return !outcomes.isEmpty();
        });
        assertThat(outcomes).hasSize(1);
        return outcomes.get(0);
    }

    /** The next message of a subscription, acknowledged, without a function. */
    private static PubsubMessage pullRaw(String subscription) {
        var found = new ArrayList<PubsubMessage>();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            found.addAll(eventarc.pullOnce(stack.subscriptions(), subscription, event -> {}).stream()
                    .map(o -> o.message().getMessage())
                    .toList());
            return !found.isEmpty();
        });
        return found.get(0);
    }

    private static int auditRows(String eventId) throws SQLException {
        return count("SELECT COUNT(*) FROM audit_log WHERE event_id = CAST(? AS uuid)", eventId);
    }

    private static int inboxRows(String consumer, String eventId) throws SQLException {
        return count("SELECT COUNT(*) FROM inbox WHERE consumer = '" + consumer + "' AND event_id = ?", eventId);
    }

    private static int attemptRows(String consumer, String eventId) throws SQLException {
        return count(
                "SELECT COUNT(*) FROM delivery_attempts WHERE consumer = '" + consumer + "' AND event_id = ?", eventId);
    }

    private static int count(String sql, String eventId) throws SQLException {
        try (Connection db = stack.openDatabase();
                var ps = db.prepareStatement(sql)) {
            ps.setString(1, eventId);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
