package io.taskflow.adapters.azure.http;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import io.micronaut.azure.function.http.AzureHttpFunction;
import io.micronaut.context.ApplicationContextBuilder;
import io.taskflow.adapters.azure.function.Invocations;
import java.util.Optional;

/**
 * The whole HTTP API behind one HTTP trigger: every method and path (host.json empties the route prefix, so the paths
 * are DESIGN.md's), turned by Micronaut's Azure adapter into a request for the shared controllers. The API's own
 * authentication (JWT) applies; the function key does not.
 */
public class ApiFunction extends AzureHttpFunction {
    public static final String NAME = "api";

    /** The worker's entry. */
    public ApiFunction() {
        super();
    }

    public ApiFunction(ApplicationContextBuilder builder) {
        super(builder);
    }

    @FunctionName(NAME)
    public HttpResponseMessage invoke(
            @HttpTrigger(
                            name = "request",
                            methods = {
                                HttpMethod.GET,
                                HttpMethod.POST,
                                HttpMethod.PUT,
                                HttpMethod.PATCH,
                                HttpMethod.DELETE,
                                HttpMethod.HEAD,
                                HttpMethod.OPTIONS
                            },
                            route = "{*route}",
                            authLevel = AuthorizationLevel.ANONYMOUS)
                    HttpRequestMessage<Optional<String>> request,
            ExecutionContext context) {
        return Invocations.publishingAfter(getApplicationContext(), () -> route(request, context));
    }
}
