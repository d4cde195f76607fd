package io.taskflow.adapters.aws.testing;

import io.micronaut.context.ApplicationContext;
import io.taskflow.core.event.EventType;
import io.taskflow.functions.serverless.FunctionApplication;
import io.taskflow.kafka.records.ConsumerTopics;
import io.taskflow.kafka.records.EmbeddedKafkaBroker;
import io.taskflow.testsupport.FreePorts;
import io.taskflow.testsupport.PostgresTestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * What the handler tests of this JVM share, started once: a real Kafka broker in the JVM with the topics Terraform
 * declares on MSK, a database of its own on the PostgreSQL at 127.0.0.1:5432, moto for Secrets Manager and EventBridge
 * Scheduler, and one application context configured as a function is (the JWT key and the database credentials read
 * from Secrets Manager; the configured database user is wrong on purpose).
 */
public final class AwsTestStack {
    public static final String REGION = "us-east-1";
    /** The consumers the tests deliver to: the four of the AWS runtime and a probe that fails on request. */
    public static final List<String> CONSUMERS = List.of("notifications", "audit", "analytics", "recurrence", "probe");

    private static AwsTestStack instance;

    private final EmbeddedKafkaBroker broker;
    private final Moto moto;
    private final PostgresTestDatabase database;
    private final ApplicationContext context;

    private AwsTestStack() throws IOException {
        Path workDir = Files.createTempDirectory("taskflow-aws-test");
        moto = Moto.start();
        // The SDK's default credentials and region, as a function has them from its environment.
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        System.setProperty("aws.region", REGION);
        broker = new EmbeddedKafkaBroker(workDir.resolve("kafka"), FreePorts.free(), FreePorts.free()).start();
        createTopics();
        database = PostgresTestDatabase.create("taskflow_aws");
        try (SecretsManagerClient secrets = secretsManager()) {
            secrets.createSecret(r -> r.name("taskflow/jwt-signing-secret")
                    .secretString("aws-handler-tests-signing-secret-0123456789abcdef"));
            secrets.createSecret(r ->
                    r.name("taskflow/encryption-key").secretString("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="));
            secrets.createSecret(
                    r -> r.name("taskflow/database").secretString("{\"username\":\"postgres\",\"password\":\"\"}"));
        }
        context = FunctionApplication.start(properties());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // The context first: its producer must not outlive the broker.
            context.close();
            broker.stop();
            moto.stop();
        }));
    }

    public static synchronized AwsTestStack get() {
        if (instance == null) {
            try {
                instance = new AwsTestStack();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** The configuration of a function instance, pointed at this stack. */
    public Map<String, Object> properties() {
        var p = new HashMap<String, Object>();
        p.put("datasources.default.url", database.url());
        p.put("datasources.default.username", "not-the-user-from-the-secret");
        p.put("datasources.default.password", "not-the-password-from-the-secret");
        p.put("datasources.default.driver-class-name", "org.postgresql.Driver");
        p.put("kafka.bootstrap.servers", broker.bootstrapServers());
        p.put("taskflow.msk.iam-auth", "false");
        p.put("taskflow.aws.endpoint-override", moto.endpoint());
        p.put("taskflow.aws.region", REGION);
        p.put("taskflow.aws.secrets.database", "taskflow/database");
        p.put("taskflow.consumers.retry.max-attempts", "3");
        return p;
    }

    public ApplicationContext context() {
        return context;
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public String motoEndpoint() {
        return moto.endpoint();
    }

    public SecretsManagerClient secretsManager() {
        return SecretsManagerClient.builder()
                .endpointOverride(URI.create(moto.endpoint()))
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    public Connection openDatabase() throws SQLException {
        return database.open();
    }

    private void createTopics() {
        var names = new ArrayList<String>();
        for (EventType type : EventType.values()) {
            names.add(type.typeName());
        }
        CONSUMERS.forEach(c -> names.add(ConsumerTopics.deadLetters(c)));
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(names.stream()
                            .map(n -> new NewTopic(n, 3, (short) 1))
                            .toList())
                    .all()
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the topics", e);
        }
    }
}
