package io.taskflow.adapters.aws.msk;

import io.micronaut.context.ApplicationContext;
import io.taskflow.functions.notification.NotificationsConsumer;
import io.taskflow.functions.serverless.FunctionApplication;

/** The MSK trigger of the notifications consumer. */
public class NotificationsHandler extends MskConsumerHandler {

    public NotificationsHandler() {
        this(FunctionApplication.shared());
    }

    public NotificationsHandler(ApplicationContext context) {
        super(context, NotificationsConsumer.NAME);
    }
}
