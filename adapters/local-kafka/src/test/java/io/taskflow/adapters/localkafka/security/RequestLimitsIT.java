package io.taskflow.adapters.localkafka.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.taskflow.adapters.localkafka.testing.Api;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bodies, fields and pages are bounded: anything larger is a 4xx that changes nothing. */
class RequestLimitsIT {
    static EmbeddedServer server;
    static Api api;
    static Api.User ada;

    @BeforeAll
    static void start() {
        server = Probes.start(Map.of());
        api = Probes.api(server);
        ada = api.newUser();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void givenABodyOverOneMebibyteWhenPostedThenItIs413AndNothingIsWritten() {
        var r = api.post("/tasks", ada, "{\"title\":\"t\",\"description\":\"" + "x".repeat(1_100_000) + "\"}");

        Probes.refused(r, 413, "payload-too-large");
        assertThat(Probes.tasksOf(ada.id())).isZero();
    }

    @Test
    void givenFieldsLongerThanTheirLimitsWhenPostedThenItIs400NamingTheFieldAndNothingIsWritten() {
        Probes.refused(api.post("/tasks", ada, "{\"title\":\"" + "x".repeat(201) + "\"}"), 400, "invalid-input");
        Probes.refused(
                api.post("/tasks", ada, "{\"title\":\"t\",\"description\":\"" + "x".repeat(5001) + "\"}"),
                400,
                "invalid-input");
        var tags = new StringBuilder("[");
        for (int i = 0; i < 21; i++) {
            tags.append(i == 0 ? "" : ",").append("\"t").append(i).append('"');
        }
        Probes.refused(api.post("/tasks", ada, "{\"title\":\"t\",\"tags\":" + tags + "]}"), 400, "invalid-input");
        assertThat(Probes.tasksOf(ada.id())).isZero();
        assertThat(Probes.count("SELECT COUNT(*) FROM outbox WHERE event_type LIKE 'task.%' AND data LIKE '%" + ada.id()
                        + "%'"))
                .isZero();
    }

    @Test
    void givenAPageSizeOverTheCapWhenListingThenItIs400() {
        Probes.refused(api.get("/tasks?limit=101", ada), 400, "invalid-input");
        Probes.refused(api.get("/tasks?limit=100000", ada), 400, "invalid-input");
        Probes.refused(api.get("/audit?subject=" + ada.id() + "&limit=201", ada), 400, "invalid-input");
        assertThat(api.get("/tasks?limit=100", ada).status()).isEqualTo(200);
    }
}
