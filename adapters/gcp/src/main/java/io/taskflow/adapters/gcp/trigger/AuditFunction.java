package io.taskflow.adapters.gcp.trigger;

import io.micronaut.context.ApplicationContext;
import io.taskflow.functions.audit.AuditConsumer;
import io.taskflow.functions.serverless.FunctionApplication;

/** The Pub/Sub trigger of the audit consumer. */
public class AuditFunction extends PubSubConsumerFunction {

    /** The Functions Framework's entry: the function instance's shared context. */
    public AuditFunction() {
        this(FunctionApplication.shared());
    }

    public AuditFunction(ApplicationContext context) {
        super(context, AuditConsumer.NAME);
    }
}
