package io.taskflow.functions.http;

/** A body that is not the JSON the endpoint takes: bad syntax, a wrong type, an unknown property. */
final class MalformedBodyException extends RuntimeException {
    MalformedBodyException(String message) {
        super(message, null, false, false);
    }
}
