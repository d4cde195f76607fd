package io.taskflow.adapters.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.taskflow.adapters.localkafka.testing.Api;
import io.taskflow.adapters.localkafka.testing.TestStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /ws/tasks pushes the caller's task events, and only the caller's, soon after the commit. */
class LiveFeedIT {
    static EmbeddedServer server;
    static Api api;

    @BeforeAll
    static void start() {
        server = ApplicationContext.run(EmbeddedServer.class, TestStack.get().properties());
        api = new Api(server.getURI(), server.getApplicationContext().getBean(JsonMapper.class));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Text frames as they arrive. */
    static final class Frames implements WebSocket.Listener {
        final List<String> received = new CopyOnWriteArrayList<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(partial.toString());
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }

        boolean mentions(String text) {
            return received.stream().anyMatch(f -> f.contains(text));
        }
    }

    static WebSocket connect(Api.User user, Frames frames, boolean viaQuery) {
        URI base = server.getURI();
        String url = "ws://" + base.getHost() + ":" + base.getPort() + "/ws/tasks"
                + (viaQuery ? "?access_token=" + user.token() : "");
        var builder = HttpClient.newHttpClient().newWebSocketBuilder();
        if (!viaQuery) {
            builder.header("Authorization", "Bearer " + user.token());
        }
        return builder.buildAsync(URI.create(url), frames)
                .orTimeout(10, TimeUnit.SECONDS)
                .join();
    }

    /** The feed starts at the newest events once its consumer has joined: create until one comes through. */
    static void awaitFeedLive(Api.User user, Frames frames) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    String id =
                            api.createTask(user, "warm-up " + UUID.randomUUID()).text("id");
                    return frames.mentions(id)
                            || await().atMost(Duration.ofSeconds(3)).until(() -> frames.mentions(id), ok -> true);
                });
    }

    @Test
    void eachUserSeesTheirOwnTaskEventsWithinASecondAndNobodyElses() {
        var ann = api.newUser();
        var bob = api.newUser();
        var annFrames = new Frames();
        var bobFrames = new Frames();
        WebSocket annSocket = connect(ann, annFrames, false);
        WebSocket bobSocket = connect(bob, bobFrames, true);
        awaitFeedLive(ann, annFrames);
        awaitFeedLive(bob, bobFrames);

        String bobsTask =
                api.createTask(bob, "bob's secret " + UUID.randomUUID()).text("id");
        long committed = System.nanoTime();
        String annsTask = api.createTask(ann, "ann's plan " + UUID.randomUUID()).text("id");
        await().atMost(Duration.ofSeconds(5)).until(() -> annFrames.mentions(annsTask));
        long latencyMillis = (System.nanoTime() - committed) / 1_000_000;
        assertThat(api.post("/tasks/" + annsTask + "/complete", ann, null).status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> annFrames.received.stream()
                        .anyMatch(f -> f.contains(annsTask) && f.contains("\"type\":\"task.completed\"")));

        assertThat(latencyMillis).as("ms from commit to the frame").isLessThan(1_000);
        await().atMost(Duration.ofSeconds(5)).until(() -> bobFrames.mentions(bobsTask));
        assertThat(annFrames.received)
                .noneMatch(f -> f.contains(bobsTask) || f.contains(bob.id().toString()));
        assertThat(bobFrames.received)
                .noneMatch(f -> f.contains(annsTask) || f.contains(ann.id().toString()));
        assertThat(annFrames.received.get(annFrames.received.size() - 1))
                .contains("\"specversion\":\"1.0\"")
                .contains("\"subject\":\"" + annsTask + "\"");
        annSocket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        bobSocket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }

    @Test
    void aConnectionWithoutAValidTokenIsRefused() {
        URI base = server.getURI();
        var noToken = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .buildAsync(URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/ws/tasks"), new Frames());
        var badToken = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .buildAsync(
                        URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/ws/tasks?access_token=forged"),
                        new Frames());

        for (CompletableFuture<WebSocket> attempt : List.of(noToken, badToken)) {
            assertThat(attempt)
                    .failsWithin(Duration.ofSeconds(10))
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .havingCause()
                    .isInstanceOfSatisfying(
                            java.net.http.WebSocketHandshakeException.class,
                            e -> assertThat(e.getResponse().statusCode()).isEqualTo(401));
        }
    }
}
