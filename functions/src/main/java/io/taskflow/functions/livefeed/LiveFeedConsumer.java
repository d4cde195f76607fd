package io.taskflow.functions.livefeed;

import io.micronaut.json.JsonMapper;
import io.taskflow.core.event.DomainEvent;
import io.taskflow.core.event.EventEnvelope;
import io.taskflow.core.event.EventType;
import io.taskflow.core.event.TaskSnapshotEvent;
import io.taskflow.functions.consumer.EventConsumer;
import io.taskflow.functions.consumer.TaskOwnership;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Forwards task events to their owner's open connections. Every instance must see every event (a user may be
 * connected to any of them), so each runtime gives this consumer a group of its own per instance; it keeps no inbox,
 * since a repeated push is harmless and a client can tell by the event id.
 */
@Singleton
public class LiveFeedConsumer implements EventConsumer {
    public static final String NAME = "live-feed";

    private final LiveFeed feed;
    private final JsonMapper json;
    private final TaskOwnership ownership;

    LiveFeedConsumer(LiveFeed feed, JsonMapper json, TaskOwnership ownership) {
        this.feed = feed;
        this.json = json;
        this.ownership = ownership;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<EventType> types() {
        return Set.of(EventType.TASK_CREATED, EventType.TASK_UPDATED, EventType.TASK_COMPLETED, EventType.TASK_DELETED);
    }

    @Override
    public boolean stateless() {
        return true;
    }

    @Override
    public void handle(DomainEvent event, EventEnvelope envelope) {
        UUID owner =
                event instanceof TaskSnapshotEvent snapshot ? snapshot.task().ownerId() : event.actorId();
        if (!feed.watched(owner)) {
            return;
        }
        // Pushed only to the owner the task's own record names, whatever the event claims.
        ownership.confirm(event);
        feed.push(owner, message(envelope));
    }

    /** The CloudEvents JSON format of the event, as a browser would want it. */
    private String message(EventEnvelope envelope) {
        try {
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("specversion", EventEnvelope.SPEC_VERSION);
            message.put("id", envelope.id());
            message.put("type", envelope.type());
            message.put("source", envelope.source());
            message.put("subject", envelope.subject());
            message.put("time", envelope.time().toString());
            message.put("datacontenttype", EventEnvelope.DATA_CONTENT_TYPE);
            message.put("data", json.readValue(envelope.data(), Object.class));
            return json.writeValueAsString(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
