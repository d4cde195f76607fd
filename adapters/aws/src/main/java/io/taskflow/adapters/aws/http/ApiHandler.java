package io.taskflow.adapters.aws.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import io.taskflow.adapters.aws.function.JsonStreamHandler;
import io.taskflow.adapters.aws.replay.ReplayContext;
import io.taskflow.functions.serverless.FunctionApplication;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The whole HTTP API behind an API Gateway HTTP API (payload format 2.0): Micronaut's proxy turns the event into a
 * request for the shared controllers and their response back into the event's answer.
 */
public class ApiHandler extends JsonStreamHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    static final String PRIMING_REQUEST = "/payloads/priming-api-gateway.json";

    private final APIGatewayV2HTTPEventFunction proxy;

    /** Lambda's entry: the function instance's shared context. */
    public ApiHandler() {
        this(FunctionApplication.shared());
    }

    public ApiHandler(ApplicationContext context) {
        super(context, APIGatewayV2HTTPEvent.class);
        this.proxy = new APIGatewayV2HTTPEventFunction(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent request, Context lambda) {
        return proxy.handleRequest(request, lambda);
    }

    /** A refused login with a malformed body: routing, security, serde and problem+json, and no write. */
    @Override
    protected void prime() throws IOException {
        try (InputStream payload = ApiHandler.class.getResourceAsStream(PRIMING_REQUEST)) {
            if (payload == null) {
                throw new UncheckedIOException(new IOException("missing " + PRIMING_REQUEST));
            }
            handleRequest(payload, java.io.OutputStream.nullOutputStream(), new ReplayContext("priming"));
        }
    }
}
