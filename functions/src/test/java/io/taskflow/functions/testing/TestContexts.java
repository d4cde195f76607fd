package io.taskflow.functions.testing;

import io.micronaut.context.ApplicationContext;
import io.taskflow.functions.persistence.Migrations;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Starts the functions module's application context the way an embedded runtime would, on a private H2 database. */
public final class TestContexts {
    private TestContexts() {}

    /**
     * A started context; {@code overrides} are given to the context as its own properties, {@code singletons} as beans
     * (the ports a runtime fills in). Close it after use.
     */
    public static ApplicationContext start(Map<String, Object> overrides, Object... singletons) {
        var properties = new HashMap<String, Object>();
        properties.put(
                "datasources.default.url",
                "jdbc:h2:mem:t" + UUID.randomUUID().toString().replace("-", "")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        properties.put("datasources.default.driver-class-name", "org.h2.Driver");
        properties.put("flyway.datasources.default.locations", Migrations.H2);
        properties.put("taskflow.security.generate-secret-if-missing", true);
        properties.putAll(overrides);
        return ApplicationContext.builder(properties).singletons(singletons).start();
    }

    public static ApplicationContext start() {
        return start(Map.of());
    }
}
