package io.taskflow.adapters.localkafka.dapr.subscribe;

import io.micronaut.context.annotation.Value;
import io.taskflow.adapters.localkafka.dapr.DaprSettings;
import io.taskflow.adapters.localkafka.dapr.deadletter.DeadLetterTopics;
import io.taskflow.adapters.localkafka.runtime.DaprRuntime;
import io.taskflow.core.event.EventType;
import io.taskflow.functions.consumer.ConsumerSelection;
import io.taskflow.functions.consumer.EventConsumer;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What this process subscribes to, as the sidecar asks at {@code GET /dapr/subscribe}: for each event topic, the
 * selected consumers of it behind one route, with the consumer's dead-letter topic and bulk delivery on; and each of
 * those dead-letter topics, so what the sidecar gives up on is filed as a dead letter.
 *
 * <p>The sidecar takes one subscription per topic and app. In a split deployment (one consumer per app id, so its
 * consumer group is its own) a route serves one consumer. A process running several consumers of one topic serves them
 * from one route, and the first (by name) lends the subscription its dead-letter topic; its filing covers them all.
 */
@Singleton
@DaprRuntime
public class DaprSubscriptions {
    public static final String EVENTS_ROUTE = "/dapr/events/";
    public static final String DEAD_LETTERS_ROUTE = "/dapr/dead-letters/";

    private final DaprSettings settings;
    private final int bulkMaxMessages;
    private final int bulkMaxAwaitMs;
    private final List<EventConsumer> selected;

    DaprSubscriptions(
            DaprSettings settings,
            ConsumerSelection selection,
            List<EventConsumer> consumers,
            @Value("${taskflow.dapr.bulk.max-messages:100}") int bulkMaxMessages,
            @Value("${taskflow.dapr.bulk.max-await-ms:40}") int bulkMaxAwaitMs) {
        this.settings = settings;
        this.bulkMaxMessages = bulkMaxMessages;
        this.bulkMaxAwaitMs = bulkMaxAwaitMs;
        this.selected = consumers.stream()
                .filter(c -> selection.runs(c.name()))
                .sorted(Comparator.comparing(EventConsumer::stateless).thenComparing(EventConsumer::name))
                .toList();
        for (String wanted : selection.named()) {
            if (consumers.stream()
                    .noneMatch(c -> ConsumerSelection.key(c.name()).equals(wanted))) {
                throw new IllegalStateException("TASKFLOW_CONSUMERS names " + wanted + ", which is no consumer; known: "
                        + consumers.stream().map(EventConsumer::name).sorted().toList());
            }
        }
    }

    /** The entries of the programmatic subscription contract. */
    public List<Map<String, Object>> entries() {
        var entries = new ArrayList<Map<String, Object>>();
        Set<String> deadLetterOwners = new LinkedHashSet<>();
        for (EventType type : EventType.values()) {
            List<EventConsumer> readers =
                    selected.stream().filter(c -> c.types().contains(type)).toList();
            if (readers.isEmpty()) {
                continue;
            }
            var entry = new LinkedHashMap<String, Object>();
            entry.put("pubsubname", settings.pubsub());
            entry.put("topic", type.typeName());
            entry.put(
                    "route",
                    EVENTS_ROUTE
                            + String.join(
                                    ",",
                                    readers.stream().map(EventConsumer::name).toList()));
            EventConsumer first = readers.get(0);
            if (!first.stateless()) {
                entry.put("deadLetterTopic", DeadLetterTopics.of(first.name()));
                deadLetterOwners.add(first.name());
            }
            entry.put(
                    "bulkSubscribe",
                    Map.of("enabled", true, "maxMessagesCount", bulkMaxMessages, "maxAwaitDurationMs", bulkMaxAwaitMs));
            entries.add(entry);
        }
        for (String owner : deadLetterOwners) {
            var entry = new LinkedHashMap<String, Object>();
            entry.put("pubsubname", settings.pubsub());
            entry.put("topic", DeadLetterTopics.of(owner));
            entry.put("route", DEAD_LETTERS_ROUTE + owner);
            entries.add(entry);
        }
        return entries;
    }

    /** The selected stateful consumers that read events of {@code type}: whom a dead letter of it is filed for. */
    List<String> statefulReadersOf(String type) {
        return selected.stream()
                .filter(c -> !c.stateless())
                .filter(c -> c.types().stream().anyMatch(t -> t.typeName().equals(type)))
                .map(EventConsumer::name)
                .toList();
    }

    boolean runs(String consumer) {
        return selected.stream().anyMatch(c -> c.name().equals(consumer));
    }
}
