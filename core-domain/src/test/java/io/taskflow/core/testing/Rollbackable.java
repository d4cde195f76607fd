package io.taskflow.core.testing;

/** A fake whose state {@link InMemoryTransactions} can put back when the work of a transaction fails. */
public interface Rollbackable {

    /** Captures the current state; running the result restores it. */
    Runnable checkpoint();
}
