package io.taskflow.adapters.gcp.testing;

import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.pubsub.v1.DeadLetterPolicy;
import com.google.pubsub.v1.PushConfig;
import com.google.pubsub.v1.Subscription;
import com.google.pubsub.v1.TopicName;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.taskflow.adapters.gcp.trigger.DeadLetterTopics;
import io.taskflow.core.event.EventType;
import io.taskflow.functions.serverless.FunctionApplication;
import io.taskflow.testsupport.PostgresTestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the function tests of this JVM share, started once: the real Pub/Sub emulator with the topics Terraform
 * declares, a database of its own on the PostgreSQL at 127.0.0.1:5432, a Secret Manager stand-in on its gRPC contract,
 * and one application context configured as a function is (the JWT key, the encryption key and the database password
 * read from Secret Manager; the configured password is wrong on purpose).
 */
public final class GcpTestStack {
    public static final String PROJECT = "taskflow-test";
    /** The consumers the tests deliver to: the four of the Google Cloud runtime and a probe that fails on request. */
    public static final List<String> CONSUMERS = List.of("notifications", "audit", "analytics", "recurrence", "probe");

    private static GcpTestStack instance;

    private final PubSubEmulator emulator;
    private final SecretManagerStandIn secrets;
    private final PostgresTestDatabase database;
    private final ApplicationContext context;
    private final TopicAdminClient topics;
    private final SubscriptionAdminClient subscriptions;

    private GcpTestStack() throws IOException {
        emulator = PubSubEmulator.start();
        topics = emulator.topics();
        subscriptions = emulator.subscriptions();
        for (EventType type : EventType.values()) {
            topics.createTopic(TopicName.of(PROJECT, type.typeName()));
        }
        CONSUMERS.forEach(c -> topics.createTopic(TopicName.of(PROJECT, DeadLetterTopics.of(c))));
        database = PostgresTestDatabase.create("taskflow_gcp");
        secrets = SecretManagerStandIn.start();
        secrets.put(PROJECT, "taskflow-jwt-signing-secret", "gcp-function-tests-signing-secret-0123456789abcdef");
        secrets.put(PROJECT, "taskflow-encryption-key", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        // Trust authentication: any password logs in, but the pool is only made once the secret was read.
        secrets.put(PROJECT, "taskflow-db-password", "password-from-secret-manager");
        context = FunctionApplication.start(properties());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // The context first: its publishers must not outlive the emulator.
            context.close();
            topics.close();
            subscriptions.close();
            secrets.stop();
            emulator.stop();
        }));
    }

    public static synchronized GcpTestStack get() {
        if (instance == null) {
            try {
                instance = new GcpTestStack();
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
        p.put("datasources.default.username", PostgresTestDatabase.USER);
        p.put("datasources.default.password", "not-the-password-from-the-secret");
        p.put("datasources.default.driver-class-name", "org.postgresql.Driver");
        p.put("taskflow.gcp.project-id", PROJECT);
        p.put("taskflow.gcp.pubsub.emulator-host", emulator.host());
        p.put("taskflow.gcp.secrets.endpoint", secrets.endpoint());
        p.put("taskflow.gcp.secrets.database-password", "taskflow-db-password");
        p.put("taskflow.consumers.retry.max-attempts", "3");
        return p;
    }

    public ApplicationContext context() {
        return context;
    }

    public SecretManagerStandIn secrets() {
        return secrets;
    }

    public SubscriptionAdminClient subscriptions() {
        return subscriptions;
    }

    public Eventarc eventarc() {
        return new Eventarc(context.getBean(JsonMapper.class), PROJECT);
    }

    /**
     * A new subscription to an event type's topic, with a dead-letter policy to the consumer's dead-letter topic when
     * {@code maxDeliveryAttempts} is above 0. A pull subscription (null endpoint) keeps order by key, as Terraform's do;
     * a push one does not: the emulator fails (NullPointerException in its ordered backlog) when it dead-letters from
     * an ordered subscription itself.
     */
    public String subscribe(String topic, String consumer, int maxDeliveryAttempts, String pushEndpoint) {
        String name = "test-" + UUID.randomUUID();
        var subscription = Subscription.newBuilder()
                .setName("projects/" + PROJECT + "/subscriptions/" + name)
                .setTopic(TopicName.of(PROJECT, topic).toString())
                .setAckDeadlineSeconds(10)
                .setEnableMessageOrdering(pushEndpoint == null);
        if (maxDeliveryAttempts > 0) {
            subscription.setDeadLetterPolicy(DeadLetterPolicy.newBuilder()
                    .setDeadLetterTopic(
                            TopicName.of(PROJECT, DeadLetterTopics.of(consumer)).toString())
                    .setMaxDeliveryAttempts(maxDeliveryAttempts));
        }
        if (pushEndpoint != null) {
            subscription.setPushConfig(PushConfig.newBuilder().setPushEndpoint(pushEndpoint));
        }
        subscriptions.createSubscription(subscription.build());
        return name;
    }

    public Connection openDatabase() throws SQLException {
        return database.open();
    }
}
