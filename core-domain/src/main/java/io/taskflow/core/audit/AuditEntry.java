package io.taskflow.core.audit;

import java.util.Objects;

/**
 * One link of the chain.
 *
 * @param seq 1, 2, 3, … without gaps: the position in the chain
 * @param prevHash the hash of entry {@code seq - 1} ({@link ChainHead#GENESIS}'s for the first)
 * @param hash {@link AuditChain#hash} of this entry
 */
public record AuditEntry(long seq, AuditRecord record, String prevHash, String hash) {
    public AuditEntry {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(prevHash, "prevHash");
        Objects.requireNonNull(hash, "hash");
    }

    public ChainHead asHead() {
        return new ChainHead(seq, hash);
    }
}
