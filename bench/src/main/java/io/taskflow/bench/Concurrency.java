package io.taskflow.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * Many users at once: each keeps the live-feed WebSocket open and goes round create → read → list → complete with a
 * think time of about a second, so the load is what that many people would make, not a flood.
 */
final class Concurrency {
    private Concurrency() {}

    record Result(
            int users, int socketsOpen, long requests, long failed, long feedMessages, ConcurrentHistogram latency) {}

    static Result run(Api api, List<Api.User> users, Duration duration) throws Exception {
        var latency = new ConcurrentHistogram(Duration.ofMinutes(2).toNanos() / 1000, 3);
        var requests = new AtomicLong();
        var failed = new AtomicLong();
        var messages = new AtomicLong();
        var sockets = new ArrayList<WebSocket>();
        String wsBase = api.baseUrl().replaceFirst("^http", "ws") + "/ws/tasks?access_token=";
        var listener = new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                if (last) {
                    messages.incrementAndGet();
                }
                socket.request(1);
                return null;
            }
        };
        var opening = new ArrayList<CompletableFuture<WebSocket>>();
        for (Api.User user : users) {
            opening.add(api.client().newWebSocketBuilder().buildAsync(URI.create(wsBase + user.token()), listener));
        }
        for (var open : opening) {
            try {
                sockets.add(open.get(30, TimeUnit.SECONDS));
            } catch (Exception e) {
                failed.incrementAndGet();
            }
        }
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
        long end = System.nanoTime() + duration.toNanos();
        var loops = new ArrayList<CompletableFuture<Void>>();
        for (Api.User user : users) {
            var done = new CompletableFuture<Void>();
            loops.add(done);
            timer.schedule(
                    () -> round(api, user, timer, end, latency, requests, failed, done),
                    ThreadLocalRandom.current().nextLong(1000),
                    TimeUnit.MILLISECONDS);
        }
        CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new))
                .get(duration.toSeconds() + 120, TimeUnit.SECONDS);
        timer.shutdownNow();
        sockets.forEach(s -> s.abort());
        return new Result(users.size(), sockets.size(), requests.get(), failed.get(), messages.get(), latency);
    }

    /** One round for one user: create, read it, list, complete; then think and go again until the end. */
    private static void round(
            Api api,
            Api.User user,
            ScheduledExecutorService timer,
            long end,
            ConcurrentHistogram latency,
            AtomicLong requests,
            AtomicLong failed,
            CompletableFuture<Void> done) {
        if (System.nanoTime() >= end) {
            done.complete(null);
            return;
        }
        timed(api, api.createTask(user.token(), "users-" + System.nanoTime()), 201, latency, requests, failed)
                .thenCompose(created -> {
                    if (created == null) {
                        return CompletableFuture.completedFuture(null);
                    }
                    String id = Api.field(created, 201, "id");
                    return timed(api, api.getTask(user.token(), id), 200, latency, requests, failed)
                            .thenCompose(r -> timed(api, api.listTasks(user.token()), 200, latency, requests, failed))
                            .thenCompose(r ->
                                    timed(api, api.completeTask(user.token(), id), 200, latency, requests, failed));
                })
                .whenComplete((r, e) -> timer.schedule(
                        () -> round(api, user, timer, end, latency, requests, failed, done),
                        500 + ThreadLocalRandom.current().nextLong(1000),
                        TimeUnit.MILLISECONDS));
    }

    private static CompletableFuture<HttpResponse<String>> timed(
            Api api,
            HttpRequest request,
            int expected,
            ConcurrentHistogram latency,
            AtomicLong requests,
            AtomicLong failed) {
        long started = System.nanoTime();
        return api.send(request).handle((response, error) -> {
            latency.recordValue((System.nanoTime() - started) / 1000);
            requests.incrementAndGet();
            if (error != null || response.statusCode() != expected) {
                failed.incrementAndGet();
                return null;
            }
            return response;
        });
    }
}
