package io.taskflow.adapters.localkafka.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.taskflow.adapters.localkafka.testing.Api;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CORS is closed unless configuration names the sites that may call the API from a browser. */
class CorsIT {

    @Test
    void givenTheDefaultsWhenAnotherSiteAsksToCallTheApiThenNoCorsHeaderAllowsItAndNothingIsCreated() {
        try (EmbeddedServer server = Probes.start(Map.of())) {
            var api = Probes.api(server);
            var ada = api.newUser();

            var preflight = preflight(api, "https://evil.example");
            var cross = api.post("/tasks", ada, "{\"title\":\"from another site\"}", "Origin", "https://evil.example");

            assertThat(preflight.header("Access-Control-Allow-Origin")).isEmpty();
            assertThat(cross.header("Access-Control-Allow-Origin")).isEmpty();
            // Without CORS headers the browser hides the answer from the calling page and never sends a preflighted
            // request; the server itself still serves same-origin and non-browser clients.
            assertThat(preflight.header("Access-Control-Allow-Methods")).isEmpty();
        }
    }

    @Test
    void givenAnAllowListWhenASiteOnItAsksThenItIsAllowedAndASiteOffItIsRefused() {
        try (EmbeddedServer server = Probes.start(Map.of(
                "micronaut.server.cors.enabled",
                true,
                "micronaut.server.cors.configurations.web.allowed-origins",
                List.of("https://app.example")))) {
            var api = Probes.api(server);
            var ada = api.newUser();
            long before = Probes.tasksOf(ada.id());

            var allowed = preflight(api, "https://app.example");
            var refused = preflight(api, "https://evil.example");
            var refusedWrite =
                    api.post("/tasks", ada, "{\"title\":\"from another site\"}", "Origin", "https://evil.example");

            assertThat(allowed.status()).isEqualTo(200);
            assertThat(allowed.header("Access-Control-Allow-Origin")).contains("https://app.example");
            assertThat(refused.header("Access-Control-Allow-Origin")).isEmpty();
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refusedWrite.status()).isEqualTo(403);
            assertThat(refusedWrite.header("Access-Control-Allow-Origin")).isEmpty();
            assertThat(Probes.tasksOf(ada.id())).isEqualTo(before);
        }
    }

    private static Api.Response preflight(Api api, String origin) {
        return api.send(
                "OPTIONS",
                "/tasks",
                null,
                null,
                "Origin",
                origin,
                "Access-Control-Request-Method",
                "POST",
                "Access-Control-Request-Headers",
                "authorization,content-type");
    }
}
