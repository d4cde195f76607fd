package io.taskflow.adapters.localkafka;

import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.taskflow.adapters.localkafka.testing.Api;
import io.taskflow.adapters.localkafka.testing.TestStack;
import io.taskflow.adapters.localkafka.testing.TopicReader;
import java.time.Duration;
import java.util.HashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The relay publishes right after a commit, without waiting for its poll. */
class RelayWakeIT {
    static EmbeddedServer server;
    static Api api;

    @BeforeAll
    static void start() {
        var properties = new HashMap<>(TestStack.get().properties());
        // A poll this slow never fires during the test: only the after-commit wake can publish.
        properties.put("taskflow.outbox.poll-interval", "1h");
        server = ApplicationContext.run(EmbeddedServer.class, properties);
        api = new Api(server.getURI(), server.getApplicationContext().getBean(JsonMapper.class));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aCommittedWriteIsPublishedWithoutWaitingForThePoll() {
        var ada = api.newUser();
        try (var reader = new TopicReader(TestStack.get().broker().bootstrapServers(), "task.created")) {
            for (int i = 0; i < 3; i++) {
                String id = api.createTask(ada, "wake " + i).text("id");
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> reader.poll().stream().anyMatch(r -> id.equals(r.key())));
            }
        }
    }
}
