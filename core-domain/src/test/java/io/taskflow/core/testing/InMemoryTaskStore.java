package io.taskflow.core.testing;

import io.taskflow.core.port.TaskStore;
import io.taskflow.core.task.Task;
import io.taskflow.core.task.TaskCursor;
import io.taskflow.core.task.TaskPage;
import io.taskflow.core.task.TaskQuery;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A {@link TaskStore} over a map, with the same owner scoping, version checks and keyset paging as a real one. */
public final class InMemoryTaskStore implements TaskStore, Rollbackable {
    /** Newest first: createdAt descending, then id descending (ids compared as their canonical text). */
    private static final Comparator<Task> NEWEST_FIRST =
            (a, b) -> compareKey(b.createdAt(), b.id(), a.createdAt(), a.id());

    private final Map<UUID, Task> tasks = new LinkedHashMap<>();

    @Override
    public Optional<Task> find(UUID ownerId, UUID taskId) {
        return Optional.ofNullable(tasks.get(taskId)).filter(t -> t.ownerId().equals(ownerId));
    }

    @Override
    public Optional<Task> findForUpdate(UUID ownerId, UUID taskId) {
        return find(ownerId, taskId);
    }

    @Override
    public void insert(Task task) {
        if (tasks.containsKey(task.id())) {
            throw new IllegalStateException("duplicate task id " + task.id());
        }
        tasks.put(task.id(), task);
    }

    @Override
    public boolean update(Task task) {
        var stored = find(task.ownerId(), task.id());
        if (stored.isEmpty() || stored.get().version() != task.version() - 1) {
            return false;
        }
        tasks.put(task.id(), task);
        return true;
    }

    @Override
    public boolean delete(UUID ownerId, UUID taskId, long version) {
        var stored = find(ownerId, taskId);
        if (stored.isEmpty() || stored.get().version() != version) {
            return false;
        }
        tasks.remove(taskId);
        return true;
    }

    @Override
    public TaskPage list(TaskQuery q) {
        List<Task> matching = tasks.values().stream()
                .filter(t -> t.ownerId().equals(q.ownerId()))
                .filter(t -> q.status() == null || t.status() == q.status())
                .filter(t -> q.priority() == null || t.details().priority() == q.priority())
                .filter(t -> q.tag() == null || t.details().tags().contains(q.tag()))
                .filter(t -> q.dueBefore() == null
                        || (t.details().dueAt() != null && t.details().dueAt().isBefore(q.dueBefore())))
                .filter(t -> q.text() == null
                        || contains(t.details().title(), q.text())
                        || contains(t.details().description(), q.text()))
                .filter(t -> q.after() == null
                        || compareKey(
                                        t.createdAt(),
                                        t.id(),
                                        q.after().createdAt(),
                                        q.after().id())
                                < 0)
                .sorted(NEWEST_FIRST)
                .limit(q.limit() + 1L)
                .toList();
        if (matching.size() <= q.limit()) {
            return new TaskPage(matching, null);
        }
        List<Task> page = matching.subList(0, q.limit());
        return new TaskPage(List.copyOf(page), TaskCursor.of(page.get(page.size() - 1)));
    }

    /** Every stored task, of every owner. */
    public List<Task> all() {
        return List.copyOf(tasks.values());
    }

    public int size() {
        return tasks.size();
    }

    @Override
    public Runnable checkpoint() {
        var copy = new LinkedHashMap<>(tasks);
        return () -> {
            tasks.clear();
            tasks.putAll(copy);
        };
    }

    private static boolean contains(String haystack, String needle) {
        return haystack != null && haystack.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
    }

    private static int compareKey(Instant at1, UUID id1, Instant at2, UUID id2) {
        int c = at1.compareTo(at2);
        return c != 0 ? c : id1.toString().compareTo(id2.toString());
    }
}
