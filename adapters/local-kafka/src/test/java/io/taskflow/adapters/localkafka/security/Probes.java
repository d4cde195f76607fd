package io.taskflow.adapters.localkafka.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.taskflow.adapters.localkafka.testing.Api;
import io.taskflow.adapters.localkafka.testing.TestStack;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** What every security probe checks: the right 4xx as problem+json, and nothing stored or published for the user. */
final class Probes {
    private Probes() {}

    static EmbeddedServer start(Map<String, Object> extra) {
        var properties = new HashMap<>(TestStack.get().properties());
        properties.putAll(extra);
        return ApplicationContext.run(EmbeddedServer.class, properties);
    }

    static Api api(EmbeddedServer server) {
        return new Api(server.getURI(), server.getApplicationContext().getBean(JsonMapper.class));
    }

    static void refused(Api.Response response, int status, String problemType) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(response.text("type")).isEqualTo("/problems/" + problemType);
    }

    /** The user's tasks, and the outbox rows about them or written for them. */
    static long tasksOf(UUID user) {
        return count("SELECT COUNT(*) FROM tasks WHERE owner_id = '" + user + "'");
    }

    static long eventsNaming(UUID user) {
        return count("SELECT COUNT(*) FROM outbox WHERE data LIKE '%" + user + "%'");
    }

    static long count(String sql) {
        try (var c = TestStack.get().openDatabase();
                var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
