package io.taskflow.core.audit;

import java.util.Objects;

/**
 * The end of the chain: the sequence number and hash of the last entry. Every append moves it in the transaction of
 * the entry, so it always names the last committed entry.
 */
public record ChainHead(long seq, String hash) {
    /** Before the first entry: sequence 0 and a hash of zeros, the {@code prevHash} of entry 1. */
    public static final ChainHead GENESIS = new ChainHead(0, "0".repeat(64));

    public ChainHead {
        Objects.requireNonNull(hash, "hash");
        if (seq < 0) {
            throw new IllegalArgumentException("seq must not be negative");
        }
    }
}
