package io.taskflow.adapters.azure.eventhubs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.messaging.eventhubs.EventData;
import io.taskflow.adapters.azure.replay.Replay;
import io.taskflow.adapters.azure.testing.Api;
import io.taskflow.adapters.azure.testing.AzureTestStack;
import io.taskflow.adapters.azure.testing.Bindings;
import io.taskflow.adapters.azure.testing.ProbeConsumer;
import io.taskflow.adapters.azure.testing.ProbeFunctions;
import io.taskflow.adapters.azure.testing.RecordingSender;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EventHubsTriggerTest {
    private static AzureTestStack stack;
    private static ProbeConsumer probe;
    private static String token;

    @BeforeAll
    static void start() {
        stack = AzureTestStack.get();
        probe = stack.context().getBean(ProbeConsumer.class);
        token = Api.newUser();
    }

    @Test
    void theAuditTriggerRecordsABatchAndTheSameBatchDeliveredAgainChangesNothing() throws Exception {
        String first = Api.createTask(token, "first");
        String second = Api.createTask(token, "second");
        String batch =
                Bindings.batch("audit-task-created", "task.created", "audit", sendsOf("task.created", first, second));
        var audit = new AuditFunctions();

        String answer = Replay.invoke(audit, batch);
        int recorded = auditRows(first, second);
        Replay.invoke(audit, batch);

        assertThat(answer).isEqualTo("ok");
        assertThat(recorded).isEqualTo(2);
        assertThat(auditRows(first, second)).isEqualTo(2);
    }

    @Test
    void aFailingEventIsRetriedInTheInvocationThenDeadLetteredWhileTheLaterEventsOfItsKeyWaitBehindIt()
            throws Exception {
        String failingTask = Api.createTask(token, "failing");
        String otherTask = Api.createTask(token, "other");
        Api.updateTask(token, failingTask, "second");
        Api.updateTask(token, failingTask, "third");
        Api.updateTask(token, otherTask, "second");
        List<RecordingSender.Sent> sends = sendsOf("task.updated", failingTask, otherTask);
        List<String> failingKey = idsOf(sends, failingTask);
        String other = idsOf(sends, otherTask).get(0);
        probe.failAlways(failingKey.get(0));

        String answer = Replay.invoke(
                new ProbeFunctions(), Bindings.batch("probe-task-updated", "task.updated", "probe", sends));

        assertThat(answer).isEqualTo("ok");
        assertThat(processed(other)).isEqualTo(1);
        assertThat(processed(failingKey.get(0))).isZero();
        assertThat(processed(failingKey.get(1))).isEqualTo(1);
        // The key's order: its first event reached the dead-letter hub before its second was processed.
        assertThat(stack.journal().about(failingKey.toArray(String[]::new)))
                .containsExactly("sent taskflow.dlq.probe " + failingKey.get(0), "processed " + failingKey.get(1));
        EventData letter = deadLetter("probe", failingKey.get(0));
        assertThat(letter.getProperties())
                .containsEntry(DeadLetterHubs.CONSUMER, "probe")
                .containsEntry(DeadLetterHubs.ATTEMPTS, 3)
                .containsEntry(DeadLetterHubs.PERMANENT, false)
                .containsEntry(DeadLetterHubs.ORIGINAL_HUB, "task.updated")
                .containsEntry("cloudEvents:type", "task.updated");
        assertThat((String) letter.getProperties().get(DeadLetterHubs.ERROR))
                .contains("probe fails on " + failingKey.get(0));
        assertThat(letter.getBodyAsString()).contains(failingTask);
        assertThat(stack.sender()
                        .sends(s -> s.hub().equals("taskflow.dlq.probe")
                                && s.events().contains(letter)))
                .extracting(RecordingSender.Sent::partitionKey)
                .containsExactly(failingTask);
    }

    @Test
    void anEventThatFailsTwiceSucceedsOnItsThirdAttemptInTheSameInvocationWithoutADeadLetter() throws Exception {
        String task = Api.createTask(token, "flaky");
        Api.updateTask(token, task, "second");
        List<RecordingSender.Sent> sends = sendsOf("task.updated", task);
        String flaky = idsOf(sends, task).get(0);
        probe.failTimes(flaky, 2);

        Replay.invoke(new ProbeFunctions(), Bindings.batch("probe-task-updated", "task.updated", "probe", sends));

        assertThat(processed(flaky)).isEqualTo(1);
        assertThat(stack.journal().about(flaky)).containsExactly("processed " + flaky);
    }

    @Test
    void whenTheDeadLetterHubIsAwayTheInvocationFailsSoTheBatchIsRunAgainAndNothingIsLostOrDoneTwice()
            throws Exception {
        String failingTask = Api.createTask(token, "stuck");
        String otherTask = Api.createTask(token, "fine");
        Api.updateTask(token, failingTask, "second");
        Api.updateTask(token, otherTask, "second");
        List<RecordingSender.Sent> sends = sendsOf("task.updated", failingTask, otherTask);
        String failing = idsOf(sends, failingTask).get(0);
        String other = idsOf(sends, otherTask).get(0);
        probe.failAlways(failing);
        String batch = Bindings.batch("probe-task-updated", "task.updated", "probe", sends);
        stack.sender().refuse("taskflow.dlq.probe");

        try {
            assertThatThrownBy(() -> Replay.invoke(new ProbeFunctions(), batch))
                    .isInstanceOf(BatchNotSettledException.class)
                    .hasMessageContaining(failing);
            assertThat(processed(other)).isEqualTo(1);
            assertThat(processed(failing)).isZero();
        } finally {
            stack.sender().accept("taskflow.dlq.probe");
        }
        // The function's retry policy runs the same batch again: the dead letter now goes out, the rest is known.
        String again = Replay.invoke(new ProbeFunctions(), batch);

        assertThat(again).isEqualTo("ok");
        assertThat(processed(other)).isEqualTo(1);
        assertThat(stack.sender().events("taskflow.dlq.probe").stream()
                        .filter(e -> failing.equals(e.getProperties().get("cloudEvents:id"))))
                .hasSize(1);
    }

    @Test
    void anEventThatIsNotACloudEventIsDeadLetteredAtOnceKeptByteForByteAndTheBatchGoesOn() throws Exception {
        String marker = "not-a-cloudevent-" + java.util.UUID.randomUUID();
        String batch = Bindings.write(Map.of(
                "function",
                "probe-task-updated",
                "events",
                List.of(marker),
                "metadata",
                Map.of(
                        "PartitionContext",
                        Map.of("EventHubName", "task.updated", "ConsumerGroup", "probe", "PartitionId", "2"),
                        "PropertiesArray",
                        List.of(Map.of("origin", "somewhere else")),
                        "SystemPropertiesArray",
                        List.of(Map.of("x-opt-sequence-number", 7, "x-opt-partition-key", "k-1")))));

        String answer = Replay.invoke(new ProbeFunctions(), batch);

        assertThat(answer).isEqualTo("ok");
        EventData letter = stack.sender().events("taskflow.dlq.probe").stream()
                .filter(e -> marker.equals(new String(e.getBody(), StandardCharsets.UTF_8)))
                .findFirst()
                .orElseThrow();
        assertThat(letter.getProperties())
                .containsEntry("origin", "somewhere else")
                .containsEntry(DeadLetterHubs.PERMANENT, true)
                .containsEntry(DeadLetterHubs.ORIGINAL_HUB, "task.updated");
        assertThat((String) letter.getProperties().get(DeadLetterHubs.ERROR)).contains("not a readable CloudEvent");
    }

    @Test
    void bindingDataWhoseArraysDoNotLineUpWithTheBodiesIsRefusedBeforeAnythingIsProcessed() {
        String batch = Bindings.write(Map.of(
                "function",
                "probe-task-updated",
                "events",
                List.of("{}", "{}"),
                "metadata",
                Map.of(
                        "PropertiesArray", List.of(Map.of(), Map.of()),
                        "SystemPropertiesArray", List.of(Map.of()))));

        assertThatThrownBy(() -> Replay.invoke(new ProbeFunctions(), batch))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 bodies but 1 SystemPropertiesArray entries");
    }

    @Test
    void theCapturedBindingDataReadsIntoItsEventsInSequenceOrderAndTheAuditTriggerRecordsThem() throws Exception {
        Map<String, Object> fixture = Bindings.read(Bindings.fixture("eventhubs-audit-task-created.json"));
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = (Map<String, Object>) fixture.get("metadata");
        @SuppressWarnings("unchecked")
        EventHubsBatch batch = EventHubsBatch.of(
                "task.created",
                (List<String>) fixture.get("events"),
                ((List<Map<String, Object>>) metadata.get("PropertiesArray")).toArray(new Map[0]),
                ((List<Map<String, Object>>) metadata.get("SystemPropertiesArray")).toArray(new Map[0]),
                (Map<String, Object>) metadata.get("PartitionContext"));

        EventHubsMessage first = batch.inOrder().get(0);
        var envelope = CloudEventProperties.envelope(first.body(), first.properties(), first.contentType());
        String answer = Replay.invoke(new AuditFunctions(), Bindings.fixture("eventhubs-audit-task-created.json"));

        assertThat(batch.hub()).isEqualTo("task.created");
        assertThat(batch.consumerGroup()).isEqualTo("audit");
        assertThat(batch.partitionId()).isEqualTo("1");
        assertThat(batch.inOrder()).extracting(EventHubsMessage::sequenceNumber).containsExactly(1207L, 1208L);
        assertThat(first.partitionKey()).isEqualTo("01a212f0-6054-7634-a86a-49243b039e9a");
        assertThat(first.enqueuedTime()).isEqualTo(java.time.Instant.parse("2026-11-25T13:41:13.102Z"));
        assertThat(envelope.id()).isEqualTo("01a212f0-6055-7c2e-9a31-5f0d2b7e1c44");
        assertThat(envelope.type()).isEqualTo("task.created");
        assertThat(envelope.partitionKey()).isEqualTo(first.partitionKey());
        assertThat(envelope.correlationId()).isEqualTo("5b0e5f8c-3f0e-4a43-9d57-0f6f2f1e6a10");
        assertThat(new String(envelope.data(), StandardCharsets.UTF_8)).contains("Write the quarterly report");
        assertThat(answer).isEqualTo("ok");
        assertThat(stack.count(
                        "SELECT COUNT(*) FROM audit_log WHERE CAST(event_id AS VARCHAR(64)) IN (?, ?)",
                        "01a212f0-6055-7c2e-9a31-5f0d2b7e1c44",
                        "01a212f0-7a11-7d0e-8c42-1e2f3a4b5c6d"))
                .isEqualTo(2);
    }

    /** What the publisher handed the producer for the hub about these aggregates, in the order it went out. */
    private static List<RecordingSender.Sent> sendsOf(String hub, String... subjects) {
        var keys = List.of(subjects);
        return stack.sender().sends(s -> s.hub().equals(hub) && keys.contains(s.partitionKey()));
    }

    private static List<String> idsOf(List<RecordingSender.Sent> sends, String key) {
        var ids = new ArrayList<String>();
        sends.stream()
                .filter(s -> key.equals(s.partitionKey()))
                .forEach(s -> s.events()
                        .forEach(e -> ids.add((String) e.getProperties().get("cloudEvents:id"))));
        return ids;
    }

    private static EventData deadLetter(String consumer, String eventId) {
        return stack.sender().events(DeadLetterHubs.of(consumer)).stream()
                .filter(e -> eventId.equals(e.getProperties().get("cloudEvents:id")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no dead letter of " + eventId));
    }

    private static int auditRows(String... subjects) throws Exception {
        return stack.count(
                "SELECT COUNT(*) FROM audit_log WHERE CAST(subject AS VARCHAR(64)) IN (?, ?)",
                subjects[0],
                subjects[1]);
    }

    private static int processed(String eventId) throws Exception {
        return stack.count(
                "SELECT COUNT(*) FROM inbox WHERE consumer = ? AND event_id = ?", ProbeConsumer.NAME, eventId);
    }
}
