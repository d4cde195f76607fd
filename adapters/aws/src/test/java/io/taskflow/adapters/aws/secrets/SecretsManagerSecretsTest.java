package io.taskflow.adapters.aws.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskflow.adapters.aws.testing.AwsTestStack;
import java.sql.Connection;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

class SecretsManagerSecretsTest {
    private final AwsTestStack stack = AwsTestStack.get();

    @Test
    void theDatabaseCredentialsComeFromTheSecretNotFromTheConfiguration() throws Exception {
        DataSource dataSource = stack.context()
                .findBean(io.micronaut.jdbc.DataSourceResolver.class)
                .orElse(io.micronaut.jdbc.DataSourceResolver.DEFAULT)
                .resolve(stack.context().getBean(DataSource.class));

        try (Connection db = dataSource.getConnection();
                var rs = db.createStatement().executeQuery("SELECT current_user")) {
            rs.next();
            // The configured user is a wrong one; the secret names postgres.
            assertThat(rs.getString(1)).isEqualTo("postgres");
        }
    }

    @Test
    void aSecretIsKeptForItsTimeToLiveAndReadAgainOnceInvalidated() {
        String name = "probe-" + UUID.randomUUID();
        SecretsManagerClient client = stack.context().getBean(SecretsManagerClient.class);
        client.createSecret(r -> r.name("taskflow-test/" + name).secretString("first"));
        var secrets = new SecretsManagerSecrets(client, "taskflow-test/", Duration.ofHours(1));

        String before = secrets.find(name).orElseThrow();
        client.putSecretValue(r -> r.secretId("taskflow-test/" + name).secretString("rotated"));
        String cached = secrets.find(name).orElseThrow();
        secrets.invalidate();

        assertThat(before).isEqualTo("first");
        assertThat(cached).isEqualTo("first");
        assertThat(secrets.find(name)).contains("rotated");
    }

    @Test
    void aMissingSecretIsEmptyRatherThanAnError() {
        var secrets = new SecretsManagerSecrets(
                stack.context().getBean(SecretsManagerClient.class), "taskflow-test/", Duration.ofMinutes(5));

        assertThat(secrets.find("no-such-secret-" + UUID.randomUUID())).isEmpty();
    }
}
