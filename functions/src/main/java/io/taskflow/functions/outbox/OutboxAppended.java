package io.taskflow.functions.outbox;

/** Fired inside the writing transaction; relays listen for it after commit to publish without waiting for a poll. */
public record OutboxAppended(int events) {}
