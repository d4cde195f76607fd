package io.taskflow.adapters.gcp.http;

import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.gcp.function.http.HttpFunction;
import io.taskflow.functions.outbox.InvocationFlush;
import io.taskflow.functions.serverless.FunctionApplication;

/**
 * The whole HTTP API as one HTTP Cloud Function: Micronaut's Google Cloud HTTP runtime routes the Functions
 * Framework's request to the shared controllers and writes their response back. The events a request committed are
 * published before the function returns.
 */
public class ApiFunction extends HttpFunction {
    private final InvocationFlush flush;

    /** The Functions Framework's entry: the function instance's shared context. */
    public ApiFunction() {
        this(FunctionApplication.shared());
    }

    public ApiFunction(ApplicationContext context) {
        super(context);
        this.flush = context.getBean(InvocationFlush.class);
    }

    @Override
    public void service(HttpRequest request, HttpResponse response) throws Exception {
        try {
            super.service(request, response);
        } finally {
            flush.flush();
        }
    }
}
