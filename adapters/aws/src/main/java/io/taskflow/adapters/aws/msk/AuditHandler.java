package io.taskflow.adapters.aws.msk;

import io.micronaut.context.ApplicationContext;
import io.taskflow.functions.audit.AuditConsumer;
import io.taskflow.functions.serverless.FunctionApplication;

/** The MSK trigger of the audit consumer. */
public class AuditHandler extends MskConsumerHandler {

    public AuditHandler() {
        this(FunctionApplication.shared());
    }

    public AuditHandler(ApplicationContext context) {
        super(context, AuditConsumer.NAME);
    }
}
