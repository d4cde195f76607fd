package io.taskflow.adapters.azure.testing;

import com.azure.messaging.eventhubs.EventData;
import io.micronaut.context.annotation.Replaces;
import io.taskflow.adapters.azure.publish.EventHubsSender;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Stands where the SDK's producer client is (no Event Hubs runs here): keeps every batch it is handed, the SDK's own
 * {@link EventData} with its body, properties and the partition key, and refuses the hubs a test names. Each dead letter
 * accepted is also a line of the shared {@link Journal}, so tests can see what happened in which order.
 */
@Singleton
@Replaces(EventHubsSender.class)
public class RecordingSender implements EventHubsSender {
    /** One accepted send. */
    public record Sent(String hub, String partitionKey, List<EventData> events) {}

    private final List<Sent> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final Journal journal;

    RecordingSender(Journal journal) {
        this.journal = journal;
    }

    @Override
    public void send(String hub, String partitionKey, List<EventData> events) {
        if (refused.contains(hub)) {
            throw new IllegalStateException("the hub " + hub + " is unavailable (refused by the test)");
        }
        sent.add(new Sent(hub, partitionKey, List.copyOf(events)));
        if (hub.startsWith("taskflow.dlq.")) {
            for (EventData event : events) {
                journal.add("sent " + hub + " " + event.getProperties().get("cloudEvents:id"));
            }
        }
    }

    public void refuse(String hub) {
        refused.add(hub);
    }

    public void accept(String hub) {
        refused.remove(hub);
    }

    /** Every event sent to the hub so far, in order. */
    public List<EventData> events(String hub) {
        var events = new ArrayList<EventData>();
        sent.stream().filter(s -> s.hub().equals(hub)).forEach(s -> events.addAll(s.events()));
        return events;
    }

    public List<Sent> sends(Predicate<Sent> which) {
        return sent.stream().filter(which).toList();
    }
}
