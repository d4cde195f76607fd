package io.taskflow.adapters.aws.msk;

import io.micronaut.context.ApplicationContext;
import io.taskflow.functions.analytics.AnalyticsConsumer;
import io.taskflow.functions.serverless.FunctionApplication;

/** The MSK trigger of the analytics consumer. */
public class AnalyticsHandler extends MskConsumerHandler {

    public AnalyticsHandler() {
        this(FunctionApplication.shared());
    }

    public AnalyticsHandler(ApplicationContext context) {
        super(context, AnalyticsConsumer.NAME);
    }
}
