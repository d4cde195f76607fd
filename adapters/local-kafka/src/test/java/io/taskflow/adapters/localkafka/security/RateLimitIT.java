package io.taskflow.adapters.localkafka.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.taskflow.adapters.localkafka.testing.Api;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Writes are limited per user and logins per address and per e-mail: over a limit, 429 with Retry-After, no change. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitIT {
    static EmbeddedServer server;
    static Api api;

    @BeforeAll
    static void start() {
        server = Probes.start(Map.of(
                "taskflow.rate-limit.writes.permits",
                3,
                "taskflow.rate-limit.writes.period",
                "1h",
                "taskflow.rate-limit.login-by-email.permits",
                2,
                "taskflow.rate-limit.login-by-email.period",
                "1h",
                // Registering and logging in the users of this class fit; the probe below goes over.
                "taskflow.rate-limit.auth-by-address.permits",
                12,
                "taskflow.rate-limit.auth-by-address.period",
                "1h"));
        api = Probes.api(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @Order(1)
    void givenAUserWhoUsedTheirWritesWhenTheyCreateAnotherTaskThenItIs429WithRetryAfterAndNothingIsWritten() {
        var ada = api.newUser();
        var bob = api.newUser();
        for (int i = 0; i < 3; i++) {
            api.createTask(ada, "task " + i);
        }
        long events = Probes.eventsNaming(ada.id());

        var refused = api.post("/tasks", ada, "{\"title\":\"one too many\"}");

        Probes.refused(refused, 429, "rate-limited");
        assertThat(refused.header("Retry-After"))
                .hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, 3600L));
        assertThat(Probes.tasksOf(ada.id())).isEqualTo(3);
        assertThat(Probes.eventsNaming(ada.id())).isEqualTo(events);
        // Another user's allowance is their own; reads are not limited.
        assertThat(api.post("/tasks", bob, "{\"title\":\"bob's\"}").status()).isEqualTo(201);
        assertThat(api.get("/tasks", ada).status()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void givenRepeatedLoginsForOneEmailWhenTheLimitIsReachedThenItIs429EvenWithTheRightPassword() {
        var carol = api.newUser(); // its login used one of the two
        String body = "{\"email\":\"" + carol.email() + "\",\"password\":\"correct-horse\"}";
        assertThat(api.send("POST", "/auth/login", null, body).status()).isEqualTo(200);

        var refused = api.send("POST", "/auth/login", null, body);

        Probes.refused(refused, 429, "rate-limited");
        assertThat(refused.header("Retry-After")).isPresent();
        assertThat(Probes.count("SELECT COUNT(*) FROM outbox WHERE event_type = 'user.authenticated' AND data LIKE '%"
                        + carol.id() + "%'"))
                .isEqualTo(2);
    }

    /** Last: it spends what is left of this address's allowance. */
    @Test
    @Order(3)
    void givenManyRegistrationsFromOneAddressWhenTheLimitIsReachedThenItIs429AndNoUserIsStored() {
        Api.Response last = null;
        String email = null;
        for (int i = 0; i < 13; i++) {
            email = "flood-" + UUID.randomUUID() + "@example.com";
            last = api.send(
                    "POST",
                    "/auth/register",
                    null,
                    "{\"email\":\"" + email + "\",\"password\":\"correct-horse\",\"displayName\":\"F\"}");
            if (last.status() == 429) {
                break;
            }
        }

        Probes.refused(last, 429, "rate-limited");
        assertThat(Probes.count("SELECT COUNT(*) FROM users WHERE email = '" + email + "'"))
                .isZero();
    }
}
