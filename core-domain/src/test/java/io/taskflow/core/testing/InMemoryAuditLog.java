package io.taskflow.core.testing;

import io.taskflow.core.audit.AuditEntry;
import io.taskflow.core.audit.AuditQuery;
import io.taskflow.core.audit.ChainHead;
import io.taskflow.core.port.AuditLog;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * An {@link AuditLog} over a list. It refuses an append that does not continue the chain, as serialised appends on a
 * database never would, and lets a test tamper with what it stores the way someone with database access could.
 */
public final class InMemoryAuditLog implements AuditLog, Rollbackable {
    private final List<AuditEntry> entries = new ArrayList<>();
    private ChainHead head = ChainHead.GENESIS;
    private int locks;

    @Override
    public ChainHead lockHead() {
        locks++;
        return head;
    }

    @Override
    public ChainHead head() {
        return head;
    }

    @Override
    public boolean contains(UUID eventId) {
        return entries.stream().anyMatch(e -> e.record().eventId().equals(eventId));
    }

    @Override
    public void append(AuditEntry entry) {
        if (entry.seq() != head.seq() + 1 || !entry.prevHash().equals(head.hash())) {
            throw new IllegalStateException("entry " + entry.seq() + " does not continue the chain at " + head);
        }
        if (contains(entry.record().eventId())) {
            throw new IllegalStateException("duplicate event " + entry.record().eventId());
        }
        entries.add(entry);
        head = entry.asHead();
    }

    @Override
    public List<AuditEntry> entriesAfter(long seq, int limit) {
        return entries.stream().filter(e -> e.seq() > seq).limit(limit).toList();
    }

    @Override
    public List<AuditEntry> find(AuditQuery query) {
        return entries.stream()
                .filter(e -> e.record().subject().equals(query.subject()))
                .filter(e -> e.record().userId().equals(query.userId()))
                .filter(e -> e.seq() > query.afterSeq())
                .limit(query.limit() + 1L)
                .toList();
    }

    public List<AuditEntry> entries() {
        return List.copyOf(entries);
    }

    /** How many times a writer took the head's lock. */
    public int locks() {
        return locks;
    }

    /** Replaces the stored entry {@code seq} with what {@code change} makes of it. */
    public void tamper(long seq, UnaryOperator<AuditEntry> change) {
        int index = indexOf(seq);
        entries.set(index, change.apply(entries.get(index)));
    }

    public void remove(long seq) {
        entries.remove(indexOf(seq));
    }

    public void forceHead(ChainHead forced) {
        head = forced;
    }

    /** Appends without the chain's checks: for entries a writer made from something other than the head. */
    public void forceAppend(AuditEntry entry) {
        entries.add(entry);
        head = entry.asHead();
    }

    private int indexOf(long seq) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).seq() == seq) {
                return i;
            }
        }
        throw new IllegalArgumentException("no entry " + seq);
    }

    @Override
    public Runnable checkpoint() {
        var copy = List.copyOf(entries);
        var savedHead = head;
        return () -> {
            entries.clear();
            entries.addAll(copy);
            head = savedHead;
        };
    }
}
