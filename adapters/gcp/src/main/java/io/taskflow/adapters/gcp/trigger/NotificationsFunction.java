package io.taskflow.adapters.gcp.trigger;

import io.micronaut.context.ApplicationContext;
import io.taskflow.functions.notification.NotificationsConsumer;
import io.taskflow.functions.serverless.FunctionApplication;

/** The Pub/Sub trigger of the notifications consumer. */
public class NotificationsFunction extends PubSubConsumerFunction {

    /** The Functions Framework's entry: the function instance's shared context. */
    public NotificationsFunction() {
        this(FunctionApplication.shared());
    }

    public NotificationsFunction(ApplicationContext context) {
        super(context, NotificationsConsumer.NAME);
    }
}
