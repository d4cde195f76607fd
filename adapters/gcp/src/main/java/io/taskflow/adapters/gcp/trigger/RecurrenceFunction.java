package io.taskflow.adapters.gcp.trigger;

import io.micronaut.context.ApplicationContext;
import io.taskflow.functions.recurrence.RecurrenceConsumer;
import io.taskflow.functions.serverless.FunctionApplication;

/** The Pub/Sub trigger of the recurrence consumer. */
public class RecurrenceFunction extends PubSubConsumerFunction {

    /** The Functions Framework's entry: the function instance's shared context. */
    public RecurrenceFunction() {
        this(FunctionApplication.shared());
    }

    public RecurrenceFunction(ApplicationContext context) {
        super(context, RecurrenceConsumer.NAME);
    }
}
