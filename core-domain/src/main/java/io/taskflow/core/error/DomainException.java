package io.taskflow.core.error;

/**
 * An expected business outcome that ends a use case early. Each subtype is mapped once, at the edge of every
 * runtime, to an HTTP status and a stable problem type; none of them is a programming error.
 */
public abstract sealed class DomainException extends RuntimeException
        permits InvalidInputException,
                NotFoundException,
                StaleVersionException,
                ConflictException,
                InvalidCredentialsException,
                TooManyAttemptsException {

    protected DomainException(String message) {
        super(message, null, false, false);
    }
}
