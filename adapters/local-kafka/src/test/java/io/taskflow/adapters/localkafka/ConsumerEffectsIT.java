package io.taskflow.adapters.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.taskflow.adapters.localkafka.testing.Api;
import io.taskflow.adapters.localkafka.testing.TestStack;
import io.taskflow.functions.consumer.EventConsumer;
import io.taskflow.kafka.records.ConsumerTopics;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each real consumer, wired to the broker as in production, shows its effect after the HTTP call that causes it:
 * e-mail and webhook notifications, the in-app list, the audit trail, the analytics summary, the reminder sweep and the
 * next occurrence of a recurring task.
 */
class ConsumerEffectsIT {
    static final Duration WAIT = Duration.ofSeconds(30);

    static GreenMail smtp;
    static HttpServer webhooks;
    static final List<String> webhookBodies = new CopyOnWriteArrayList<>();
    static EmbeddedServer server;
    static Api api;

    @BeforeAll
    static void start() throws IOException {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        webhooks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhooks.createContext("/hook", exchange -> {
            webhookBodies.add(
                    new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhooks.start();
        var properties = new HashMap<>(TestStack.get().properties());
        properties.put("taskflow.smtp.host", "127.0.0.1");
        properties.put("taskflow.smtp.port", smtp.getSmtp().getPort());
        properties.put("taskflow.smtp.starttls", false);
        properties.put("taskflow.reminders.interval", "500ms");
        // The webhook receiver listens on loopback, which webhooks may not reach unless allowed.
        properties.put("taskflow.webhook.allow-private", true);
        server = ApplicationContext.run(EmbeddedServer.class, properties);
        api = new Api(server.getURI(), server.getApplicationContext().getBean(JsonMapper.class));
    }

    @AfterAll
    static void stop() {
        server.close();
        smtp.stop();
        webhooks.stop(0);
    }

    @Test
    void everyConsumerIsWiredToTheTopicsOfTheEventsItListensToAndToItsRedriveTopic() {
        var context = server.getApplicationContext();
        Map<String, Set<String>> subscribed =
                context.getBeanDefinitions(Qualifiers.byStereotype(KafkaListener.class)).stream()
                        .filter(d -> d.stringValue(KafkaListener.class, "groupId")
                                .orElse("")
                                .startsWith("taskflow-"))
                        .collect(Collectors.toMap(
                                d -> d.stringValue(KafkaListener.class, "groupId")
                                        .orElseThrow(),
                                d -> Arrays.stream(d.getBeanType().getDeclaredMethods())
                                        .filter(m -> m.isAnnotationPresent(Topic.class))
                                        .flatMap(m -> Arrays.stream(
                                                m.getAnnotation(Topic.class).value()))
                                        .collect(Collectors.toSet())));
        for (EventConsumer consumer : context.getBeansOfType(EventConsumer.class)) {
            if (consumer.stateless()) {
                continue;
            }
            assertThat(subscribed.get(ConsumerTopics.groupId(consumer.name())))
                    .as(consumer.name())
                    .containsExactlyInAnyOrderElementsOf(ConsumerTopics.inputs(consumer));
        }
        assertThat(subscribed.keySet())
                .contains("taskflow-notifications", "taskflow-audit", "taskflow-analytics", "taskflow-recurrence");
    }

    @Test
    void aCreatedTaskIsNotifiedByEmailWebhookAndInAppAuditedAndCounted() {
        var user = api.newUser();
        var prefs = api.send(
                "PUT",
                "/me/preferences",
                user.token(),
                "{\"events\":[\"task.created\"],\"channels\":[\"email\",\"webhook\",\"in-app\"],"
                        + "\"webhook\":{\"url\":\"http://127.0.0.1:"
                        + webhooks.getAddress().getPort() + "/hook\"}}");
        assertThat(prefs.status()).isEqualTo(200);
        String title = "Effects " + java.util.UUID.randomUUID();

        String taskId = api.createTask(user, title).text("id");

        await().atMost(WAIT)
                .until(() -> mailsTo(user.email()).stream()
                        .anyMatch(m -> GreenMailUtil.getBody(m).contains(title)));
        await().atMost(WAIT).until(() -> webhookBodies.stream().anyMatch(b -> b.contains(taskId)));
        await().atMost(WAIT)
                .until(() ->
                        api.get("/notifications", user).items().stream().anyMatch(n -> taskId.equals(n.get("taskId"))));
        await().atMost(WAIT)
                .until(() -> api.get("/audit?subject=" + taskId, user).items().stream()
                        .anyMatch(e -> "task.created".equals(e.get("type"))));
        await().atMost(WAIT).until(() -> createdToday(user) >= 1);
        assertThat(mailsTo(user.email()).stream()
                        .filter(m -> GreenMailUtil.getBody(m).contains(title)))
                .as("one e-mail per event")
                .hasSize(1);
    }

    @Test
    void aDueReminderFiresOnceAndIsNotifiedAndAuditedWithoutAnyoneAsking() {
        var user = api.newUser();
        assertThat(api.send(
                                "PUT",
                                "/me/preferences",
                                user.token(),
                                "{\"events\":[\"reminder.triggered\"],\"channels\":[\"in-app\"]}")
                        .status())
                .isEqualTo(200);
        Instant due = Instant.now().plus(1, ChronoUnit.HOURS);
        Instant remind = Instant.now().minus(1, ChronoUnit.MINUTES);
        var created = api.post(
                "/tasks", user, "{\"title\":\"Call back\",\"dueAt\":\"" + due + "\",\"remindAt\":\"" + remind + "\"}");
        assertThat(created.status()).isEqualTo(201);
        String taskId = created.text("id");

        await().atMost(WAIT)
                .until(() -> api.get("/notifications", user).items().stream()
                        .anyMatch(n -> taskId.equals(n.get("taskId")) && "reminder.triggered".equals(n.get("type"))));
        await().atMost(WAIT)
                .until(() -> api.get("/audit?subject=" + taskId, user).items().stream()
                        .anyMatch(e -> "reminder.triggered".equals(e.get("type"))));
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> api.get("/audit?subject=" + taskId, user).items().stream()
                                .filter(e -> "reminder.triggered".equals(e.get("type")))
                                .count()
                        == 1);
    }

    @Test
    void completingARecurringTaskCreatesItsNextOccurrenceOnceAndCountsTheCompletion() {
        var user = api.newUser();
        Instant due = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        var created = api.post(
                "/tasks",
                user,
                "{\"title\":\"Water the plants\",\"dueAt\":\"" + due + "\",\"recurrence\":\"FREQ=DAILY;COUNT=3\"}");
        assertThat(created.status()).isEqualTo(201);

        assertThat(api.post("/tasks/" + created.text("id") + "/complete", user, null)
                        .status())
                .isEqualTo(200);

        Instant next = due.plus(1, ChronoUnit.DAYS);
        await().atMost(WAIT)
                .until(() -> api.get("/tasks?status=OPEN", user).items().stream()
                        .anyMatch(t -> "Water the plants".equals(t.get("title"))
                                && next.equals(Instant.parse((String) t.get("dueAt")))
                                && "FREQ=DAILY;COUNT=2".equals(t.get("recurrence"))));
        await().atMost(WAIT).until(() -> completedToday(user) >= 1);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> api.get("/tasks?status=OPEN", user).items().size() == 1);
    }

    private static List<MimeMessage> mailsTo(String email) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients())
                                .anyMatch(a -> a.toString().contains(email));
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }

    private static long createdToday(Api.User user) {
        return summaryNumber(user, "created");
    }

    private static long completedToday(Api.User user) {
        return summaryNumber(user, "completed");
    }

    @SuppressWarnings("unchecked")
    private static long summaryNumber(Api.User user, String field) {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        var summary = api.get("/analytics/summary?from=" + today + "&to=" + today, user);
        assertThat(summary.status()).isEqualTo(200);
        var totals = (Map<String, Object>) summary.map().get("totals");
        return ((Number) totals.get(field)).longValue();
    }
}
