package io.taskflow.adapters.localkafka.runtime;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;
import io.taskflow.functions.consumer.ConsumerSelection;

/** Reads {@link SelectedConsumer} on the bean and the selection from the configuration. */
public final class SelectedConsumerCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context) {
        String consumer = context.getComponent()
                .getAnnotationMetadata()
                .stringValue(SelectedConsumer.class)
                .orElseThrow(() -> new IllegalStateException("@SelectedConsumer needs a consumer name"));
        String setting =
                context.getProperty(ConsumerSelection.PROPERTY, String.class).orElse(ConsumerSelection.ALL);
        if (ConsumerSelection.parse(setting).runs(consumer)) {
            return true;
        }
        context.fail("consumer " + consumer + " is not selected by " + ConsumerSelection.PROPERTY + "=" + setting);
        return false;
    }
}
