package io.taskflow.adapters.gcp.trigger;

import io.micronaut.context.ApplicationContext;
import io.taskflow.functions.analytics.AnalyticsConsumer;
import io.taskflow.functions.serverless.FunctionApplication;

/** The Pub/Sub trigger of the analytics consumer. */
public class AnalyticsFunction extends PubSubConsumerFunction {

    /** The Functions Framework's entry: the function instance's shared context. */
    public AnalyticsFunction() {
        this(FunctionApplication.shared());
    }

    public AnalyticsFunction(ApplicationContext context) {
        super(context, AnalyticsConsumer.NAME);
    }
}
