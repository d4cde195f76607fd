package io.taskflow.functions.audit;

import io.taskflow.core.audit.RecordAudit;
import io.taskflow.core.event.DomainEvent;
import io.taskflow.core.event.EventEnvelope;
import io.taskflow.core.event.EventType;
import io.taskflow.functions.consumer.EventConsumer;
import jakarta.inject.Singleton;
import java.util.EnumSet;
import java.util.Set;

/** Every event of every type goes into the audit trail, once. */
@Singleton
public class AuditConsumer implements EventConsumer {
    public static final String NAME = "audit";

    private final RecordAudit audit;

    AuditConsumer(RecordAudit audit) {
        this.audit = audit;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<EventType> types() {
        return EnumSet.allOf(EventType.class);
    }

    @Override
    public void handle(DomainEvent event, EventEnvelope envelope) {
        audit.record(event, envelope);
    }
}
