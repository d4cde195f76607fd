package io.taskflow.functions.serverless;

import io.micronaut.context.ApplicationContext;
import java.util.Map;

/**
 * The one application context of a function instance. A serverless platform (Lambda, Cloud Functions) loads one
 * entry-point class per function and keeps the instance warm between invocations, so the context is built once, on the
 * first handler made (during the init phase, which SnapStart snapshots on AWS), and shared by every invocation after
 * it.
 */
public final class FunctionApplication {
    private static ApplicationContext shared;

    private FunctionApplication() {}

    /** The instance's context, started on first use from the environment (variables, system properties). */
    public static synchronized ApplicationContext shared() {
        if (shared == null || !shared.isRunning()) {
            shared = start(Map.of());
        }
        return shared;
    }

    /**
     * A context with extra properties, for the local replay and the tests. Cloud environment deduction is off: it would
     * probe instance metadata endpoints, which a function neither needs nor can afford at a cold start.
     */
    public static ApplicationContext start(Map<String, Object> properties) {
        return ApplicationContext.builder()
                .deduceEnvironment(false)
                .properties(properties)
                .start();
    }
}
