package io.taskflow.adapters.aws.snapstart;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.BeanLocator;
import io.micronaut.context.annotation.Context;
import io.micronaut.jdbc.DataSourceResolver;
import io.taskflow.adapters.aws.secrets.SecretsManagerSecrets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets a function ready for a SnapStart snapshot. Before the checkpoint each handler's heavy path runs once (the
 * classes it loads, the code it warms, the serde it builds go into the snapshot instead of the first request), then
 * the database connections are closed, since a connection does not survive being restored. After a restore the
 * cached secrets are dropped: the snapshot may be older than a rotation. Kafka connections reconnect by themselves.
 */
@Context
public class Priming implements Resource {
    private static final Logger LOG = LoggerFactory.getLogger(Priming.class);

    /** One handler's priming: runs its path without changing data. */
    @FunctionalInterface
    public interface Primer {
        void prime() throws Exception;
    }

    private final BeanLocator beans;
    private final Map<String, Primer> primers = new LinkedHashMap<>();

    Priming(BeanLocator beans) {
        this.beans = beans;
        // The JVM's global CRaC context: a no-op where the JVM has no CRaC (tests, the local replay).
        Core.getGlobalContext().register(this);
    }

    public synchronized void add(String name, Primer primer) {
        primers.put(name, primer);
    }

    /** Runs every handler's primer; a primer that fails is logged and does not stop the snapshot. */
    public synchronized int prime() {
        int primed = 0;
        for (var entry : primers.entrySet()) {
            try {
                entry.getValue().prime();
                primed++;
            } catch (Exception e) {
                LOG.warn("priming {} failed: {}", entry.getKey(), e.toString());
            }
        }
        return primed;
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        int primed = prime();
        beans.getBeansOfType(DataSource.class).forEach(this::closeConnections);
        LOG.info("primed {} handler(s) for the snapshot; database connections closed", primed);
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        beans.findBean(SecretsManagerSecrets.class).ifPresent(SecretsManagerSecrets::invalidate);
    }

    /** The pool behind the transaction-aware proxy the context hands out. */
    private void closeConnections(DataSource dataSource) {
        DataSource target = beans.findBean(DataSourceResolver.class)
                .orElse(DataSourceResolver.DEFAULT)
                .resolve(dataSource);
        if (target instanceof HikariDataSource hikari && hikari.getHikariPoolMXBean() != null) {
            hikari.getHikariPoolMXBean().softEvictConnections();
        }
    }
}
