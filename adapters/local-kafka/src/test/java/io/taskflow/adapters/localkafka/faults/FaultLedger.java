package io.taskflow.adapters.localkafka.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.taskflow.adapters.localkafka.testing.Api.User;
import io.taskflow.adapters.localkafka.testing.TopicReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * After a fault, compares what the load was told with what the database holds, what the topics carry and what the
 * consumers did, one for one: every task the server accepted is a row (plus any it committed while the client saw the
 * request fail), every task event of those rows is on its topic (counted by event id) and handled once by audit and
 * analytics, and the changes of one task arrive in the order they were made.
 */
public final class FaultLedger {
    private static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");

    /** Opens a direct connection to the application's database (never through a proxy under test). */
    @FunctionalInterface
    public interface Database {
        Connection open() throws SQLException;
    }

    /** What was found; {@code duplicatesOnTopics} are event ids published more than once (at-least-once relay). */
    public record Result(int tasks, int events, int committedButFailed, Set<String> duplicatesOnTopics) {
        public String line() {
            return "tasks=" + tasks + " events=" + events + " committedButFailed=" + committedButFailed
                    + " duplicatesOnTopics=" + duplicatesOnTopics.size();
        }
    }

    private record Event(String id, String type, String subject) {}

    private final Database database;
    private final List<User> owners;
    private final TopicReader topics;

    public FaultLedger(Database database, List<User> owners, TopicReader topics) {
        this.database = database;
        this.owners = owners;
        this.topics = topics;
    }

    /** Waits until everything settled (published, consumed), then checks it all; fails with what does not match. */
    public Result check(LoadDriver load, Duration settle) throws SQLException {
        Map<String, String> rows = tasks();
        Map<String, String> accepted = load.accepted();
        assertThat(rows).as("every accepted create is a task row").containsAllEntriesOf(accepted);
        Set<String> failedTitles = load.failures().stream()
                .filter(f -> f.method().equals("POST"))
                .map(LoadDriver.Failure::title)
                .collect(Collectors.toSet());
        var extra = new HashSet<>(rows.keySet());
        extra.removeAll(accepted.keySet());
        assertThat(failedTitles)
                .as("a row the client was not told about comes from a create it saw fail")
                .containsAll(extra);

        await("every task event published, on its topic, audited and counted")
                .atMost(settle)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> settled(rows));
        List<Event> events = events();
        Set<String> ids = events.stream().map(Event::id).collect(Collectors.toSet());
        Map<String, Long> onTopics = topics.countsById(ids);
        assertThat(onTopics.keySet()).as("every event is on its topic").isEqualTo(ids);
        Set<String> duplicates = onTopics.entrySet().stream()
                .filter(e -> e.getValue() > 1)
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        assertThat(auditCounts()).as("audit: each event once").isEqualTo(ones(ids));
        for (String consumer : List.of("audit", "analytics")) {
            assertThat(inbox(consumer)).as(consumer + " inbox: each event once").isEqualTo(ids);
        }
        assertThat(createdCounted())
                .as("analytics counted each created task once (a counter, not idempotent by itself)")
                .isEqualTo(rows.size());
        assertOrderOnTopic(ids);
        assertOrderInAudit();
        return new Result(rows.size(), ids.size(), extra.size(), duplicates);
    }

    /**
     * Cheap counts first (each a query), the topics last: with 100,000 tasks the full comparison takes a while, and
     * this runs once a second until everything has settled.
     */
    private void settled(Map<String, String> rows) throws SQLException {
        analyze();
        long events = count("SELECT COUNT(*) FROM outbox o JOIN tasks t ON o.subject = CAST(t.id AS VARCHAR(64))"
                + " WHERE t.owner_id = ? AND o.event_type LIKE 'task.%'");
        assertThat(count("SELECT COUNT(*) FROM outbox o JOIN tasks t ON o.subject = CAST(t.id AS VARCHAR(64))"
                        + " WHERE t.owner_id = ? AND o.event_type = 'task.created'"))
                .as("one task.created per row")
                .isEqualTo(rows.size());
        assertThat(unpublished()).as("outbox rows not yet published").isZero();
        assertThat(count("SELECT COUNT(DISTINCT a.event_id) FROM audit_log a JOIN tasks t ON a.subject = t.id"
                        + " WHERE t.owner_id = ?"))
                .as("events audited")
                .isEqualTo(events);
        assertThat(createdCounted()).as("created tasks counted").isEqualTo(rows.size());
        Set<String> ids = events().stream().map(Event::id).collect(Collectors.toSet());
        assertThat(inbox("analytics")).as("events in analytics' inbox").hasSameSizeAs(ids);
        readTopicsToTheEnd();
        assertThat(topics.countsById(ids).keySet()).as("events on the topics").hasSameSizeAs(ids);
    }

    /**
     * Fresh planner statistics for the tables the checks join: a server without autovacuum (as on the test machine)
     * would plan the joins for empty tables, and a nested loop over 100,000 rows each way never finishes.
     */
    private void analyze() throws SQLException {
        try (Connection c = database.open();
                var statement = c.createStatement()) {
            statement.execute("ANALYZE tasks, outbox, inbox, audit_log");
        }
    }

    /** One poll reads at most a few hundred records; the topics hold every earlier test's events too. */
    private void readTopicsToTheEnd() {
        int before;
        int after = topics.poll().size();
        do {
            before = after;
            after = topics.poll().size();
        } while (after > before);
    }

    private long count(String sql) throws SQLException {
        long[] n = {0};
        forEachOwner(sql, rs -> n[0] += rs.getLong(1));
        return n[0];
    }

    /** The changes of one task are on task.updated in version order (a republished copy, if any, skipped). */
    private void assertOrderOnTopic(Set<String> ids) {
        Map<String, List<Integer>> versionsByTask = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (TopicReader.Received r : topics.poll()) {
            String id = r.header("ce_id");
            if (r.topic().equals("task.updated") && ids.contains(id) && seen.add(id)) {
                versionsByTask.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(version(r.value()));
            }
        }
        versionsByTask.forEach((task, versions) -> assertThat(versions)
                .as("versions of task %s on task.updated", task)
                .isSorted()
                .doesNotHaveDuplicates());
    }

    /** The audit trail records the changes of one task in the order they were made. */
    private void assertOrderInAudit() throws SQLException {
        Map<String, List<Integer>> versionsByTask = new LinkedHashMap<>();
        forEachOwner(
                "SELECT a.subject, a.data FROM audit_log a JOIN tasks t ON a.subject = t.id"
                        + " WHERE t.owner_id = ? AND a.type = 'task.updated' ORDER BY a.seq",
                rs -> versionsByTask
                        .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(version(rs.getString(2).getBytes(StandardCharsets.UTF_8))));
        versionsByTask.forEach((task, versions) -> assertThat(versions)
                .as("audited versions of task %s", task)
                .isSorted()
                .doesNotHaveDuplicates());
    }

    private static int version(byte[] data) {
        Matcher m = VERSION.matcher(new String(data, StandardCharsets.UTF_8));
        assertThat(m.find()).as("event data has a version").isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static Map<String, Long> ones(Set<String> ids) {
        return ids.stream().collect(Collectors.toMap(id -> id, id -> 1L));
    }

    /** Title → id of the owners' tasks. */
    public Map<String, String> tasks() throws SQLException {
        var rows = new HashMap<String, String>();
        forEachOwner(
                "SELECT title, id FROM tasks WHERE owner_id = ?", rs -> rows.put(rs.getString(1), rs.getString(2)));
        return rows;
    }

    private List<Event> events() throws SQLException {
        var events = new ArrayList<Event>();
        forEachOwner(
                "SELECT o.event_id, o.event_type, o.subject FROM outbox o"
                        + " JOIN tasks t ON o.subject = CAST(t.id AS VARCHAR(64))"
                        + " WHERE t.owner_id = ? AND o.event_type LIKE 'task.%' ORDER BY o.id",
                rs -> events.add(new Event(rs.getString(1), rs.getString(2), rs.getString(3))));
        return events;
    }

    private long unpublished() throws SQLException {
        long[] n = {0};
        forEachOwner(
                "SELECT COUNT(*) FROM outbox o JOIN tasks t ON o.subject = CAST(t.id AS VARCHAR(64))"
                        + " WHERE t.owner_id = ? AND o.published_at IS NULL",
                rs -> n[0] += rs.getLong(1));
        return n[0];
    }

    private Map<String, Long> auditCounts() throws SQLException {
        var counts = new HashMap<String, Long>();
        forEachOwner(
                "SELECT a.event_id, COUNT(*) FROM audit_log a JOIN tasks t ON a.subject = t.id"
                        + " WHERE t.owner_id = ? GROUP BY a.event_id",
                rs -> counts.merge(rs.getString(1), rs.getLong(2), Long::sum));
        return counts;
    }

    private Set<String> inbox(String consumer) throws SQLException {
        var ids = new HashSet<String>();
        try (Connection c = database.open();
                var ps = c.prepareStatement("SELECT i.event_id FROM inbox i"
                        + " JOIN outbox o ON i.event_id = CAST(o.event_id AS VARCHAR(64))"
                        + " JOIN tasks t ON o.subject = CAST(t.id AS VARCHAR(64))"
                        + " WHERE i.consumer = ? AND t.owner_id = ?")) {
            for (User owner : owners) {
                ps.setString(1, consumer);
                ps.setObject(2, owner.id());
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
        }
        return ids;
    }

    private long createdCounted() throws SQLException {
        long[] n = {0};
        forEachOwner(
                "SELECT COALESCE(SUM(created), 0) FROM analytics_daily WHERE owner_id = ?",
                rs -> n[0] += rs.getLong(1));
        return n[0];
    }

    @FunctionalInterface
    private interface RowReader {
        void read(java.sql.ResultSet rs) throws SQLException;
    }

    private void forEachOwner(String sql, RowReader reader) throws SQLException {
        try (Connection c = database.open();
                var ps = c.prepareStatement(sql)) {
            for (User owner : owners) {
                ps.setObject(1, owner.id());
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        reader.read(rs);
                    }
                }
            }
        }
    }

    /** The ids of the owners' task events, for a test that looks at them itself. */
    public Set<String> eventIds() throws SQLException {
        return events().stream().map(Event::id).collect(Collectors.toSet());
    }
}
