package io.taskflow.adapters.localkafka.runtime;

import io.micronaut.context.annotation.Requires;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A bean of the Dapr runtime ({@code TASKFLOW_RUNTIME=dapr}): absent in the Kafka runtime. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Requires(property = Runtimes.PROPERTY, value = Runtimes.DAPR)
public @interface DaprRuntime {}
