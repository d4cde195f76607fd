package io.taskflow.core.testing;

import io.taskflow.core.port.IdGenerator;
import java.util.UUID;

/** Ids 00000000-0000-0000-0000-000000000001, …02, … in order, so tests and failures are readable. */
public final class SequentialIds implements IdGenerator {
    private long last;

    @Override
    public UUID newId() {
        return new UUID(0L, ++last);
    }

    public long issued() {
        return last;
    }
}
