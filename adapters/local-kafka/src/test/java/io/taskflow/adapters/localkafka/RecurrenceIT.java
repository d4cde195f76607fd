package io.taskflow.adapters.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.kafka.CloudEventDeserializer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.taskflow.adapters.localkafka.testing.Api;
import io.taskflow.adapters.localkafka.testing.Api.User;
import io.taskflow.adapters.localkafka.testing.ConsumerFeed;
import io.taskflow.adapters.localkafka.testing.TestStack;
import io.taskflow.adapters.localkafka.testing.TopicReader;
import io.taskflow.adapters.localkafka.testing.TopicReader.Received;
import io.taskflow.core.event.EventEnvelope;
import io.taskflow.functions.consumer.BatchOutcome;
import io.taskflow.functions.event.CloudEventMapping;
import io.taskflow.functions.recurrence.RecurrenceConsumer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A recurring task completed over HTTP, its {@code task.completed} read from the real topic and handed to the
 * recurrence consumer the way a runtime hands it over: the next occurrence shows in the owner's task list, once.
 */
class RecurrenceIT {
    static EmbeddedServer server;
    static Api api;
    static TopicReader reader;
    static ConsumerFeed feed;

    @BeforeAll
    static void start() {
        var properties = new HashMap<>(TestStack.get().properties());
        properties.put("taskflow.reminders.enabled", false);
        server = ApplicationContext.run(EmbeddedServer.class, properties);
        api = new Api(server.getURI(), server.getApplicationContext().getBean(JsonMapper.class));
        feed = new ConsumerFeed(server.getApplicationContext());
        reader = new TopicReader(TestStack.get().broker().bootstrapServers(), "task.completed");
    }

    @AfterAll
    static void stop() {
        reader.close();
        server.close();
    }

    @Test
    void completingARecurringTaskOverHttpCreatesItsNextOccurrenceOnceEvenWhenTheEventComesTwice() {
        User ada = api.newUser();
        var created = api.post(
                "/tasks",
                ada,
                "{\"title\":\"Team retro\",\"tags\":[\"team\"],\"dueAt\":\"2030-01-31T15:00:00Z\","
                        + "\"remindAt\":\"2030-01-31T14:30:00Z\",\"recurrence\":\"FREQ=WEEKLY;BYDAY=MO,TH;COUNT=3\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.text("id");
        assertThat(api.post("/tasks/" + id + "/complete", ada, null).status()).isEqualTo(200);
        EventEnvelope completion = envelopeOf(awaitRecord(id));

        BatchOutcome first = feed.deliver(recurrence(), List.of(completion));
        BatchOutcome again = feed.deliver(recurrence(), List.of(completion));

        assertThat(first.succeeded()).hasSize(1);
        assertThat(again.succeeded()).hasSize(1);
        assertThat(feed.deadLetters).isEmpty();
        var open = api.get("/tasks?status=OPEN", ada).items();
        assertThat(open).singleElement().satisfies(next -> {
            assertThat(next.get("id")).isNotEqualTo(id);
            assertThat(next)
                    .containsEntry("title", "Team retro")
                    .containsEntry("tags", List.of("team"))
                    .containsEntry("dueAt", "2030-02-04T15:00:00Z")
                    .containsEntry("remindAt", "2030-02-04T14:30:00Z")
                    .containsEntry("recurrence", "FREQ=WEEKLY;BYDAY=MO,TH;COUNT=2")
                    .containsEntry("version", 1);
        });
    }

    private static RecurrenceConsumer recurrence() {
        return server.getApplicationContext().getBean(RecurrenceConsumer.class);
    }

    private static Received awaitRecord(String taskId) {
        var found = new AtomicReference<Optional<Received>>(Optional.empty());
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            found.set(reader.poll().stream().filter(r -> taskId.equals(r.key())).findFirst());
            return found.get().isPresent();
        });
        return found.get().orElseThrow();
    }

    private static EventEnvelope envelopeOf(Received record) {
        try (var deserializer = new CloudEventDeserializer()) {
            return CloudEventMapping.fromCloudEvent(
                    deserializer.deserialize(record.topic(), record.rawHeaders(), record.value()));
        }
    }
}
