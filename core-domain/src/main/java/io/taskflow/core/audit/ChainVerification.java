package io.taskflow.core.audit;

/** What walking the chain found: intact up to its head, or the first link that does not hold. */
public sealed interface ChainVerification permits ChainVerification.Intact, ChainVerification.Broken {

    boolean ok();

    /** Every entry from 1 to the head was present, sealed by its hash and linked to the one before. */
    record Intact(ChainHead head) implements ChainVerification {
        @Override
        public boolean ok() {
            return true;
        }

        public long entries() {
            return head.seq();
        }
    }

    /**
     * @param seq the first entry whose link does not hold: changed, missing, or not following the entry before it
     * @param reason what did not hold, for the person who investigates
     */
    record Broken(long seq, String reason) implements ChainVerification {
        @Override
        public boolean ok() {
            return false;
        }
    }
}
