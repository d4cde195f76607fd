package io.taskflow.adapters.aws.msk;

import io.micronaut.context.ApplicationContext;
import io.taskflow.functions.recurrence.RecurrenceConsumer;
import io.taskflow.functions.serverless.FunctionApplication;

/** The MSK trigger of the recurrence consumer. */
public class RecurrenceHandler extends MskConsumerHandler {

    public RecurrenceHandler() {
        this(FunctionApplication.shared());
    }

    public RecurrenceHandler(ApplicationContext context) {
        super(context, RecurrenceConsumer.NAME);
    }
}
