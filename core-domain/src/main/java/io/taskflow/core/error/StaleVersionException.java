package io.taskflow.core.error;

/** The caller based its change on a version that is no longer current. */
public final class StaleVersionException extends DomainException {
    private final long currentVersion;

    public StaleVersionException(long expected, long current) {
        super("expected version " + expected + " but the current version is " + current);
        this.currentVersion = current;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
