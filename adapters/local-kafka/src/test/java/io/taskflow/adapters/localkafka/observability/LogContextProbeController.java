package io.taskflow.adapters.localkafka.observability;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A test-only endpoint that writes a log line from where a controller runs — the blocking pool like the real
 * controllers, or the event loop — and answers with the MDC it saw there. Only present when a test asks for it.
 */
@Requires(property = LogContextProbeController.ENABLED, value = "true")
@Controller("/test/log-context")
@Secured(SecurityRule.IS_ANONYMOUS)
final class LogContextProbeController {
    static final String ENABLED = "taskflow.test.log-context-probe";
    static final String MESSAGE = "log context probe";
    private static final Logger LOG = LoggerFactory.getLogger(LogContextProbeController.class);

    @Serdeable
    record Seen(String thread, Map<String, String> mdc) {}

    @Get("/blocking")
    @ExecuteOn(TaskExecutors.BLOCKING)
    Seen blocking(HttpRequest<?> request) {
        return seen("blocking", request);
    }

    @Get("/event-loop")
    Seen eventLoop(HttpRequest<?> request) {
        return seen("event-loop", request);
    }

    private static Seen seen(String path, HttpRequest<?> request) {
        // Careless on purpose: the Authorization header is a secret the logging configuration must mask.
        LOG.info(
                "{} on the {} path, Authorization: {}",
                MESSAGE,
                path,
                request.getHeaders().getAuthorization().orElse("none"));
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        return new Seen(Thread.currentThread().getName(), mdc == null ? Map.of() : mdc);
    }
}
