package io.taskflow.adapters.aws.msk;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import io.taskflow.adapters.aws.http.ApiHandler;
import io.taskflow.adapters.aws.testing.AwsTestStack;
import io.taskflow.adapters.aws.testing.MskEvents;
import io.taskflow.adapters.aws.testing.Payloads;
import io.taskflow.adapters.aws.testing.ProbeConsumer;
import io.taskflow.adapters.aws.testing.ProbeHandler;
import io.taskflow.adapters.aws.testing.TopicReader;
import io.taskflow.kafka.records.DeadLetterHeaders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MskHandlerTest {
    private static AwsTestStack stack;
    private static JsonMapper json;
    private static ApiHandler api;
    private static ProbeConsumer probe;
    private static String token;

    @BeforeAll
    static void start() throws IOException {
        stack = AwsTestStack.get();
        json = stack.context().getBean(JsonMapper.class);
        api = new ApiHandler(stack.context());
        probe = stack.context().getBean(ProbeConsumer.class);
        String email = "msk-" + UUID.randomUUID() + "@example.com";
        apiCall("api-register.json", Map.of("EMAIL", email));
        token = json.readValue(
                        (String) apiCall("api-login.json", Map.of("EMAIL", email))
                                .get("body"),
                        Map.class)
                .get("accessToken")
                .toString();
    }

    @Test
    void theAuditHandlerRecordsABatchAndARedeliveredBatchChangesNothingTwice() throws Exception {
        String first = createTask();
        String second = createTask();
        String batch = batchOf("task.created", List.of(first, second));
        var audit = new AuditHandler(stack.context());

        String answer = Payloads.invoke(audit, batch);
        int recorded = auditRows(first, second);
        String again = Payloads.invoke(audit, batch);

        assertThat(answer).isEqualTo("{\"batchItemFailures\":[]}");
        assertThat(again).isEqualTo(answer);
        assertThat(recorded).isEqualTo(2);
        assertThat(auditRows(first, second)).isEqualTo(2);
    }

    @Test
    void aFailingEventAndTheLaterEventsOfItsKeyAreTheBatchItemFailures() throws Exception {
        String failingTask = createTask();
        String otherTask = createTask();
        updateTask(failingTask, "second");
        updateTask(failingTask, "third");
        updateTask(otherTask, "second");
        List<ConsumerRecord<String, byte[]>> updates = updatesOf(failingTask, otherTask, 3);
        ConsumerRecord<String, byte[]> failing = recordOf(updates, failingTask, 0);
        ConsumerRecord<String, byte[]> heldBack = recordOf(updates, failingTask, 1);
        ConsumerRecord<String, byte[]> other = recordOf(updates, otherTask, 0);
        probe.failOn(TopicReader.header(failing, "ce_id"));

        MskBatchResponse response = deliver(new ProbeHandler(stack.context()), updates);

        assertThat(response.batchItemFailures())
                .extracting(MskBatchResponse.ItemFailure::itemIdentifier)
                .containsExactly(identifier(failing), identifier(heldBack));
        assertThat(processed(TopicReader.header(other, "ce_id"))).isEqualTo(1);
        assertThat(processed(TopicReader.header(heldBack, "ce_id"))).isZero();
        assertThat(processed(TopicReader.header(failing, "ce_id"))).isZero();
    }

    @Test
    void anEventThatKeepsFailingIsDeadLetteredOnItsLastAttemptAndTheRestOfItsKeyThenGoesThrough() throws Exception {
        String task = createTask();
        updateTask(task, "second");
        updateTask(task, "third");
        List<ConsumerRecord<String, byte[]>> updates = updatesOf(task, null, 2);
        String failingId = TopicReader.header(recordOf(updates, task, 0), "ce_id");
        String laterId = TopicReader.header(recordOf(updates, task, 1), "ce_id");
        probe.failOn(failingId);
        var handler = new ProbeHandler(stack.context());

        // The trigger redelivers what was reported; the test's retry policy allows 3 attempts.
        MskBatchResponse first = deliver(handler, updates);
        MskBatchResponse second = deliver(handler, updates);
        MskBatchResponse third = deliver(handler, updates);

        assertThat(first.batchItemFailures()).hasSize(2);
        assertThat(second.batchItemFailures()).hasSize(2);
        assertThat(third.batchItemFailures()).isEmpty();
        assertThat(processed(laterId)).isEqualTo(1);
        assertThat(processed(failingId)).isZero();
        ConsumerRecord<String, byte[]> letter = TopicReader.await(
                        stack.bootstrapServers(),
                        "taskflow.dlq.probe",
                        r -> failingId.equals(TopicReader.header(r, "ce_id")),
                        1)
                .get(0);
        assertThat(TopicReader.header(letter, DeadLetterHeaders.CONSUMER)).isEqualTo("probe");
        assertThat(TopicReader.header(letter, DeadLetterHeaders.ATTEMPTS)).isEqualTo("3");
        assertThat(TopicReader.header(letter, DeadLetterHeaders.ERROR)).contains("probe fails on " + failingId);
        assertThat(attemptRows(failingId)).isZero();
    }

    @Test
    void anUnreadableRecordIsDeadLetteredAtOnceAndNotReportedForRetry() throws Exception {
        String marker = "not-a-cloudevent-" + UUID.randomUUID();
        var record = new java.util.LinkedHashMap<String, Object>();
        record.put("topic", "task.updated");
        record.put("partition", 2);
        record.put("offset", 7);
        record.put("timestamp", 1795873272917L);
        record.put("timestampType", "CREATE_TIME");
        record.put("value", Base64.getEncoder().encodeToString(marker.getBytes(StandardCharsets.UTF_8)));
        record.put("headers", List.of());
        String batch = json.writeValueAsString(
                Map.of("eventSource", "aws:kafka", "records", Map.of("task.updated-2", List.of(record))));

        String answer = Payloads.invoke(new ProbeHandler(stack.context()), batch);

        assertThat(answer).isEqualTo("{\"batchItemFailures\":[]}");
        ConsumerRecord<String, byte[]> letter = TopicReader.await(
                        stack.bootstrapServers(),
                        "taskflow.dlq.probe",
                        r -> marker.equals(new String(r.value(), StandardCharsets.UTF_8)),
                        1)
                .get(0);
        assertThat(TopicReader.header(letter, DeadLetterHeaders.PERMANENT)).isEqualTo("true");
        assertThat(TopicReader.header(letter, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo("task.updated");
    }

    @Test
    void theCapturedMskPayloadReadsIntoTheEventItCarries() throws Exception {
        MskEvent event;
        try (var in = MskHandlerTest.class.getResourceAsStream(MskConsumerHandler.PRIMING_EVENT)) {
            event = json.readValue(in.readAllBytes(), MskEvent.class);
        }

        MskRecord record = event.records().get("task.created-1").get(0);
        var envelope = io.taskflow.kafka.records.CloudEventRecords.envelope(record.toConsumerRecord());

        assertThat(envelope.type()).isEqualTo("task.created");
        assertThat(envelope.partitionKey()).isEqualTo("01a212f0-6054-7634-a86a-49243b039e9a");
        assertThat(record.toConsumerRecord().key()).isEqualTo("01a212f0-6054-7634-a86a-49243b039e9a");
        assertThat(new String(envelope.data(), StandardCharsets.UTF_8)).contains("Write the quarterly report");
    }

    private static MskBatchResponse deliver(MskConsumerHandler handler, List<ConsumerRecord<String, byte[]>> records)
            throws IOException {
        return json.readValue(
                Payloads.invoke(handler, json.writeValueAsString(MskEvents.of(records))), MskBatchResponse.class);
    }

    private static MskBatchResponse.ItemIdentifier identifier(ConsumerRecord<?, ?> record) {
        return new MskBatchResponse.ItemIdentifier(record.topic() + "-" + record.partition(), record.offset());
    }

    private static String createTask() throws IOException {
        Map<String, Object> created = apiCall("api-create-task.json", Map.of("TOKEN", token));
        assertThat(created.get("statusCode")).isEqualTo(201);
        return json.readValue((String) created.get("body"), Map.class).get("id").toString();
    }

    private static void updateTask(String taskId, String title) throws IOException {
        Map<String, Object> updated =
                apiCall("api-update-task.json", Map.of("TOKEN", token, "TASK_ID", taskId, "TITLE", title));
        assertThat(updated.get("statusCode")).isEqualTo(200);
    }

    private static String batchOf(String topic, List<String> subjects) throws IOException {
        return json.writeValueAsString(MskEvents.of(
                TopicReader.await(stack.bootstrapServers(), topic, r -> subjects.contains(r.key()), subjects.size())));
    }

    private static List<ConsumerRecord<String, byte[]>> updatesOf(String task, String other, int count) {
        return TopicReader.await(
                stack.bootstrapServers(),
                "task.updated",
                r -> r.key().equals(task) || r.key().equals(other),
                count);
    }

    private static ConsumerRecord<String, byte[]> recordOf(
            List<ConsumerRecord<String, byte[]>> records, String key, int index) {
        var ofKey = new ArrayList<ConsumerRecord<String, byte[]>>();
        records.stream().filter(r -> r.key().equals(key)).forEach(ofKey::add);
        return ofKey.get(index);
    }

    private static int auditRows(String... subjects) throws SQLException {
        try (Connection db = stack.openDatabase();
                var ps = db.prepareStatement(
                        "SELECT COUNT(*) FROM audit_log WHERE CAST(subject AS VARCHAR(64)) IN (?, ?)")) {
            ps.setString(1, subjects[0]);
            ps.setString(2, subjects[1]);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * Whether the probe's processing of the event committed: its inbox row. (An in-memory count would also see a
     * handle rolled back with a batch transaction that another event of the batch failed.)
     */
    private static int processed(String eventId) throws SQLException {
        try (Connection db = stack.openDatabase();
                var ps = db.prepareStatement("SELECT COUNT(*) FROM inbox WHERE consumer = ? AND event_id = ?")) {
            ps.setString(1, ProbeConsumer.NAME);
            ps.setString(2, eventId);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static int attemptRows(String eventId) throws SQLException {
        try (Connection db = stack.openDatabase();
                var ps = db.prepareStatement("SELECT COUNT(*) FROM delivery_attempts WHERE event_id = ?")) {
            ps.setString(1, eventId);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> apiCall(String payload, Map<String, String> values) throws IOException {
        return json.readValue(Payloads.invoke(api, Payloads.load(payload, values)), Map.class);
    }
}
