package io.taskflow.adapters.localkafka.dapr.secrets;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.annotation.NonNull;
import io.taskflow.adapters.localkafka.runtime.DaprRuntime;
import io.taskflow.core.port.Secrets;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

/**
 * The database password from the secret store ({@code db-password}) when {@code TASKFLOW_DB_PASSWORD} is not set, so
 * the deployment need not put it in an environment variable.
 */
@Singleton
@DaprRuntime
class DaprDatabasePassword implements BeanCreatedEventListener<DatasourceConfiguration> {
    static final String DB_PASSWORD = "db-password";

    private final Provider<Secrets> secrets;

    DaprDatabasePassword(Provider<Secrets> secrets) {
        this.secrets = secrets;
    }

    @Override
    public DatasourceConfiguration onCreated(@NonNull BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration datasource = event.getBean();
        if (datasource.getPassword() == null || datasource.getPassword().isEmpty()) {
            secrets.get().find(DB_PASSWORD).ifPresent(datasource::setPassword);
        }
        return datasource;
    }
}
