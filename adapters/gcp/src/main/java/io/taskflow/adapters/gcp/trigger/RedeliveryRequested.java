package io.taskflow.adapters.gcp.trigger;

/**
 * Thrown out of a Pub/Sub-triggered function when the event is to be delivered again: the function fails, the trigger
 * does not acknowledge, and the subscription's retry policy brings the message back (and, after its last attempt, its
 * dead-letter policy moves it to the dead-letter topic).
 */
public class RedeliveryRequested extends RuntimeException {
    public RedeliveryRequested(String message) {
        super(message);
    }
}
