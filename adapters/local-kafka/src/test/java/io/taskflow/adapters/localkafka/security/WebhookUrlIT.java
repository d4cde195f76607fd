package io.taskflow.adapters.localkafka.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.taskflow.adapters.localkafka.testing.Api;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A webhook URL that would make the server call itself, the private network or the metadata service is refused. */
class WebhookUrlIT {
    static EmbeddedServer server;
    static Api api;

    @BeforeAll
    static void start() {
        server = Probes.start(Map.of());
        api = Probes.api(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:8080/admin",
                "http://localhost:5432/",
                "http://169.254.169.254/latest/meta-data/iam/",
                "http://10.0.0.1/internal",
                "http://[::1]/",
                "http://0.0.0.0/"
            })
    void givenAForbiddenWebhookUrlWhenSavedThenItIs400AndThePreferencesAreUnchanged(String url) {
        var ada = api.newUser();
        var before = api.get("/me/preferences", ada).body();

        var r = api.send(
                "PUT",
                "/me/preferences",
                ada.token(),
                "{\"channels\":[\"webhook\"],\"webhook\":{\"url\":\"" + url + "\"}}");

        Probes.refused(r, 400, "invalid-input");
        assertThat(r.text("detail")).contains("webhook.url");
        assertThat(api.get("/me/preferences", ada).body()).isEqualTo(before);
        assertThat(Probes.count("SELECT COUNT(*) FROM notification_preferences WHERE user_id = '" + ada.id() + "'"))
                .isZero();
    }
}
