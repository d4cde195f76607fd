package io.taskflow.deploy;

import io.taskflow.core.event.EventType;
import io.taskflow.functions.analytics.AnalyticsConsumer;
import io.taskflow.functions.audit.AuditConsumer;
import io.taskflow.functions.notification.NotificationsConsumer;
import io.taskflow.functions.recurrence.RecurrenceConsumer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The names the deployment files share with the application (the Dapr naming contract): consumer names, app ids,
 * component names, secret names, and the topics, taken from the code where the code defines them.
 */
final class Contract {
    private Contract() {}

    /** The consumer names TASKFLOW_CONSUMERS takes, one process each in a split deployment. */
    static final List<String> CONSUMERS = List.of("notifications", "audit", "analytics", "recurrence", "livefeed");

    /** The consumers that keep state, and so have a dead-letter topic; named as the code names them. */
    static final List<String> STATEFUL_CONSUMERS =
            List.of(NotificationsConsumer.NAME, AuditConsumer.NAME, AnalyticsConsumer.NAME, RecurrenceConsumer.NAME);

    static final String PUBSUB = "taskflow-pubsub";
    static final String STATE_STORE = "taskflow-state";
    static final String SECRET_STORE = "taskflow-secrets";
    static final String RESILIENCY = "taskflow-resiliency";
    static final List<String> CRON_BINDINGS = List.of(
            "taskflow-cron-outbox-sweep", "taskflow-cron-reminders", "taskflow-cron-digest", "taskflow-cron-cleanup");
    static final Set<String> SECRETS = Set.of("jwt-signing-secret", "db-password", "smtp-password", "encryption-key");

    static final String APP_PORT = "8080";
    static final String DAPR_HTTP_PORT = "3500";
    static final String DAPR_GRPC_PORT = "50001";

    /** Environment variables the contract adds to the application's own. */
    static final Set<String> ENVIRONMENT =
            Set.of("TASKFLOW_RUNTIME", "TASKFLOW_CONSUMERS", "DAPR_HTTP_PORT", "DAPR_GRPC_PORT");

    static Set<String> components() {
        var names = new TreeSet<>(List.of(PUBSUB, STATE_STORE, SECRET_STORE));
        names.addAll(CRON_BINDINGS);
        return names;
    }

    static String appId(String process) {
        return "taskflow-" + process;
    }

    /** The API and every consumer, as app ids. */
    static Set<String> appIds() {
        var ids = new TreeSet<String>();
        ids.add(appId("api"));
        CONSUMERS.forEach(c -> ids.add(appId(c)));
        return ids;
    }

    /** The eight event types (one topic each) and each stateful consumer's dead-letter topic. */
    static Set<String> topics() {
        var topics = new TreeSet<String>();
        Arrays.stream(EventType.values()).map(EventType::typeName).forEach(topics::add);
        for (String consumer : STATEFUL_CONSUMERS) {
            topics.add("taskflow.dlq." + consumer);
        }
        return topics;
    }

    static List<String> eventTopics() {
        var topics = new ArrayList<String>();
        Arrays.stream(EventType.values()).map(EventType::typeName).forEach(topics::add);
        return topics;
    }
}
