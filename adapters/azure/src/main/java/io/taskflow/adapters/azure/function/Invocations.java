package io.taskflow.adapters.azure.function;

import io.micronaut.context.ApplicationContext;
import io.taskflow.functions.outbox.InvocationFlush;
import java.util.function.Supplier;

/**
 * What every function of this module does around its own translation: after the work, and whether it failed or not,
 * publishes the outbox rows the invocation committed, before the function returns (the platform may scale the
 * instance in as soon as it answers; the timer sweep relays whatever this could not).
 */
public final class Invocations {
    private Invocations() {}

    public static <T> T publishingAfter(ApplicationContext context, Supplier<T> work) {
        try {
            return work.get();
        } finally {
            context.getBean(InvocationFlush.class).flush();
        }
    }
}
