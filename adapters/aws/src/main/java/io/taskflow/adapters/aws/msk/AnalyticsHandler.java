package io.taskflow.adapters.aws.msk;

import io.micronaut.context.ApplicationContext;
import io.taskflow.adapters.aws.function.FunctionApplication;
import io.taskflow.functions.analytics.AnalyticsConsumer;

/** The MSK trigger of the analytics consumer. */
public class AnalyticsHandler extends MskConsumerHandler {

    public AnalyticsHandler() {
        this(FunctionApplication.shared());
    }

    public AnalyticsHandler(ApplicationContext context) {
        super(context, AnalyticsConsumer.NAME);
    }
}
