package io.taskflow.core.port;

import io.taskflow.core.audit.AuditEntry;
import io.taskflow.core.audit.AuditQuery;
import io.taskflow.core.audit.ChainHead;
import java.util.List;
import java.util.UUID;

/** Storage of the audit trail: append-only entries and the head of their chain. */
public interface AuditLog {

    /**
     * Reads the head and holds it until the surrounding transaction ends, so appends are serialised: two writers never
     * link to the same entry.
     */
    ChainHead lockHead();

    /** The head as last committed, without holding it. */
    ChainHead head();

    boolean contains(UUID eventId);

    /** Stores the entry and moves the head to it, in the caller's transaction. */
    void append(AuditEntry entry);

    /** Entries with a sequence number above {@code seq}, in sequence order, at most {@code limit}. */
    List<AuditEntry> entriesAfter(long seq, int limit);

    /** The entries the query asks for, in sequence order, at most {@code query.limit() + 1} (one more tells a next page). */
    List<AuditEntry> find(AuditQuery query);
}
