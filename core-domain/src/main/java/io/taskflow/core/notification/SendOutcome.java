package io.taskflow.core.notification;

/** What became of one attempt to send: a value, so that a failure on one channel does not stop the others. */
public sealed interface SendOutcome {

    record Sent() implements SendOutcome {}

    /** Not sent, and trying again would not help: no SMTP server configured, no address. */
    record Skipped(String reason) implements SendOutcome {}

    /** Not sent; a later attempt may succeed. */
    record Failed(String error) implements SendOutcome {}

    static SendOutcome sent() {
        return new Sent();
    }
}
