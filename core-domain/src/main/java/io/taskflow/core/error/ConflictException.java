package io.taskflow.core.error;

/** The change would break a uniqueness rule, such as an e-mail address registered twice. */
public final class ConflictException extends DomainException {
    public ConflictException(String message) {
        super(message);
    }
}
