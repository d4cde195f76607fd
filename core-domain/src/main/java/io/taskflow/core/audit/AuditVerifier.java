package io.taskflow.core.audit;

import io.taskflow.core.port.AuditLog;
import java.util.List;

/**
 * Walks the chain from the first entry to the head and reports the first link that does not hold: an entry whose
 * content no longer gives its hash, one that does not name its predecessor's hash, a gap in the sequence, or a head
 * that does not match the last entry. Entries appended while it walks are left for the next run.
 */
public final class AuditVerifier {
    public static final int DEFAULT_PAGE_SIZE = 500;

    private final AuditLog log;
    private final int pageSize;

    public AuditVerifier(AuditLog log, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1");
        }
        this.log = log;
        this.pageSize = pageSize;
    }

    public AuditVerifier(AuditLog log) {
        this(log, DEFAULT_PAGE_SIZE);
    }

    public ChainVerification verify() {
        ChainHead head = log.head();
        ChainHead previous = ChainHead.GENESIS;
        while (previous.seq() < head.seq()) {
            List<AuditEntry> page = log.entriesAfter(previous.seq(), pageSize);
            if (page.isEmpty()) {
                return new ChainVerification.Broken(
                        previous.seq() + 1, "missing: the head names entry " + head.seq() + " but the log ends here");
            }
            for (AuditEntry entry : page) {
                if (entry.seq() > head.seq()) {
                    break;
                }
                var broken = link(previous, entry);
                if (broken != null) {
                    return broken;
                }
                previous = entry.asHead();
            }
        }
        if (!previous.equals(head)) {
            return new ChainVerification.Broken(head.seq(), "the chain head does not match the last entry");
        }
        return new ChainVerification.Intact(head);
    }

    private static ChainVerification.Broken link(ChainHead previous, AuditEntry entry) {
        long expected = previous.seq() + 1;
        if (entry.seq() != expected) {
            return new ChainVerification.Broken(expected, "missing: the entry after " + previous.seq() + " is absent");
        }
        if (!entry.prevHash().equals(previous.hash())) {
            return new ChainVerification.Broken(
                    entry.seq(), "prev_hash is not the hash of entry " + previous.seq() + ": an entry was changed");
        }
        if (!AuditChain.sealed(entry)) {
            return new ChainVerification.Broken(entry.seq(), "hash does not match the entry's content: it was changed");
        }
        return null;
    }
}
