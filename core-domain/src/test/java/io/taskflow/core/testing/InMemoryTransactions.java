package io.taskflow.core.testing;

import io.taskflow.core.port.Transactions;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs the work directly, like one database transaction: when the work throws, every participant is put back to its
 * state before the transaction, so a test can prove that a failed use case changed nothing. A nested call joins the
 * outer transaction. Without participants it simply runs the supplier.
 */
public final class InMemoryTransactions implements Transactions {
    private final List<Rollbackable> participants;
    private int depth;
    private int commits;
    private int rollbacks;

    public InMemoryTransactions(Rollbackable... participants) {
        this.participants = List.of(participants);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (depth > 0) {
            return work.get();
        }
        List<Runnable> restore =
                participants.stream().map(Rollbackable::checkpoint).toList();
        depth++;
        try {
            T result = work.get();
            commits++;
            return result;
        } catch (RuntimeException | Error e) {
            restore.forEach(Runnable::run);
            rollbacks++;
            throw e;
        } finally {
            depth--;
        }
    }

    public int commits() {
        return commits;
    }

    public int rollbacks() {
        return rollbacks;
    }
}
