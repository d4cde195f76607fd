package io.taskflow.adapters.azure.testing;

import io.micronaut.context.ApplicationContext;
import io.taskflow.adapters.azure.function.FunctionApplication;
import io.taskflow.adapters.azure.http.ApiFunction;
import io.taskflow.testsupport.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * What the function tests of this JVM share, started once: a database of its own on the PostgreSQL at 127.0.0.1:5432
 * and the worker's one application context (Micronaut's Azure functions keep one per JVM), started by the first
 * function made, as in the worker. No Event Hubs runs here: the producer client's place is taken by {@link
 * RecordingSender}, and the triggers are fed the binding data the worker passes.
 */
public final class AzureTestStack {
    private static AzureTestStack instance;

    private final PostgresTestDatabase database;
    private final ApiFunction api;

    private AzureTestStack() {
        database = PostgresTestDatabase.create("taskflow_azure");
        api = new ApiFunction(FunctionApplication.builder(properties()));
        Runtime.getRuntime().addShutdownHook(new Thread(api::close));
    }

    public static synchronized AzureTestStack get() {
        if (instance == null) {
            instance = new AzureTestStack();
        }
        return instance;
    }

    /** The configuration of a function app instance, pointed at this stack. */
    private Map<String, Object> properties() {
        var p = new HashMap<String, Object>();
        p.put("datasources.default.url", database.url());
        p.put("datasources.default.username", PostgresTestDatabase.USER);
        p.put("datasources.default.password", "");
        p.put("datasources.default.driver-class-name", "org.postgresql.Driver");
        p.put("taskflow.secret.jwt-signing-secret", "azure-function-tests-signing-secret-0123456789abcdef");
        p.put("taskflow.secret.encryption-key", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        p.put("taskflow.azure.eventhubs.namespace", "taskflow-test.servicebus.windows.net");
        // Three attempts with millisecond waits: the in-function retry path runs in a test's time.
        p.put("taskflow.consumers.retry.max-attempts", "3");
        p.put("taskflow.consumers.retry.initial-backoff", "1ms");
        p.put("taskflow.consumers.retry.max-backoff", "4ms");
        return p;
    }

    public ApiFunction api() {
        return api;
    }

    public ApplicationContext context() {
        return api.getApplicationContext();
    }

    public RecordingSender sender() {
        return context().getBean(RecordingSender.class);
    }

    public Journal journal() {
        return context().getBean(Journal.class);
    }

    public Connection openDatabase() throws SQLException {
        return database.open();
    }

    public int count(String sql, String... parameters) throws SQLException {
        try (Connection db = openDatabase();
                var ps = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
