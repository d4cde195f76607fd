package io.taskflow.functions.consumer;

import io.micronaut.json.JsonMapper;
import io.taskflow.core.event.DomainEvent;
import io.taskflow.core.event.EventEnvelope;
import io.taskflow.core.event.EventReader;
import io.taskflow.core.event.EventType;
import io.taskflow.functions.event.EventValidator;
import io.taskflow.functions.event.InvalidEventException;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;

/** Turns a received envelope into its domain event, after holding it to its schema. */
@Singleton
public class ReceivedEvents {
    private final EventValidator validator;
    private final JsonMapper json;

    ReceivedEvents(EventValidator validator, JsonMapper json) {
        this.validator = validator;
        this.json = json;
    }

    /** @throws InvalidEventException when the event breaks the contract; retrying it cannot help */
    public DomainEvent read(EventEnvelope envelope) {
        EventType type = validator.checkIncoming(envelope);
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> data = json.readValue(envelope.data(), Map.class);
            return EventReader.read(type, UUID.fromString(envelope.id()), data);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidEventException("event " + envelope.id() + " cannot be read: " + e.getMessage());
        }
    }
}
