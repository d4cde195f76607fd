package io.taskflow.adapters.localkafka.dapr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.configuration.kafka.ConsumerRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.taskflow.adapters.localkafka.consumer.AuditListener;
import io.taskflow.adapters.localkafka.consumer.KafkaDelivery;
import io.taskflow.adapters.localkafka.consumer.ProbeConsumer;
import io.taskflow.adapters.localkafka.consumer.ProbeListener;
import io.taskflow.adapters.localkafka.health.BrokerHealthIndicator;
import io.taskflow.adapters.localkafka.kafka.BrokerAdmin;
import io.taskflow.adapters.localkafka.kafka.KafkaTopics;
import io.taskflow.adapters.localkafka.schedule.DigestSchedule;
import io.taskflow.adapters.localkafka.schedule.ScheduledJobs;
import io.taskflow.adapters.localkafka.testing.Api;
import io.taskflow.adapters.localkafka.testing.TestStack;
import io.taskflow.kafka.records.KafkaDeadLetters;
import io.taskflow.kafka.records.KafkaEventProducer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Dapr runtime ({@code TASKFLOW_RUNTIME=dapr}) against a sidecar at the protocol level ({@link
 * InProcessDaprSidecar}) and the real database, as a split deployment: an API service running no consumer
 * ({@code TASKFLOW_CONSUMERS=none}, app id taskflow-api) and the probe consumer's own service ({@code
 * TASKFLOW_CONSUMERS=probe}, app id taskflow-probe). Deliveries are posted to the app as the sidecar posts them.
 */
class DaprModeIT {
    static final String ADMIN_EMAIL = "dapr-ops-" + UUID.randomUUID() + "@example.com";
    static final String STORE_SIGNING_SECRET = "signing-secret-from-the-dapr-secret-store-0123456789";
    static final Duration WAIT = Duration.ofSeconds(20);

    static InProcessDaprSidecar sidecar;
    static EmbeddedServer apiServer;
    static EmbeddedServer probeServer;
    static Api api;
    static Api probeApp;
    static Api.User admin;
    static JsonMapper json;

    @BeforeAll
    static void start() {
        sidecar = new InProcessDaprSidecar();
        sidecar.secrets.put("taskflow-secrets", Map.of("jwt-signing-secret", STORE_SIGNING_SECRET));
        apiServer = startApp("none");
        probeServer = startApp("probe");

        json = apiServer.getApplicationContext().getBean(JsonMapper.class);
        api = new Api(apiServer.getURI(), json);
        probeApp = new Api(probeServer.getURI(), json);
        sidecar.apps.put("taskflow-probe", probeServer.getURI());
        admin = api.newUser(ADMIN_EMAIL);
    }

    @AfterAll
    static void stop() {
        if (apiServer != null) {
            apiServer.close();
        }
        if (probeServer != null) {
            probeServer.close();
        }
        sidecar.close();
    }

    static EmbeddedServer startApp(String consumers) {
        var properties = new HashMap<>(TestStack.get().properties());
        properties.putAll(sidecar.properties());
        properties.put("taskflow.runtime", "dapr");
        properties.put("taskflow.consumers.enabled", consumers);
        // Nothing listens there: a Kafka client of this process could only fail.
        properties.put("kafka.bootstrap.servers", "127.0.0.1:1");
        properties.put("taskflow.test.probe", "true");
        properties.put("taskflow.security.admin-emails", ADMIN_EMAIL);
        properties.put("taskflow.consumers.retry.max-attempts", 3);
        properties.put("datasources.default.maximum-pool-size", 4);
        return ApplicationContext.run(EmbeddedServer.class, properties);
    }

    @Test
    void inTheDaprRuntimeNoKafkaBeanExistsAndTheSidecarIsToldEachRouteAndDeadLetterTopic() {
        for (EmbeddedServer server : List.of(apiServer, probeServer)) {
            var context = server.getApplicationContext();
            for (Class<?> kafkaBean : List.of(
                    BrokerAdmin.class,
                    KafkaEventProducer.class,
                    KafkaTopics.class,
                    KafkaDelivery.class,
                    KafkaDeadLetters.class,
                    BrokerHealthIndicator.class,
                    AuditListener.class,
                    ProbeListener.class,
                    ScheduledJobs.class,
                    DigestSchedule.class)) {
                assertThat(context.findBean(kafkaBean))
                        .as(kafkaBean.getSimpleName())
                        .isEmpty();
            }
            assertThat(context.findBean(ConsumerRegistry.class)
                            .map(ConsumerRegistry::getConsumerIds)
                            .orElse(java.util.Set.of()))
                    .isEmpty();
        }

        assertThat(list(api.send("GET", "/dapr/subscribe", null, null))).isEmpty();
        List<Map<String, Object>> entries = list(probeApp.send("GET", "/dapr/subscribe", null, null));
        assertThat(entries)
                .extracting(e -> e.get("topic"))
                .containsExactly("task.created", "task.updated", "taskflow.dlq.probe");
        Map<String, Object> created = entries.get(0);
        assertThat(created)
                .containsEntry("pubsubname", "taskflow-pubsub")
                .containsEntry("route", "/dapr/events/probe")
                .containsEntry("deadLetterTopic", "taskflow.dlq.probe");
        assertThat(created.get("bulkSubscribe"))
                .isEqualTo(Map.of("enabled", true, "maxMessagesCount", 100, "maxAwaitDurationMs", 40));
        assertThat(entries.get(2))
                .containsEntry("route", "/dapr/dead-letters/probe")
                .doesNotContainKey("deadLetterTopic");

        var readiness = api.send("GET", "/health/readiness", null, null);
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.body()).doesNotContain("broker");
    }

    @Test
    void aCreatedTaskIsPublishedThroughTheSidecarAsACloudEventKeyedByTheTask() {
        var user = api.newUser();
        var created = api.post(
                "/tasks", user, "{\"title\":\"publish " + UUID.randomUUID() + "\"}", "X-Correlation-Id", "corr-dapr-1");
        assertThat(created.status()).isEqualTo(201);
        String taskId = created.text("id");

        InProcessDaprSidecar.Published published = publishedOf("task.created", taskId);
        assertThat(published.pubsub()).isEqualTo("taskflow-pubsub");
        assertThat(published.contentType()).isEqualTo("application/cloudevents+json");
        assertThat(published.metadata()).containsEntry("partitionKey", taskId).containsEntry("rawPayload", "false");
        Map<String, Object> event = map(published.text());
        assertThat(event)
                .containsEntry("specversion", "1.0")
                .containsEntry("type", "task.created")
                .containsEntry("source", "/taskflow/api")
                .containsEntry("subject", taskId)
                .containsEntry("partitionkey", taskId)
                .containsEntry("correlationid", "corr-dapr-1")
                .containsEntry("datacontenttype", "application/json")
                .containsKeys("id", "time", "dataschema");
        assertThat(event.get("data")).asString().contains(created.text("title"));
        if (event.get("traceparent") != null) {
            assertThat(published.traceparent()).isEqualTo(event.get("traceparent"));
        }
    }

    @Test
    void aDeliveredCloudEventReachesTheConsumerOnceAndARedeliveryChangesNothing() {
        var user = api.newUser();
        String taskId = api.createTask(user, "deliver " + UUID.randomUUID()).text("id");
        Map<String, Object> event = asDelivered(publishedOf("task.created", taskId));
        String eventId = (String) event.get("id");

        var first = deliver(event);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.map()).containsEntry("status", "SUCCESS");
        assertThat(probe().effects(eventId)).isEqualTo(1);

        assertThat(deliver(event).map()).containsEntry("status", "SUCCESS");
        assertThat(probe().effects(eventId)).isEqualTo(1);
    }

    @Test
    void aBulkDeliveryIsAnsweredPerEntryAndAFailingEntryDoesNotHoldBackTheOthers() {
        var user = api.newUser();
        String healthy = api.createTask(user, "bulk " + UUID.randomUUID()).text("id");
        String poison = api.createTask(user, "poison bulk " + UUID.randomUUID()).text("id");
        Map<String, Object> healthyEvent = asDelivered(publishedOf("task.created", healthy));
        Map<String, Object> poisonEvent = asDelivered(publishedOf("task.created", poison));

        var bulk = new LinkedHashMap<String, Object>();
        bulk.put("id", UUID.randomUUID().toString());
        bulk.put("entries", List.of(entry("e-1", healthyEvent), entry("e-2", poisonEvent), entry("e-3", healthyEvent)));
        bulk.put("metadata", Map.of());
        bulk.put("pubsubname", "taskflow-pubsub");
        bulk.put("topic", "task.created");
        bulk.put("type", "com.dapr.event.sent.bulk");
        var answer = probeApp.send(
                "POST", "/dapr/events/probe", null, write(bulk), "Content-Type", "application/cloudevents+json");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(list(answer.map().get("statuses")))
                .containsExactly(
                        Map.of("entryId", "e-1", "status", "SUCCESS"),
                        Map.of("entryId", "e-2", "status", "RETRY"),
                        Map.of("entryId", "e-3", "status", "SUCCESS"));
        assertThat(probe().effects((String) healthyEvent.get("id"))).isEqualTo(1);
    }

    @Test
    void aFailingEventIsAnsweredRetryUntilTheRetryPolicyDeadLettersItAndItsRedriveRunsInTheConsumersService() {
        var user = api.newUser();
        String title = "poison " + UUID.randomUUID();
        String taskId = api.createTask(user, title).text("id");
        Map<String, Object> event = asDelivered(publishedOf("task.created", taskId));
        String eventId = (String) event.get("id");

        assertThat(deliver(event).map()).containsEntry("status", "RETRY");
        assertThat(deliver(event).map()).containsEntry("status", "RETRY");
        assertThat(deliver(event).map()).as("third attempt, dead-lettered").containsEntry("status", "SUCCESS");

        List<Map<String, Object>> letters =
                api.get("/admin/dead-letters/probe?limit=100", admin).items();
        assertThat(letters)
                .filteredOn(l -> eventId.equals(l.get("eventId")))
                .singleElement()
                .satisfies(l -> {
                    assertThat(l).containsEntry("attempts", 3).containsEntry("type", "task.created");
                    assertThat((String) l.get("error")).contains("probe refuses");
                });

        probe().cured.add(title);
        var redrive = api.post("/admin/dead-letters/probe/redrive", admin, null);
        assertThat(redrive.status()).isEqualTo(200);
        assertThat(((Number) redrive.map().get("redriven")).longValue()).isGreaterThanOrEqualTo(1);
        assertThat(sidecar.invocations)
                .anySatisfy(i -> assertThat(i)
                        .isEqualTo(new InProcessDaprSidecar.Invocation(
                                "taskflow-probe",
                                "admin/dead-letters/probe/redrive",
                                "POST",
                                "Bearer " + admin.token(),
                                200)));
        assertThat(probe().effectsWithTitle(title)).isEqualTo(1);
        var after = api.get("/admin/dead-letters/probe?limit=100", admin);
        assertThat(after.status()).as(after.body()).isEqualTo(200);
        // An empty list is left out of the body.
        assertThat(after.items() == null ? List.<Map<String, Object>>of() : after.items())
                .noneMatch(l -> eventId.equals(l.get("eventId")));
    }

    @Test
    void whatTheSidecarSendsToTheDeadLetterTopicIsFiledAsADeadLetter() {
        var user = api.newUser();
        String taskId = api.createTask(user, "given up " + UUID.randomUUID()).text("id");
        Map<String, Object> event = asDelivered(publishedOf("task.created", taskId));
        event.put("topic", "taskflow.dlq.probe");

        var filed = probeApp.send(
                "POST", "/dapr/dead-letters/probe", null, write(event), "Content-Type", "application/cloudevents+json");

        assertThat(filed.map()).containsEntry("status", "SUCCESS");
        assertThat(api.get("/admin/dead-letters/probe?limit=100", admin).items())
                .filteredOn(l -> event.get("id").equals(l.get("eventId")))
                .singleElement()
                .satisfies(l -> assertThat((String) l.get("error")).contains("gave up"));
    }

    @Test
    void preferencesRoundTripThroughTheStateStoreAndAConcurrentWriteLosesWithAConflict() {
        var user = api.newUser();
        String key = "preferences-" + user.id();
        assertThat(api.get("/me/preferences", user).map()).containsEntry("digest", false);

        var saved = api.send(
                "PUT",
                "/me/preferences",
                user.token(),
                "{\"events\":[\"task.created\"],\"channels\":[\"in-app\"],\"digest\":true}");
        assertThat(saved.status()).isEqualTo(200);
        assertThat(sidecar.valueOf("taskflow-state", key).get("value")).contains("task.created");
        assertThat(sidecar.valueOf("taskflow-state", "digest-subscribers").get("value"))
                .contains(user.id().toString());
        assertThat(api.get("/me/preferences", user).map().get("events")).isEqualTo(List.of("task.created"));

        String etagBefore = sidecar.valueOf("taskflow-state", key).get("etag");
        assertThat(api.send("PUT", "/me/preferences", user.token(), "{\"events\":[\"task.completed\"]}")
                        .status())
                .isEqualTo(200);
        assertThat(sidecar.valueOf("taskflow-state", key).get("etag")).isNotEqualTo(etagBefore);

        String theirs = "{\"events\":[\"task.deleted\"],\"channels\":[\"email\"],\"digest\":false}";
        sidecar.beforeNextSave.put(key, () -> sidecar.overwrite("taskflow-state", key, theirs));
        var lost = api.send("PUT", "/me/preferences", user.token(), "{\"events\":[\"task.updated\"]}");
        assertThat(lost.status()).isEqualTo(409);
        assertThat(lost.text("type")).endsWith("/problems/conflict");
        assertThat(lost.text("detail")).contains("changed by another request");
        assertThat(api.get("/me/preferences", user).map().get("events")).isEqualTo(List.of("task.deleted"));
    }

    @Test
    void theSigningKeyComesFromTheSecretStore() throws Exception {
        var user = api.newUser();

        assertThat(sidecar.secretsAsked).contains("taskflow-secrets/jwt-signing-secret");
        String[] jwt = user.token().split("\\.");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(STORE_SIGNING_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(mac.doFinal((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.UTF_8)));
        assertThat(jwt[2]).isEqualTo(signature);
        // The consumer's service trusts the same key: the token works there too.
        assertThat(probeApp.get("/me/preferences", user).status()).isEqualTo(200);
    }

    @Test
    void theCronBindingsRunTheScheduledFunctions() {
        var user = api.newUser();
        Instant remind = Instant.now().minus(1, ChronoUnit.MINUTES);
        Instant due = Instant.now().plus(1, ChronoUnit.HOURS);
        String taskId = api.post(
                        "/tasks",
                        user,
                        "{\"title\":\"Call back\",\"dueAt\":\"" + due + "\",\"remindAt\":\"" + remind + "\"}")
                .text("id");

        var reminders = api.send("POST", "/taskflow-cron-reminders", null, null);
        assertThat(reminders.status()).isEqualTo(200);
        assertThat(reminders.map()).containsEntry("job", "taskflow-cron-reminders");
        assertThat(((Number) reminders.map().get("count")).intValue()).isGreaterThanOrEqualTo(1);
        publishedOf("reminder.triggered", taskId);

        int readsBefore = (int) sidecar.stateKeysRead.stream()
                .filter("digest-subscribers"::equals)
                .count();
        assertThat(api.send("POST", "/taskflow-cron-digest", null, null).status())
                .isEqualTo(200);
        assertThat(sidecar.stateKeysRead.stream().filter("digest-subscribers"::equals))
                .hasSizeGreaterThan(readsBefore);
        assertThat(api.send("POST", "/taskflow-cron-cleanup", null, null).status())
                .isEqualTo(200);
        assertThat(api.send("POST", "/taskflow-cron-outbox-sweep", null, null).status())
                .isEqualTo(200);
    }

    private static ProbeConsumer probe() {
        return probeServer.getApplicationContext().getBean(ProbeConsumer.class);
    }

    /** The event as the app published it, once the sidecar has it. */
    private static InProcessDaprSidecar.Published publishedOf(String topic, String subject) {
        return await().atMost(WAIT)
                .until(
                        () -> sidecar.published.stream()
                                .filter(p -> p.topic().equals(topic))
                                .filter(p -> subject.equals(map(p.text()).get("subject")))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    /** What the sidecar delivers for a CloudEvent the app published: the event, plus Dapr's own attributes. */
    private static Map<String, Object> asDelivered(InProcessDaprSidecar.Published published) {
        var event = new LinkedHashMap<>(map(published.text()));
        event.put("pubsubname", published.pubsub());
        event.put("topic", published.topic());
        event.put("traceid", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        return event;
    }

    private static Map<String, Object> entry(String entryId, Map<String, Object> event) {
        return Map.of(
                "entryId",
                entryId,
                "event",
                event,
                "contentType",
                "application/cloudevents+json",
                "metadata",
                Map.of());
    }

    private static Api.Response deliver(Map<String, Object> event) {
        return probeApp.send(
                "POST", "/dapr/events/probe", null, write(event), "Content-Type", "application/cloudevents+json");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(String text) {
        try {
            return json.readValue(text, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Object value) {
        if (value instanceof Api.Response response) {
            try {
                return (List<T>) json.readValue(response.body(), Object.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return (List<T>) value;
    }

    private static String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
