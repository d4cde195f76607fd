package io.taskflow.adapters.aws.testing;

import io.micronaut.context.ApplicationContext;
import io.taskflow.adapters.aws.msk.MskConsumerHandler;

/** The MSK trigger of the probe consumer, made like the real ones. */
public class ProbeHandler extends MskConsumerHandler {
    public ProbeHandler(ApplicationContext context) {
        super(context, ProbeConsumer.NAME);
    }
}
