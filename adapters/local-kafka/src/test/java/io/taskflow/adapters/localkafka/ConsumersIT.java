package io.taskflow.adapters.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.taskflow.adapters.localkafka.consumer.ProbeConsumer;
import io.taskflow.adapters.localkafka.testing.Api;
import io.taskflow.adapters.localkafka.testing.TestStack;
import io.taskflow.adapters.localkafka.testing.TopicReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kafka wiring of the shared consumer contract, with a probe consumer wired like the real ones: inbox dedupe,
 * retries, per-key order, dead letters, redrive, and a restart before the offset commit.
 */
class ConsumersIT {
    static final String ADMIN_EMAIL = "ops-" + UUID.randomUUID() + "@example.com";
    static final Duration WAIT = Duration.ofSeconds(30);

    static EmbeddedServer server;
    static Api api;
    static Api.User admin;

    @BeforeAll
    static void start() {
        server = startServer();
        admin = api.newUser(ADMIN_EMAIL);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static EmbeddedServer startServer() {
        var properties = new HashMap<>(TestStack.get().properties());
        properties.put("taskflow.test.probe", "true");
        properties.put("taskflow.security.admin-emails", ADMIN_EMAIL);
        properties.put("taskflow.consumers.retry.max-attempts", 3);
        properties.put("taskflow.consumers.retry.initial-backoff", "20ms");
        properties.put("taskflow.consumers.retry.max-backoff", "100ms");
        var started = ApplicationContext.run(EmbeddedServer.class, properties);
        api = new Api(started.getURI(), started.getApplicationContext().getBean(JsonMapper.class));
        return started;
    }

    static ProbeConsumer probe() {
        return server.getApplicationContext().getBean(ProbeConsumer.class);
    }

    static double consumed(String type, String outcome) {
        var counter = server.getApplicationContext()
                .getBean(MeterRegistry.class)
                .find("taskflow.events.consumed")
                .tags("consumer", "probe", "type", type, "outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void theSameEventPublishedTwiceHasOneEffect() throws SQLException {
        var user = api.newUser();
        String taskId = api.createTask(user, "twice " + UUID.randomUUID()).text("id");
        String eventId = eventIdOf(taskId, "task.created");
        await().atMost(WAIT).until(() -> probe().effects(eventId) == 1);
        double duplicatesBefore = consumed("task.created", "duplicate");

        try (var reader = new TopicReader(TestStack.get().broker().bootstrapServers(), "task.created");
                var producer = rawProducer()) {
            var original = await().atMost(WAIT)
                    .until(
                            () -> reader.poll().stream()
                                    .filter(r -> eventId.equals(r.header("ce_id")))
                                    .findFirst(),
                            java.util.Optional::isPresent)
                    .orElseThrow();
            var copy = new ProducerRecord<>("task.created", original.key(), original.value());
            original.rawHeaders().forEach(h -> copy.headers().add(h));
            producer.send(copy).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }

        await().atMost(WAIT).until(() -> consumed("task.created", "duplicate") > duplicatesBefore);
        assertThat(probe().effects(eventId)).isEqualTo(1);
    }

    @Test
    void aPoisonEventIsDeadLetteredWithItsErrorAndTheEventsBehindItStillFlow() throws SQLException {
        var user = api.newUser();
        String poison = "poison " + UUID.randomUUID();
        String poisonTask = api.createTask(user, poison).text("id");
        String healthyTitle = "healthy " + UUID.randomUUID();
        api.createTask(user, healthyTitle);
        String renamed = "renamed " + UUID.randomUUID();
        assertThat(api.send("PATCH", "/tasks/" + poisonTask, user.token(), "{\"title\":\"" + renamed + "\"}")
                        .status())
                .isEqualTo(200);
        String poisonEvent = eventIdOf(poisonTask, "task.created");

        try (var dlq = new TopicReader(TestStack.get().broker().bootstrapServers(), "taskflow.dlq.probe")) {
            var letter = await().atMost(WAIT)
                    .until(
                            () -> dlq.poll().stream()
                                    .filter(r -> poisonEvent.equals(r.header("ce_id")))
                                    .findFirst(),
                            java.util.Optional::isPresent)
                    .orElseThrow();
            assertThat(letter.header("taskflow_dlq_consumer")).isEqualTo("probe");
            assertThat(letter.header("taskflow_dlq_attempts")).isEqualTo("3");
            assertThat(letter.header("taskflow_dlq_permanent")).isEqualTo("false");
            assertThat(letter.header("taskflow_dlq_error")).contains("probe refuses " + poison);
            assertThat(letter.header("taskflow_dlq_original_topic")).isEqualTo("task.created");
            assertThat(letter.key()).isEqualTo(poisonTask);
            assertThat(new String(letter.value(), StandardCharsets.UTF_8)).contains(poison);
        }
        await().atMost(WAIT).until(() -> probe().effectsWithTitle(healthyTitle) == 1);
        await().atMost(WAIT).until(() -> probe().effectsWithTitle(renamed) == 1);
        assertThat(probe().effectsWithTitle(poison))
                .as("each failed attempt rolled back")
                .isZero();
    }

    @Test
    void aRedrivenEventIsProcessedOnceAndTheQueueEmpties() throws SQLException {
        var user = api.newUser();
        String poison = "poison " + UUID.randomUUID();
        String taskId = api.createTask(user, poison).text("id");
        String eventId = eventIdOf(taskId, "task.created");
        await().atMost(WAIT).until(() -> pending() >= 1);
        var peek = api.get("/admin/dead-letters/probe?limit=100", admin);
        assertThat(peek.status()).isEqualTo(200);
        assertThat(peek.items()).anySatisfy(letter -> {
            assertThat(letter).containsEntry("eventId", eventId).containsEntry("attempts", 3);
            assertThat((String) letter.get("error")).contains("probe refuses");
        });

        probe().cured.addAll(probe().poisons);
        var redriven = api.post("/admin/dead-letters/probe/redrive", admin, null);

        assertThat(redriven.status()).isEqualTo(200);
        assertThat(((Number) redriven.map().get("redriven")).longValue()).isGreaterThanOrEqualTo(1);
        await().atMost(WAIT).until(() -> probe().effects(eventId) == 1);
        // Events that break the contract come back at once; a cured one never does.
        await().atMost(WAIT)
                .until(() -> api.get("/admin/dead-letters/probe?limit=100", admin).items().stream()
                        .noneMatch(letter -> eventId.equals(letter.get("eventId"))));
        var again = api.post("/admin/dead-letters/probe/redrive", admin, null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(probe().effects(eventId)).isEqualTo(1);
    }

    @Test
    void theCommandLineRedrivesWithProgressAndRefusesBadArguments() {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        String bootstrap = TestStack.get().broker().bootstrapServers();

        int ok = RedriveCommand.run(new String[] {"probe"}, bootstrap, new PrintStream(out), new PrintStream(err));
        int usage = RedriveCommand.run(new String[] {}, bootstrap, new PrintStream(out), new PrintStream(err));
        int unknown = RedriveCommand.run(
                new String[] {"no-such-consumer"}, bootstrap, new PrintStream(out), new PrintStream(err));

        assertThat(ok).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("redrive probe: done");
        assertThat(usage).isEqualTo(2);
        assertThat(unknown).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("usage: redrive")
                .contains("no dead-letter topic");
    }

    @Test
    void deadLettersAreForAdminsOnly() {
        var user = api.newUser();

        assertThat(api.get("/admin/dead-letters", user).status()).isEqualTo(403);
        assertThat(api.send("GET", "/admin/dead-letters", null, null).status()).isEqualTo(401);
        assertThat(api.post("/admin/dead-letters/probe/redrive", user, null).status())
                .isEqualTo(403);
        assertThat(api.get("/admin/dead-letters/no-such-consumer", admin).status())
                .isEqualTo(404);
        assertThat(api.get("/admin/dead-letters/probe?limit=0", admin).status()).isEqualTo(400);
        var depths = api.get("/admin/dead-letters", admin);
        assertThat(depths.status()).isEqualTo(200);
        assertThat(depths.items())
                .anySatisfy(d -> assertThat(d)
                        .containsEntry("consumer", "probe")
                        .containsEntry("destination", "taskflow.dlq.probe"));
    }

    @Test
    void anEventThatBreaksItsSchemaOrIsNoCloudEventIsDeadLetteredAtOnce() throws Exception {
        String badId = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();
        try (var producer = rawProducer();
                var dlq = new TopicReader(TestStack.get().broker().bootstrapServers(), "taskflow.dlq.probe")) {
            var bad = new ProducerRecord<>("task.created", key, "{\"title\":42}".getBytes(StandardCharsets.UTF_8));
            header(bad, "ce_specversion", "1.0");
            header(bad, "ce_id", badId);
            header(bad, "ce_source", "/somewhere/else");
            header(bad, "ce_type", "task.created");
            header(bad, "ce_time", "2026-01-01T00:00:00Z");
            header(bad, "content-type", "application/json");
            producer.send(bad).get();
            producer.send(new ProducerRecord<>("task.created", key, "not an event".getBytes(StandardCharsets.UTF_8)))
                    .get();

            await().atMost(WAIT).until(() -> dlq.poll().stream().anyMatch(r -> badId.equals(r.header("ce_id"))));
            await().atMost(WAIT).until(() -> dlq.poll().stream().anyMatch(r -> key.equals(r.key())));
            var broken = dlq.poll().stream()
                    .filter(r -> badId.equals(r.header("ce_id")))
                    .findFirst()
                    .orElseThrow();
            var unreadable = dlq.poll().stream()
                    .filter(r -> key.equals(r.key()))
                    .findFirst()
                    .orElseThrow();
            for (var letter : List.of(broken, unreadable)) {
                assertThat(letter.header("taskflow_dlq_permanent")).isEqualTo("true");
                assertThat(letter.header("taskflow_dlq_attempts")).isEqualTo("1");
            }
            assertThat(broken.header("taskflow_dlq_error")).contains(badId).contains("breaks task.created");
            assertThat(unreadable.header("taskflow_dlq_error")).contains("not a readable CloudEvent");
            assertThat(new String(unreadable.value(), StandardCharsets.UTF_8)).isEqualTo("not an event");
        }
    }

    @Test
    void aConsumerStoppedAfterItsEffectButBeforeItsOffsetCommitDoesNotRepeatTheEffect() throws Exception {
        var user = api.newUser();
        String taskId = api.createTask(user, "once " + UUID.randomUUID()).text("id");
        String eventId = eventIdOf(taskId, "task.created");
        await().atMost(WAIT).until(() -> probe().effects(eventId) == 1);
        long effectsBefore = probe().totalEffects();

        server.close();
        rewindProbeGroupToTheStart();
        server = startServer();
        String later = api.createTask(api.newUser(), "after restart " + UUID.randomUUID())
                .text("id");
        String laterEvent = eventIdOf(later, "task.created");

        await().atMost(WAIT).until(() -> probe().effects(laterEvent) == 1);
        assertThat(probe().effects(eventId)).isEqualTo(1);
        assertThat(probe().totalEffects()).isEqualTo(effectsBefore + 1);
        assertThat(consumed("task.created", "duplicate")).isGreaterThan(0);
    }

    /** What a crash between the effect's commit and the offset commit leaves behind: offsets behind the effects. */
    private static void rewindProbeGroupToTheStart() throws Exception {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestStack.get().broker().bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> zero = List.of("task.created", "task.updated").stream()
                    .flatMap(t -> java.util.stream.IntStream.range(0, 3).mapToObj(p -> new TopicPartition(t, p)))
                    .collect(Collectors.toMap(tp -> tp, tp -> new OffsetAndMetadata(0)));
            await().atMost(WAIT).ignoreExceptions().until(() -> {
                admin.alterConsumerGroupOffsets("taskflow-probe", zero).all().get();
                return true;
            });
        }
    }

    private static long pending() {
        var depths = api.get("/admin/dead-letters", admin);
        return depths.items().stream()
                .filter(d -> "probe".equals(d.get("consumer")))
                .mapToLong(d -> ((Number) d.get("pending")).longValue())
                .sum();
    }

    private static String eventIdOf(String taskId, String type) throws SQLException {
        try (var c = TestStack.get().openDatabase();
                var ps = c.prepareStatement(
                        "SELECT event_id FROM outbox WHERE subject = ? AND event_type = ? ORDER BY id")) {
            ps.setString(1, taskId);
            ps.setString(2, type);
            try (var rs = ps.executeQuery()) {
                assertThat(rs.next()).as("outbox row of " + type + " " + taskId).isTrue();
                return rs.getString(1);
            }
        }
    }

    private static KafkaProducer<String, byte[]> rawProducer() {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestStack.get().broker().bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }
}
