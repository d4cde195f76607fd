package io.taskflow.functions.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.http.HttpRequest;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class RequestLogContextTest {
    private final ExecutorService otherThread = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        otherThread.shutdownNow();
        MDC.clear();
    }

    @Test
    void theCorrelationFilterPutsTheRequestsIdIntoTheLogContext() {
        var context = MutablePropagatedContext.of(PropagatedContext.empty());
        new CorrelationIdFilter()
                .assign(HttpRequest.GET("/tasks").header(CorrelationIdFilter.HEADER, "req-7"), context);

        assertThat(mdcInside(context.getContext())).containsExactlyEntriesOf(Map.of("correlationId", "req-7"));
    }

    @Test
    void theCallerJoinsTheCorrelationIdAndALaterValueReplacesAnEarlierOne() {
        var context = MutablePropagatedContext.of(PropagatedContext.empty());
        RequestLogContext.put(context, RequestLogContext.CORRELATION_ID, "req-1");
        RequestLogContext.put(context, RequestLogContext.USER_ID, "user-a");
        RequestLogContext.put(context, RequestLogContext.USER_ID, "user-b");

        assertThat(mdcInside(context.getContext()))
                .containsExactlyInAnyOrderEntriesOf(Map.of("correlationId", "req-1", "userId", "user-b"));
    }

    @Test
    void theKeysAreSetOnTheThreadThatServesTheRequestAndGoneFromItAfterwards() throws Exception {
        var context = MutablePropagatedContext.of(PropagatedContext.empty());
        RequestLogContext.put(context, RequestLogContext.CORRELATION_ID, "req-2");
        RequestLogContext.put(context, RequestLogContext.USER_ID, "user-c");
        PropagatedContext request = context.getContext();

        Supplier<Map<String, String>> readMdc = MDC::getCopyOfContextMap;
        Map<String, String> during = CompletableFuture.supplyAsync(request.wrap(readMdc), otherThread)
                .get();
        Map<String, String> after = CompletableFuture.supplyAsync(MDC::getCopyOfContextMap, otherThread)
                .get();

        assertThat(during).containsEntry("correlationId", "req-2").containsEntry("userId", "user-c");
        assertThat(after == null ? Map.of() : after).isEmpty();
    }

    @Test
    void whatTheThreadHadInItsMdcBeforeTheRequestComesBack() {
        MDC.put("job", "relay");
        var context = MutablePropagatedContext.of(PropagatedContext.empty());
        RequestLogContext.put(context, RequestLogContext.CORRELATION_ID, "req-3");

        try (var ignored = context.getContext().propagate()) {
            assertThat(MDC.get("correlationId")).isEqualTo("req-3");
        }
        assertThat(MDC.get("correlationId")).isNull();
        assertThat(MDC.get("job")).isEqualTo("relay");
    }

    private static Map<String, String> mdcInside(PropagatedContext context) {
        try (var ignored = context.propagate()) {
            return MDC.getCopyOfContextMap();
        }
    }
}
