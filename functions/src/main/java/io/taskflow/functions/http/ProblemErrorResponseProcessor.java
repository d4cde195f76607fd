package io.taskflow.functions.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.taskflow.functions.outbox.CorrelationIds;
import jakarta.inject.Singleton;
import java.util.stream.Collectors;

/**
 * Every error the framework answers by itself (no route, wrong method, body too large, malformed JSON, unknown field,
 * missing token) becomes problem+json. A 5xx never carries the exception's text: only the correlation id to find it
 * in the logs.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
final class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> base) {
        HttpStatus status = base.getStatus();
        String detail = status.getCode() >= 500
                ? "an unexpected error occurred"
                : context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
        if (detail.isBlank()) {
            detail = status.getReason();
        }
        Problem problem = Problem.of(status, Problem.slugFor(status), clean(detail))
                .withCorrelationId(CorrelationIds.of(context.getRequest()));
        if (status == HttpStatus.UNAUTHORIZED) {
            base.header("WWW-Authenticate", "Bearer");
        }
        return base.body(problem).contentType(Problem.MEDIA_TYPE);
    }

    /** Framework messages may quote Java type names; callers need the field, not our class layout. */
    private static String clean(String detail) {
        return detail.replaceAll("io\\.taskflow\\.[\\w.$]+\\.", "");
    }
}
