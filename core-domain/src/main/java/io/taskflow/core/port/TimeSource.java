package io.taskflow.core.port;

import java.time.Instant;

/** The clock. Implementations return microsecond precision, the precision every supported database stores. */
public interface TimeSource {

    Instant now();
}
