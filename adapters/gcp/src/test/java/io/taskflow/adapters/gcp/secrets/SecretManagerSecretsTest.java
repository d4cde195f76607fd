package io.taskflow.adapters.gcp.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.secretmanager.v1.SecretManagerServiceClient;
import io.taskflow.adapters.gcp.testing.GcpTestStack;
import io.taskflow.adapters.gcp.testing.SecretManagerStandIn;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SecretManagerSecretsTest {
    private static SecretManagerStandIn service;
    private static SecretManagerServiceClient client;

    @BeforeAll
    static void start() {
        GcpTestStack stack = GcpTestStack.get();
        service = stack.secrets();
        client = stack.context().getBean(SecretManagerServiceClient.class);
    }

    @Test
    void aSecretIsTheLatestVersionOfThePrefixedSecretInTheProject() {
        String name = "api-key-" + UUID.randomUUID();
        service.put(GcpTestStack.PROJECT, "taskflow-" + name, "s3cr3t");
        var secrets = new SecretManagerSecrets(
                client, GcpTestStack.PROJECT, "taskflow-", Duration.ofMinutes(5), Clock.systemUTC());

        assertThat(secrets.find(name)).hasValue("s3cr3t");
        assertThat(service.accessed())
                .contains("projects/" + GcpTestStack.PROJECT + "/secrets/taskflow-" + name + "/versions/latest");
    }

    @Test
    void aSecretThatDoesNotExistIsAbsentRatherThanAnError() {
        var secrets = new SecretManagerSecrets(
                client, GcpTestStack.PROJECT, "taskflow-", Duration.ofMinutes(5), Clock.systemUTC());

        assertThat(secrets.find("never-created-" + UUID.randomUUID())).isEmpty();
    }

    @Test
    void aValueIsKeptForTheCacheTimeThenReadAgainSoANewVersionIsSeen() {
        String name = "rotating-" + UUID.randomUUID();
        service.put(GcpTestStack.PROJECT, "taskflow-" + name, "first");
        var clock = new MovableClock(Instant.parse("2026-11-25T10:00:00Z"));
        var secrets = new SecretManagerSecrets(client, GcpTestStack.PROJECT, "taskflow-", Duration.ofMinutes(5), clock);
        assertThat(secrets.find(name)).hasValue("first");
        service.put(GcpTestStack.PROJECT, "taskflow-" + name, "second");

        String cached = secrets.find(name).orElseThrow();
        clock.now = clock.now.plus(Duration.ofMinutes(6));
        String after = secrets.find(name).orElseThrow();

        assertThat(cached).isEqualTo("first");
        assertThat(after).isEqualTo("second");
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
