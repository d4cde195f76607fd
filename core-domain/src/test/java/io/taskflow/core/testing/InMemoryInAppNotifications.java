package io.taskflow.core.testing;

import io.taskflow.core.notification.Notification;
import io.taskflow.core.notification.NotificationCursor;
import io.taskflow.core.notification.NotificationPage;
import io.taskflow.core.notification.NotificationQuery;
import io.taskflow.core.port.InAppNotifications;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The in-app list over a map, with the same user scoping and keyset paging as the database. */
public final class InMemoryInAppNotifications implements InAppNotifications, Rollbackable {
    private static final Comparator<Notification> NEWEST_FIRST =
            (a, b) -> compareKey(b.createdAt(), b.id(), a.createdAt(), a.id());

    private final Map<UUID, Notification> byId = new LinkedHashMap<>();

    @Override
    public void insert(Notification notification) {
        if (byId.putIfAbsent(notification.id(), notification) != null) {
            throw new IllegalStateException("duplicate notification id " + notification.id());
        }
    }

    @Override
    public NotificationPage list(NotificationQuery q) {
        List<Notification> matching = byId.values().stream()
                .filter(n -> n.userId().equals(q.userId()))
                .filter(n -> !q.unreadOnly() || !n.isRead())
                .filter(n -> q.after() == null
                        || compareKey(
                                        n.createdAt(),
                                        n.id(),
                                        q.after().createdAt(),
                                        q.after().id())
                                < 0)
                .sorted(NEWEST_FIRST)
                .limit(q.limit() + 1L)
                .toList();
        if (matching.size() <= q.limit()) {
            return new NotificationPage(matching, null);
        }
        var page = matching.subList(0, q.limit());
        return new NotificationPage(page, NotificationCursor.of(page.get(page.size() - 1)));
    }

    @Override
    public boolean markRead(UUID userId, UUID notificationId, Instant at) {
        var stored = byId.get(notificationId);
        if (stored == null || !stored.userId().equals(userId)) {
            return false;
        }
        if (!stored.isRead()) {
            byId.put(
                    notificationId,
                    new Notification(
                            stored.id(),
                            stored.userId(),
                            stored.causeType(),
                            stored.causeEventId(),
                            stored.taskId(),
                            stored.title(),
                            stored.message(),
                            stored.createdAt(),
                            at));
        }
        return true;
    }

    public List<Notification> all() {
        return List.copyOf(byId.values());
    }

    @Override
    public Runnable checkpoint() {
        var copy = new LinkedHashMap<>(byId);
        return () -> {
            byId.clear();
            byId.putAll(copy);
        };
    }

    private static int compareKey(Instant at1, UUID id1, Instant at2, UUID id2) {
        int c = at1.compareTo(at2);
        return c != 0 ? c : id1.toString().compareTo(id2.toString());
    }
}
