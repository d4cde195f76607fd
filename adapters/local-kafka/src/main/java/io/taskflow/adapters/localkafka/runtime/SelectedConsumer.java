package io.taskflow.adapters.localkafka.runtime;

import io.micronaut.context.annotation.Requires;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The bean delivers events to the named consumer: it exists only when {@code taskflow.consumers.enabled}
 * ({@code TASKFLOW_CONSUMERS}) selects that consumer.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Requires(condition = SelectedConsumerCondition.class)
public @interface SelectedConsumer {
    /** The consumer's name, as {@link io.taskflow.functions.consumer.EventConsumer#name()} gives it. */
    String value();
}
