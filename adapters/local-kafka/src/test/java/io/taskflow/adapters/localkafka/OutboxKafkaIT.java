package io.taskflow.adapters.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.taskflow.adapters.localkafka.testing.Api;
import io.taskflow.adapters.localkafka.testing.Api.User;
import io.taskflow.adapters.localkafka.testing.TestStack;
import io.taskflow.adapters.localkafka.testing.TopicReader;
import io.taskflow.adapters.localkafka.testing.TopicReader.Received;
import io.taskflow.core.event.EventType;
import io.taskflow.core.port.Transactions;
import io.taskflow.core.task.CreateTask;
import io.taskflow.core.task.Task;
import io.taskflow.core.task.TaskDetails;
import io.taskflow.functions.event.CloudEventMapping;
import io.taskflow.functions.event.EventValidator;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The write path end to end: HTTP → transaction with outbox row → relay → a real Kafka broker → a reader. */
class OutboxKafkaIT {
    static EmbeddedServer server;
    static Api api;
    static JsonMapper json;
    static TopicReader reader;

    @BeforeAll
    static void start() {
        server = TestStack.get().startApp();
        json = server.getApplicationContext().getBean(JsonMapper.class);
        api = new Api(server.getURI(), json);
        reader = new TopicReader(
                TestStack.get().broker().bootstrapServers(),
                Arrays.stream(EventType.values()).map(EventType::typeName).toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        reader.close();
        server.close();
    }

    @Test
    void aCreatedTaskAppearsOnTaskCreatedAsABinaryCloudEventKeyedByItsId() {
        User ada = api.newUser();
        var created = api.post(
                "/tasks", ada, "{\"title\":\"publish me\",\"tags\":[\"x\"]}", "X-Correlation-Id", "corr-created-1");
        String id = created.text("id");

        Received r = awaitOne(rec -> rec.topic().equals("task.created") && id.equals(rec.key()));

        assertThat(r.headers())
                .containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_type", "task.created")
                .containsEntry("ce_source", "/taskflow/api")
                .containsEntry("ce_subject", id)
                .containsEntry("ce_partitionkey", id)
                .containsEntry("ce_correlationid", "corr-created-1")
                .containsEntry("ce_dataschema", "urn:taskflow:schema:task.created:v1")
                .containsEntry("content-type", "application/json")
                .containsKeys("ce_id", "ce_time");
        Map<String, Object> data = data(r);
        assertThat(data)
                .containsEntry("taskId", id)
                .containsEntry("userId", ada.id().toString())
                .containsEntry("version", 1)
                .containsEntry("schemaVersion", 1)
                .containsEntry("title", "publish me");
        validatedOnConsume(r);
    }

    @Test
    void theEightTopicsExistWithThreePartitionsAndSevenDaysRetention() {
        // The relay creates them in its first round, right after start.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(OutboxKafkaIT::topicsAreAsConfigured);
    }

    private static void topicsAreAsConfigured() throws Exception {
        var names = Arrays.stream(EventType.values()).map(EventType::typeName).toList();
        try (var admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestStack.get().broker().bootstrapServers()))) {
            var topics = admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
            assertThat(topics)
                    .hasSize(8)
                    .allSatisfy((name, d) -> assertThat(d.partitions()).hasSize(3));
            var resources = names.stream()
                    .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n))
                    .toList();
            var configs = admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS);
            assertThat(configs.values())
                    .hasSize(8)
                    .allSatisfy(c -> assertThat(
                                    c.get(TopicConfig.RETENTION_MS_CONFIG).value())
                            .isEqualTo(Long.toString(Duration.ofDays(7).toMillis())));
        }
    }

    @Test
    void everyWriteOfOneTaskPublishesItsEventWithTheNextVersion() {
        User ada = api.newUser();
        String id = api.createTask(ada, "lifecycle").text("id");
        api.send("PATCH", "/tasks/" + id, ada.token(), "{\"priority\":\"HIGH\"}");
        api.post("/tasks/" + id + "/complete", ada, null);
        api.post("/tasks/" + id + "/complete", ada, null); // idempotent: no second event
        api.send("DELETE", "/tasks/" + id, ada.token(), null);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(eventsOf(id)).hasSize(4));
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(eventsOf(id)).hasSize(4));
        var byType = eventsOf(id).stream().collect(Collectors.toMap(Received::topic, r -> data(r).get("version")));
        assertThat(byType)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("task.created", 1, "task.updated", 2, "task.completed", 3, "task.deleted", 4));
        var updated = eventsOf(id).stream()
                .filter(r -> r.topic().equals("task.updated"))
                .findFirst()
                .orElseThrow();
        assertThat(data(updated)).containsEntry("changedFields", List.of("priority"));
        eventsOf(id).forEach(OutboxKafkaIT::validatedOnConsume);
    }

    @Test
    void theUpdatesOfOneTaskArriveInTheOrderTheyWereMade() {
        User ada = api.newUser();
        String id = api.createTask(ada, "v1").text("id");
        for (int v = 2; v <= 11; v++) {
            api.send("PATCH", "/tasks/" + id, ada.token(), "{\"title\":\"v" + v + "\"}");
        }

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(updatesOf(id)).hasSize(10));
        // One key, one partition: the record order is the write order.
        assertThat(updatesOf(id).stream().map(r -> data(r).get("version")))
                .containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(updatesOf(id).stream().map(Received::partition).distinct()).hasSize(1);
    }

    @Test
    void aRowLeftInTheOutboxWithoutACommitSignalIsPublishedByThePoll() throws SQLException {
        // As if another instance, or a run that crashed before relaying, had written it: nobody wakes this relay.
        String eventId = java.util.UUID.randomUUID().toString();
        String subject = java.util.UUID.randomUUID().toString();
        String data = "{\"schemaVersion\":1,\"taskId\":\"" + subject + "\",\"userId\":\"" + subject
                + "\",\"version\":2,\"occurredAt\":\"2030-01-01T00:00:00Z\"}";
        try (var c = TestStack.get().openDatabase();
                var ps = c.prepareStatement(
                        "INSERT INTO outbox (event_id, event_type, source, subject, occurred_at,"
                                + " data_schema, data, created_at) VALUES (?, 'task.deleted', '/taskflow/api', ?, ?, ?, ?, ?)")) {
            ps.setObject(1, java.util.UUID.fromString(eventId));
            ps.setString(2, subject);
            ps.setObject(3, java.time.OffsetDateTime.parse("2030-01-01T00:00:00Z"));
            ps.setString(4, "urn:taskflow:schema:task.deleted:v1");
            ps.setString(5, data);
            ps.setObject(6, java.time.OffsetDateTime.now());
            ps.executeUpdate();
        }

        Received r = awaitOne(rec -> eventId.equals(rec.header("ce_id")));
        assertThat(r.topic()).isEqualTo("task.deleted");
        assertThat(r.key()).isEqualTo(subject);
        validatedOnConsume(r);
    }

    private static List<Received> updatesOf(String id) {
        return eventsOf(id).stream()
                .filter(r -> r.topic().equals("task.updated"))
                .toList();
    }

    @Test
    void registeringAndLoggingInPublishUserEvents() {
        User ada = api.newUser();
        String id = ada.id().toString();
        awaitOne(r -> r.topic().equals("user.registered") && id.equals(r.key()));
        Received login = awaitOne(r -> r.topic().equals("user.authenticated") && id.equals(r.key()));
        assertThat(data(login)).containsEntry("userId", id);
        assertThat(new String(awaitOne(r -> r.topic().equals("user.registered") && id.equals(r.key()))
                        .value()))
                .doesNotContain("correct-horse")
                .doesNotContain("$2a$");
    }

    @Test
    void aRolledBackWriteAppendsAndPublishesNothing() throws SQLException {
        User ada = api.newUser();
        var ctx = server.getApplicationContext();
        var tx = ctx.getBean(Transactions.class);
        var createTask = ctx.getBean(CreateTask.class);
        var doomed = new AtomicReference<Task>();

        assertThatThrownBy(() -> tx.inTransaction(() -> {
                    doomed.set(
                            createTask.create(ada.id(), new TaskDetails("doomed", null, null, null, null, null, null)));
                    throw new IllegalStateException("the caller fails after the write");
                }))
                .hasMessageContaining("caller fails");

        String doomedId = doomed.get().id().toString();
        assertThat(TaskApiIT.outboxRowsFor(doomedId)).isZero();
        // A later write is published; by then the relay has passed the point where the rolled-back event would be.
        String sentinel = api.createTask(ada, "sentinel").text("id");
        awaitOne(r -> sentinel.equals(r.key()));
        assertThat(reader.poll()).noneMatch(r -> doomedId.equals(r.key()));
        assertThat(api.get("/tasks/" + doomedId, ada).status()).isEqualTo(404);
    }

    @Test
    void writesWhileTheBrokerIsDownArePublishedOnceWhenItIsBack() throws SQLException {
        User ada = api.newUser();
        var broker = TestStack.get().broker();
        var ids = new ArrayList<String>();
        broker.stop();
        try {
            for (int i = 0; i < 20; i++) {
                var r = api.post("/tasks", ada, "{\"title\":\"while down " + i + "\"}");
                assertThat(r.status()).isEqualTo(201);
                ids.add(r.text("id"));
            }
            assertThat(pendingOutboxRows(ids)).isEqualTo(20);
        } finally {
            broker.start();
        }
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(createdEventsFor(ids)).hasSize(20));
        await().atMost(Duration.ofSeconds(10)).until(() -> pendingOutboxRows(ids) == 0);
        // None twice: give a duplicate the time to show up, then count per event id.
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(createdEventsFor(ids)).hasSize(20));
        var perEvent = reader.poll().stream()
                .filter(r -> r.topic().equals("task.created") && ids.contains(r.key()))
                .collect(Collectors.groupingBy(r -> r.header("ce_id"), Collectors.counting()));
        assertThat(perEvent)
                .hasSize(20)
                .allSatisfy((eventId, count) -> assertThat(count).isEqualTo(1));
    }

    @Test
    void anAppStartedWhileTheBrokerIsAwayTakesWritesAndPublishesThemWhenItComes() {
        var broker = TestStack.get().broker();
        broker.stop();
        EmbeddedServer late = null;
        String id;
        try {
            late = TestStack.get().startApp();
            var lateApi = new Api(late.getURI(), json);
            id = lateApi.createTask(lateApi.newUser(), "written before the broker came")
                    .text("id");
        } finally {
            broker.start();
        }
        try {
            awaitOne(r -> r.topic().equals("task.created") && id.equals(r.key()));
        } finally {
            late.close();
        }
    }

    private static List<Received> createdEventsFor(List<String> ids) {
        return reader.poll().stream()
                .filter(r -> r.topic().equals("task.created") && ids.contains(r.key()))
                .toList();
    }

    private static List<Received> eventsOf(String aggregateId) {
        return reader.poll().stream().filter(r -> aggregateId.equals(r.key())).toList();
    }

    private static Received awaitOne(java.util.function.Predicate<Received> match) {
        var found = new AtomicReference<Optional<Received>>(Optional.empty());
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            found.set(reader.poll().stream().filter(match).findFirst());
            return found.get().isPresent();
        });
        return found.get().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Received r) {
        try {
            return json.readValue(r.value(), Map.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the record the way a consumer does: CloudEvents binary mode, then the schema check of its type. */
    private static void validatedOnConsume(Received r) {
        try (var deserializer = new CloudEventDeserializer()) {
            CloudEvent event = deserializer.deserialize(r.topic(), r.rawHeaders(), r.value());
            var envelope = CloudEventMapping.fromCloudEvent(event);
            var type =
                    server.getApplicationContext().getBean(EventValidator.class).checkIncoming(envelope);
            assertThat(type.typeName()).isEqualTo(r.topic());
            assertThat(envelope.subject()).isEqualTo(r.key());
        }
    }

    private static long pendingOutboxRows(List<String> subjects) throws SQLException {
        try (var c = TestStack.get().openDatabase();
                var ps = c.prepareStatement("SELECT subject FROM outbox WHERE published_at IS NULL")) {
            try (var rs = ps.executeQuery()) {
                long n = 0;
                Set<String> wanted = Set.copyOf(subjects);
                while (rs.next()) {
                    n += wanted.contains(rs.getString(1)) ? 1 : 0;
                }
                return n;
            }
        }
    }
}
