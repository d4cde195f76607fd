package io.taskflow.functions.tracing;

import java.util.HashMap;
import java.util.Map;
import org.slf4j.MDC;

/**
 * The logging-context (MDC) keys of the work in progress, set on the current thread for as long as the work runs and
 * then restored, so a thread that serves many events never carries one event's keys into the next.
 */
public final class LogContext implements AutoCloseable {
    public static final String TRACE_ID = "traceId";
    public static final String SPAN_ID = "spanId";
    public static final String CORRELATION_ID = "correlationId";

    private final Map<String, String> previous;

    private LogContext(Map<String, String> previous) {
        this.previous = previous;
    }

    /** Sets the keys whose value is not null; {@link #close()} puts back what the thread had before. */
    static LogContext with(Map<String, String> values) {
        var previous = new HashMap<String, String>();
        values.forEach((key, value) -> {
            if (value != null) {
                previous.put(key, MDC.get(key));
                MDC.put(key, value);
            }
        });
        return new LogContext(previous);
    }

    @Override
    public void close() {
        previous.forEach((key, value) -> {
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        });
    }
}
