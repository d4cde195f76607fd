package io.taskflow.functions.health;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import javax.sql.DataSource;
import org.reactivestreams.Publisher;

/**
 * {@code database}: a connection from the pool answers a validity check. In place of Micronaut's JDBC indicator, which
 * waits as long as the pool does (30 s) and shows the JDBC URL, where credentials may be written.
 */
@Singleton
@Readiness
public class DatabaseHealthIndicator implements HealthIndicator {
    static final String NAME = "database";

    private final CachedProbe probe;

    @Inject
    DatabaseHealthIndicator(DataSource dataSource, DataSourceResolver resolver, HealthProbes probes) {
        // The pool itself, not the bean that hands out the current transaction's connection: a probe has none.
        this(resolver.resolve(dataSource), probes);
    }

    DatabaseHealthIndicator(DataSource pool, HealthProbes probes) {
        int validSeconds = (int) Math.max(1, probes.timeout().toSeconds());
        this.probe = probes.probe(NAME, () -> check(pool, validSeconds));
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.fromCompletableFuture(probe::result);
    }

    private static HealthResult check(DataSource dataSource, int validSeconds) {
        try (Connection c = dataSource.getConnection()) {
            if (!c.isValid(validSeconds)) {
                throw new SQLException("the connection did not answer a validity check");
            }
            var meta = c.getMetaData();
            var details = new LinkedHashMap<String, Object>();
            details.put("database", meta.getDatabaseProductName());
            details.put("version", meta.getDatabaseProductVersion());
            return HealthResult.builder(NAME, HealthStatus.UP).details(details).build();
        } catch (SQLException e) {
            return CachedProbe.down(NAME, e);
        }
    }
}
