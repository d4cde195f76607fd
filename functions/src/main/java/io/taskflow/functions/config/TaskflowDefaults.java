package io.taskflow.functions.config;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Loads {@code taskflow-defaults.yml}, the settings every runtime shares (strict JSON, security rules, problem
 * details, endpoints), beneath the runtime's own {@code application.yml}, environment and system properties, so each
 * runtime states only what differs.
 */
@ContextConfigurer
public final class TaskflowDefaults implements ApplicationContextConfigurer {
    static final String RESOURCE = "taskflow-defaults.yml";
    /** Lower than every source Micronaut loads by itself: anything else overrides a default. */
    private static final int ORDER = Integer.MIN_VALUE + 100;

    @Override
    public void configure(ApplicationContextBuilder builder) {
        try (InputStream in = TaskflowDefaults.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            var values = new YamlPropertySourceLoader().read(RESOURCE, in);
            builder.propertySources(PropertySource.of(RESOURCE, values, ORDER));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
