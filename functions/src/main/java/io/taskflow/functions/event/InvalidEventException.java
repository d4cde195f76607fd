package io.taskflow.functions.event;

/** An event that breaks the contract: unknown type, or data that does not match its schema. Never retried. */
public class InvalidEventException extends RuntimeException {
    public InvalidEventException(String message) {
        super(message);
    }
}
