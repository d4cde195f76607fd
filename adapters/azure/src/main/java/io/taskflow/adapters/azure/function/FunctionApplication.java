package io.taskflow.adapters.azure.function;

import io.micronaut.azure.function.AzureFunction;
import io.micronaut.context.ApplicationContextBuilder;
import java.util.Map;

/**
 * How the one application context of a function app's worker is made. Every function class of this module extends
 * Micronaut's {@link AzureFunction}, which keeps a single context per worker JVM, started by the first function the
 * worker makes; every later instance (the Java worker may make one per invocation) shares it.
 */
public final class FunctionApplication {
    private FunctionApplication() {}

    /**
     * The builder of that context with extra properties, for the local replay and the tests: as in the worker,
     * configuration comes from the environment, and cloud environment deduction stays off (it would probe metadata
     * endpoints at a cold start).
     */
    public static ApplicationContextBuilder builder(Map<String, Object> properties) {
        return AzureFunction.defaultApplicationContextBuilder().properties(properties);
    }
}
