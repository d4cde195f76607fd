package io.taskflow.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * Event delivery, read from what the system kept: the outbox rows of a step, the records on the task.created topic,
 * and each consumer's inbox and effects. Latency runs from the outbox row's time (written in the create's transaction,
 * just before its commit) to the audit row's time (written by the audit consumer as it handles the event); for the
 * other consumers, to the start of the transaction that recorded the event in their inbox.
 */
final class Delivery {
    private static final String TOPIC = "task.created";

    private final Database db;
    private final String bootstrap;

    Delivery(Database db, String bootstrap) {
        this.db = db;
        this.bootstrap = bootstrap;
    }

    /** Where a step starts: the last outbox row and the topic's end offsets. */
    record Mark(long outboxId, long topicRecords) {}

    record Counts(
            long tasks, long outbox, long topicRecords, Map<String, Long> inbox, Duration drain, boolean drained) {
        boolean oneForOne() {
            return drained
                    && tasks == outbox
                    && topicRecords == outbox
                    && inbox.values().stream().allMatch(n -> n == outbox);
        }

        /** Events missing or extra anywhere along the way: rows against outbox, topic and every inbox. */
        long lostOrDuplicated() {
            return Math.abs(tasks - outbox)
                    + Math.abs(topicRecords - outbox)
                    + inbox.values().stream()
                            .mapToLong(n -> Math.abs(n - outbox))
                            .sum();
        }

        String describe() {
            return "tasks " + tasks + ", outbox " + outbox + ", topic records " + topicRecords + ", inbox "
                    + inbox.entrySet().stream()
                            .sorted(Map.Entry.comparingByKey())
                            .map(e -> e.getKey() + " " + e.getValue())
                            .collect(Collectors.joining(", "))
                    + (drained ? ", drained in " + drain.toMillis() + " ms" : ", NOT drained");
        }
    }

    Mark mark() throws Exception {
        return new Mark(db.count("SELECT COALESCE(MAX(id), 0) FROM outbox"), topicRecords());
    }

    /** The consumers that handle task.created, as seen in their inboxes. */
    List<String> consumersOfCreates() {
        return db
                .query(
                        "SELECT DISTINCT i.consumer FROM inbox i JOIN outbox o ON i.event_id = CAST(o.event_id AS VARCHAR)"
                                + " WHERE o.event_type = 'task.created' ORDER BY 1")
                .stream()
                .map(row -> row.get(0).toString())
                .toList();
    }

    /** Waits until every event since {@code from} is published and in every consumer's inbox, then counts. */
    Counts awaitAndCount(Mark from, String titlePrefix, List<String> consumers, Duration timeout) throws Exception {
        long last = db.count("SELECT COALESCE(MAX(id), 0) FROM outbox");
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        Map<String, Long> inbox;
        long outbox;
        boolean drained;
        do {
            outbox = db.count("SELECT COUNT(*) FROM outbox WHERE id > ? AND id <= ?", from.outboxId(), last);
            long unpublished = db.count(
                    "SELECT COUNT(*) FROM outbox WHERE id > ? AND id <= ? AND published_at IS NULL",
                    from.outboxId(),
                    last);
            inbox = inboxCounts(from.outboxId(), last, consumers);
            long expected = outbox;
            drained = unpublished == 0 && inbox.values().stream().allMatch(n -> n >= expected);
            if (!drained) {
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            }
        } while (!drained && System.nanoTime() < deadline);
        Duration drain = Duration.ofNanos(System.nanoTime() - started);
        long tasks = db.count("SELECT COUNT(*) FROM tasks WHERE title LIKE ?", titlePrefix + "%");
        return new Counts(tasks, outbox, topicRecords() - from.topicRecords(), inbox, drain, drained);
    }

    private Map<String, Long> inboxCounts(long afterId, long lastId, List<String> consumers) {
        var counts = new HashMap<String, Long>();
        consumers.forEach(c -> counts.put(c, 0L));
        for (List<Object> row : db.query(
                "SELECT i.consumer, COUNT(*) FROM outbox o JOIN inbox i ON i.event_id = CAST(o.event_id AS VARCHAR)"
                        + " WHERE o.id > ? AND o.id <= ? GROUP BY i.consumer",
                afterId,
                lastId)) {
            counts.put(row.get(0).toString(), ((Number) row.get(1)).longValue());
        }
        return counts;
    }

    /** p50, p95 and p99 in ms from the outbox row to the audit row, for the events after {@code from}. */
    double[] auditLatency(Mark from) {
        return percentiles(
                "a.recorded_at - o.created_at",
                "outbox o JOIN audit_log a ON a.event_id = o.event_id WHERE o.id > ?",
                from.outboxId());
    }

    /** p50, p95 and p99 in ms from the outbox row to the start of the consumer's inbox transaction. */
    double[] inboxLatency(Mark from, String consumer) {
        return percentiles(
                "i.processed_at - o.created_at",
                "outbox o JOIN inbox i ON i.event_id = CAST(o.event_id AS VARCHAR) WHERE o.id > ? AND i.consumer = ?",
                from.outboxId(),
                consumer);
    }

    private double[] percentiles(String interval, String from, Object... args) {
        String ms = "EXTRACT(EPOCH FROM (" + interval + ")) * 1000";
        List<Object> row = db.query(
                        "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY " + ms + "),"
                                + " percentile_cont(0.95) WITHIN GROUP (ORDER BY " + ms + "),"
                                + " percentile_cont(0.99) WITHIN GROUP (ORDER BY " + ms + ") FROM " + from,
                        args)
                .get(0);
        return row.stream()
                .mapToDouble(v -> v == null ? Double.NaN : ((Number) v).doubleValue())
                .toArray();
    }

    private long topicRecords() throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrap))) {
            var partitions = admin.describeTopics(List.of(TOPIC))
                    .allTopicNames()
                    .get()
                    .get(TOPIC)
                    .partitions();
            Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(TOPIC, p.partition()), p -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().values().stream()
                    .mapToLong(info -> info.offset())
                    .sum();
        }
    }
}
