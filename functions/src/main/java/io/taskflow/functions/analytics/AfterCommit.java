package io.taskflow.functions.analytics;

import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import java.sql.Connection;

/**
 * Runs an action once the current transaction has committed, and never when it rolls back: a metric counted for a
 * change that is then undone and retried would be counted twice.
 */
@Singleton
class AfterCommit {
    private final TransactionOperations<Connection> tx;

    AfterCommit(TransactionOperations<Connection> tx) {
        this.tx = tx;
    }

    void run(Runnable action) {
        var status = tx.findTransactionStatus()
                .orElseThrow(() -> new IllegalStateException("after-commit actions need a transaction"));
        status.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
