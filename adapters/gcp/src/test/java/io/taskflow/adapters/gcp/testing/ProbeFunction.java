package io.taskflow.adapters.gcp.testing;

import io.micronaut.context.ApplicationContext;
import io.taskflow.adapters.gcp.trigger.PubSubConsumerFunction;

/** The Pub/Sub trigger of the probe consumer, made like the real ones. */
public class ProbeFunction extends PubSubConsumerFunction {
    public ProbeFunction(ApplicationContext context) {
        super(context, ProbeConsumer.NAME);
    }
}
