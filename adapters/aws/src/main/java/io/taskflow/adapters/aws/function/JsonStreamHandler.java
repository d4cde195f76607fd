package io.taskflow.adapters.aws.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.taskflow.adapters.aws.snapstart.Priming;
import io.taskflow.functions.outbox.InvocationFlush;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * What every handler of this module does around its own translation: reads the trigger's raw JSON, hands the typed
 * payload to {@link #handle}, publishes the outbox rows the invocation committed before it returns (a frozen function
 * may not leave work behind), and writes the answer as JSON. Raw JSON in and out, so a captured payload replays
 * through exactly the path Lambda takes.
 *
 * @param <I> the trigger's payload
 * @param <O> the answer Lambda reads back
 */
public abstract class JsonStreamHandler<I, O> implements RequestStreamHandler {
    private final ApplicationContext context;
    private final Argument<I> input;
    private final JsonMapper json;
    private final InvocationFlush flush;

    protected JsonStreamHandler(ApplicationContext context, Class<I> input) {
        this.context = context;
        this.input = Argument.of(input);
        this.json = context.getBean(JsonMapper.class);
        this.flush = context.getBean(InvocationFlush.class);
        context.getBean(Priming.class).add(getClass().getSimpleName(), this::prime);
    }

    @Override
    public final void handleRequest(InputStream in, OutputStream out, Context lambda) throws IOException {
        I payload = json.readValue(in.readAllBytes(), input);
        O answer;
        try {
            answer = handle(payload, lambda);
        } finally {
            flush.flush();
        }
        out.write(json.writeValueAsBytes(answer));
    }

    protected abstract O handle(I payload, Context lambda);

    /**
     * Runs this handler's heavy path once before a SnapStart snapshot is taken (class loading, JIT, serde), without
     * changing any data. Nothing by default.
     */
    protected void prime() throws IOException {}

    public ApplicationContext context() {
        return context;
    }

    protected JsonMapper json() {
        return json;
    }
}
