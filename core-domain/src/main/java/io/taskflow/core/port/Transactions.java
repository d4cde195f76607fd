package io.taskflow.core.port;

import java.util.function.Supplier;

/** Runs work in one database transaction, joining the caller's when there is one. */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);
}
