package io.taskflow.core.error;

/** The aggregate does not exist, or it is not the caller's: both look the same so that ids leak nothing. */
public final class NotFoundException extends DomainException {
    public NotFoundException(String what) {
        super(what + " not found");
    }
}
