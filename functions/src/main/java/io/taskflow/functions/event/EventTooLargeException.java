package io.taskflow.functions.event;

/**
 * An event whose data is larger than {@code taskflow.events.max-bytes}. Written by Taskflow, it is refused before it
 * reaches the outbox (the change rolls back), so no row can sit in the outbox that the broker would refuse for its
 * size and retry forever.
 */
public final class EventTooLargeException extends RuntimeException {
    public EventTooLargeException(String type, int bytes, int max) {
        super("the " + type + " event would be " + bytes + " bytes; at most " + max + " are allowed");
    }
}
