package io.taskflow.functions.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.taskflow.functions.testing.TestContexts;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TaskflowDefaultsTest {

    @Test
    void givenAStartedContext_whenItsSettingsAreRead_thenTheSharedDefaultsAreInEffect() {
        try (ApplicationContext context = TestContexts.start()) {
            assertThat(context.getProperty("micronaut.serde.deserialization.ignore-unknown", Boolean.class))
                    .contains(false);
            assertThat(context.getProperty("micronaut.server.max-request-size", Long.class))
                    .contains(1_048_576L);
            assertThat(context.getProperty("datasources.default.maximum-pool-size", Integer.class))
                    .contains(20);
        }
    }

    @Test
    void givenAPropertyGivenToTheContext_whenRead_thenItOverridesTheDefault() {
        try (ApplicationContext context = TestContexts.start(Map.of("micronaut.server.max-request-size", 2048))) {
            assertThat(context.getProperty("micronaut.server.max-request-size", Long.class))
                    .contains(2048L);
            assertThat(context.getProperty("micronaut.serde.deserialization.ignore-unknown", Boolean.class))
                    .as("the other defaults still apply")
                    .contains(false);
        }
    }

    @Test
    void givenASystemPropertyNamingADefaultedSetting_whenAContextStarts_thenTheSystemPropertyWins() {
        String key = "micronaut.server.max-request-size";
        String previous = System.getProperty(key);
        System.setProperty(key, "4096");
        try (ApplicationContext context = TestContexts.start()) {
            assertThat(context.getProperty(key, Long.class)).isEqualTo(Optional.of(4096L));
        } finally {
            if (previous == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, previous);
            }
        }
    }
}
