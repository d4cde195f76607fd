package io.taskflow.core.error;

/** Unknown e-mail or wrong password; the two are not told apart. */
public final class InvalidCredentialsException extends DomainException {
    public InvalidCredentialsException() {
        super("invalid e-mail or password");
    }
}
