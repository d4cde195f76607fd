package io.taskflow.functions.http;

/** The same Idempotency-Key came back with a different body: replaying the first answer would be a lie. */
final class IdempotencyKeyReusedException extends RuntimeException {
    IdempotencyKeyReusedException() {
        super("this Idempotency-Key was used with a different request body", null, false, false);
    }
}
