package io.taskflow.adapters.localkafka.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.taskflow.adapters.localkafka.testing.Api;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Admin endpoints need the ADMIN role, and a token whose header or claims were changed is no token at all: 401 or 403,
 * problem+json, nothing done.
 */
class AccessControlIT {
    static EmbeddedServer server;
    static Api api;
    static Api.User admin;
    static Api.User user;

    @BeforeAll
    static void start() {
        server = Probes.start(Map.of("taskflow.security.admin-emails", "root@admin.example"));
        api = Probes.api(server);
        admin = api.newUser("root@admin.example");
        user = api.newUser();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void givenAUserWithoutTheAdminRoleWhenTheyRedriveOrReadAdminEndpointsThenItIs403() {
        Probes.refused(api.post("/admin/dead-letters/notifications/redrive", user, null), 403, "forbidden");
        Probes.refused(api.get("/admin/dead-letters", user), 403, "forbidden");
        Probes.refused(api.get("/admin/audit/verify", user), 403, "forbidden");
        Probes.refused(api.send("POST", "/admin/dead-letters/notifications/redrive", null, null), 401, "unauthorized");
    }

    @Test
    void givenAnAdminWhenTheyReadTheAdminEndpointsThenTheyAreServed() {
        assertThat(api.get("/admin/audit/verify", admin).status()).isEqualTo(200);
        assertThat(api.get("/admin/dead-letters", admin).status()).isEqualTo(200);
    }

    @Test
    void givenAUserTokenRewrittenToClaimTheAdminRoleWhenUsedThenItIs401AndNothingIsDone() {
        String forged = withPayload(user.token(), p -> p.replace("\"roles\":[]", "\"roles\":[\"ADMIN\"]"));

        Probes.refused(api.send("GET", "/admin/dead-letters", forged, null), 401, "unauthorized");
    }

    @Test
    void givenATokenWithAlgNoneWhenUsedToCreateATaskThenItIs401AndNoTaskIsWritten() {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = user.token().split("\\.")[1];
        String unsigned = header + "." + payload + ".";

        var r = api.send("POST", "/tasks", unsigned, "{\"title\":\"unsigned\"}");

        Probes.refused(r, 401, "unauthorized");
        assertThat(Probes.tasksOf(user.id())).isZero();
    }

    @Test
    void givenATokenWhoseHeaderNamesAnotherKeyWhenUsedThenItIs401() {
        String[] parts = user.token().split("\\.");
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8)
                .replaceAll("\"kid\":\"[^\"]*\"", "\"kid\":\"../../etc/passwd\"");
        String forged = b64(header) + "." + parts[1] + "." + parts[2];

        Probes.refused(api.send("POST", "/tasks", forged, "{\"title\":\"kid\"}"), 401, "unauthorized");
        assertThat(Probes.tasksOf(user.id())).isZero();
    }

    private static String withPayload(String token, java.util.function.UnaryOperator<String> change) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String changed = change.apply(payload);
        assertThat(changed).isNotEqualTo(payload);
        return parts[0] + "." + b64(changed) + "." + parts[2];
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
