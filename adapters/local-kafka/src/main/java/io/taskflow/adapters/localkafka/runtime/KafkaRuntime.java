package io.taskflow.adapters.localkafka.runtime;

import io.micronaut.context.annotation.Requires;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A bean of the Kafka runtime ({@code TASKFLOW_RUNTIME=kafka}, the default): absent in the Dapr runtime. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Requires(property = Runtimes.PROPERTY, value = Runtimes.KAFKA, defaultValue = Runtimes.KAFKA)
public @interface KafkaRuntime {}
