package io.taskflow.adapters.localkafka.faults;

import io.taskflow.adapters.localkafka.testing.Api.User;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps writing while a fault happens: a few threads, one user each, each creating tasks with unique titles (and, when
 * asked, changing each new task twice, so that one aggregate has several events whose order can be checked). Every
 * outcome is recorded: what the server accepted, and what the client saw fail (status, content type, body or error).
 */
public final class LoadDriver implements AutoCloseable {
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    /** A request the client saw fail: no answer at all (status 0, {@code error}), or a status other than 2xx. */
    public record Failure(String title, String method, int status, String contentType, String body, String error) {}

    private final List<User> users;
    private final boolean updates;
    private final int maxCreates;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, String> accepted = new ConcurrentHashMap<>();
    private final List<Failure> failures = new CopyOnWriteArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicLong updatesAccepted = new AtomicLong();
    private final List<Thread> workers = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private volatile URI target;

    /**
     * @param maxCreates stop creating after this many attempts ({@link Integer#MAX_VALUE}: until {@link #stop()})
     */
    public LoadDriver(URI base, List<User> users, boolean updates, int maxCreates) {
        this.target = base;
        this.users = users;
        this.updates = updates;
        this.maxCreates = maxCreates;
    }

    public LoadDriver start() {
        running = true;
        for (int i = 0; i < users.size(); i++) {
            User user = users.get(i);
            Thread t = new Thread(() -> work(user), "load-" + i);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
        return this;
    }

    /** The same load against another address (the application restarted on another port). */
    public void retarget(URI base) {
        this.target = base;
    }

    public void stop() throws InterruptedException {
        running = false;
        for (Thread t : workers) {
            t.join(Duration.ofSeconds(60).toMillis());
        }
    }

    /** Waits until the workers stopped by themselves (every create of a bounded run was attempted). */
    public void awaitDone(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        for (Thread t : workers) {
            t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        running = false;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private void work(User user) {
        while (running) {
            int n = sequence.incrementAndGet();
            if (n > maxCreates) {
                return;
            }
            String title = "load-" + n;
            var created = send(user, "POST", "/tasks", "{\"title\":\"" + title + "\"}", title);
            if (created == null || created.statusCode() != 201) {
                continue;
            }
            Matcher id = ID.matcher(created.body());
            if (!id.find()) {
                failures.add(new Failure(title, "POST", 201, null, created.body(), "no id in the answer"));
                continue;
            }
            String taskId = id.group(1);
            accepted.put(title, taskId);
            if (updates) {
                for (String priority : List.of("HIGH", "LOW")) {
                    var changed = send(user, "PATCH", "/tasks/" + taskId, "{\"priority\":\"" + priority + "\"}", title);
                    if (changed != null && changed.statusCode() == 200) {
                        updatesAccepted.incrementAndGet();
                    }
                }
            }
        }
    }

    private HttpResponse<String> send(User user, String method, String path, String body, String title) {
        var request = HttpRequest.newBuilder(target.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + user.token())
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status < 200 || status >= 300) {
                failures.add(new Failure(
                        title,
                        method,
                        status,
                        response.headers().firstValue("Content-Type").orElse(null),
                        response.body(),
                        null));
            }
            return response;
        } catch (IOException e) {
            failures.add(new Failure(title, method, 0, null, null, e.toString()));
            pauseAfterRefusal();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return null;
        }
    }

    /** The application is down (killed): do not spin on refused connections. */
    private static void pauseAfterRefusal() {
        java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }

    /** Title of each create the server answered 201 to, and the id of the task it made. */
    public Map<String, String> accepted() {
        return Map.copyOf(accepted);
    }

    public List<Failure> failures() {
        return List.copyOf(failures);
    }

    public long updatesAccepted() {
        return updatesAccepted.get();
    }

    public int attempted() {
        return Math.min(sequence.get(), maxCreates);
    }
}
