package io.taskflow.adapters.localkafka.dapr.invoke;

import io.dapr.client.DaprClient;
import io.dapr.client.DaprHttp;
import io.dapr.client.domain.HttpExtension;
import io.dapr.exceptions.DaprException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.json.JsonMapper;
import io.taskflow.adapters.localkafka.dapr.DaprSettings;
import io.taskflow.adapters.localkafka.runtime.DaprRuntime;
import io.taskflow.core.error.NotFoundException;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Map;

/**
 * Calls another Taskflow service through the sidecar (Dapr service invocation: the sidecars find the service by its
 * app id, and apply mTLS and the resiliency policy on the way). Used for the redrive of a consumer's dead letters,
 * which runs in the consumer's own service.
 */
@Singleton
@DaprRuntime
public class ConsumerServices {
    private final DaprClient dapr;
    private final DaprSettings settings;
    private final JsonMapper json;

    public ConsumerServices(DaprClient dapr, DaprSettings settings, JsonMapper json) {
        this.dapr = dapr;
        this.settings = settings;
        this.json = json;
    }

    /**
     * Asks {@code taskflow-<consumer>} to redrive its dead letters: the same admin call the operator made here, with
     * the operator's own token, so the consumer's service checks the same role.
     *
     * @return how many the consumer's service redrove
     */
    public long redrive(String consumer) {
        String method = "admin/dead-letters/" + consumer + "/redrive";
        var call = new HttpExtension(DaprHttp.HttpMethods.POST, Map.of(), callerAuthorization());
        byte[] answer;
        try {
            answer = dapr.invokeMethod(settings.appIdOf(consumer), method, new byte[0], call, Map.of())
                    .block(settings.timeout().multipliedBy(6));
        } catch (DaprException e) {
            if (e.getHttpStatusCode() == 404) {
                throw new NotFoundException("consumer " + consumer);
            }
            throw new IllegalStateException(
                    "the service " + settings.appIdOf(consumer) + " did not redrive: " + e.getMessage(), e);
        }
        try {
            Object moved = json.readValue(answer, Map.class).get("redriven");
            return moved instanceof Number n ? n.longValue() : 0L;
        } catch (IOException e) {
            throw new IllegalStateException("the service " + settings.appIdOf(consumer) + " answered no count", e);
        }
    }

    private static Map<String, String> callerAuthorization() {
        return ServerRequestContext.currentRequest()
                .flatMap(r -> r.getHeaders().getAuthorization())
                .map(token -> Map.of(HttpHeaders.AUTHORIZATION, token))
                .orElse(Map.of());
    }
}
