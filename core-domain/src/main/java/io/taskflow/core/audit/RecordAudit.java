package io.taskflow.core.audit;

import io.taskflow.core.event.DomainEvent;
import io.taskflow.core.event.EventEnvelope;
import io.taskflow.core.port.AuditLog;
import io.taskflow.core.port.TimeSource;
import io.taskflow.core.port.Transactions;

/** Appends an event to the audit trail: once per event id, linked to the entry before it. */
public final class RecordAudit {
    private final Transactions tx;
    private final AuditLog log;
    private final TimeSource time;

    public RecordAudit(Transactions tx, AuditLog log, TimeSource time) {
        this.tx = tx;
        this.log = log;
        this.time = time;
    }

    /** The new entry, or null when the event is in the trail already. */
    public AuditEntry record(DomainEvent event, EventEnvelope envelope) {
        return tx.inTransaction(() -> {
            // The head first: the check below and the append are then serialised with every other writer.
            ChainHead head = log.lockHead();
            if (log.contains(event.eventId())) {
                return null;
            }
            AuditEntry entry = AuditChain.next(head, AuditRecord.of(event, envelope, time.now()));
            log.append(entry);
            return entry;
        });
    }
}
