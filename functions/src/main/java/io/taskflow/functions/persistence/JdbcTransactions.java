package io.taskflow.functions.persistence;

import io.micronaut.transaction.TransactionOperations;
import io.taskflow.core.port.Transactions;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.function.Supplier;

@Singleton
final class JdbcTransactions implements Transactions {
    private final TransactionOperations<Connection> tx;

    JdbcTransactions(TransactionOperations<Connection> tx) {
        this.tx = tx;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return tx.executeWrite(status -> work.get());
    }
}
