package io.taskflow.core.error;

/** A value that breaks a rule of the domain: too long, out of range, malformed. Nothing was changed. */
public final class InvalidInputException extends DomainException {
    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
