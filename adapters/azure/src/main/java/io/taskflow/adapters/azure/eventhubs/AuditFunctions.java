package io.taskflow.adapters.azure.eventhubs;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.Cardinality;
import com.microsoft.azure.functions.annotation.EventHubTrigger;
import com.microsoft.azure.functions.annotation.ExponentialBackoffRetry;
import com.microsoft.azure.functions.annotation.FunctionName;
import io.micronaut.context.ApplicationContextBuilder;
import io.taskflow.functions.audit.AuditConsumer;
import java.util.List;
import java.util.Map;

/** The Event Hubs triggers of the audit consumer, one per event type it reads. */
public class AuditFunctions extends EventHubsFunction {

    /** The worker's entry. */
    public AuditFunctions() {
        super();
    }

    public AuditFunctions(ApplicationContextBuilder builder) {
        super(builder);
    }

    @Override
    public String consumer() {
        return AuditConsumer.NAME;
    }

    @FunctionName("audit-task-created")
    @ExponentialBackoffRetry(maxRetryCount = -1, minimumInterval = "00:00:05", maximumInterval = "00:05:00")
    public void taskCreated(
            @EventHubTrigger(
                            name = "events",
                            eventHubName = "task.created",
                            consumerGroup = AuditConsumer.NAME,
                            connection = CONNECTION,
                            cardinality = Cardinality.MANY,
                            dataType = "string")
                    List<String> events,
            @BindingName("PropertiesArray") Map<String, Object>[] properties,
            @BindingName("SystemPropertiesArray") Map<String, Object>[] systemProperties,
            @BindingName("PartitionContext") Map<String, Object> partitionContext,
            ExecutionContext context) {
        deliver("task.created", events, properties, systemProperties, partitionContext);
    }

    @FunctionName("audit-task-updated")
    @ExponentialBackoffRetry(maxRetryCount = -1, minimumInterval = "00:00:05", maximumInterval = "00:05:00")
    public void taskUpdated(
            @EventHubTrigger(
                            name = "events",
                            eventHubName = "task.updated",
                            consumerGroup = AuditConsumer.NAME,
                            connection = CONNECTION,
                            cardinality = Cardinality.MANY,
                            dataType = "string")
                    List<String> events,
            @BindingName("PropertiesArray") Map<String, Object>[] properties,
            @BindingName("SystemPropertiesArray") Map<String, Object>[] systemProperties,
            @BindingName("PartitionContext") Map<String, Object> partitionContext,
            ExecutionContext context) {
        deliver("task.updated", events, properties, systemProperties, partitionContext);
    }

    @FunctionName("audit-task-completed")
    @ExponentialBackoffRetry(maxRetryCount = -1, minimumInterval = "00:00:05", maximumInterval = "00:05:00")
    public void taskCompleted(
            @EventHubTrigger(
                            name = "events",
                            eventHubName = "task.completed",
                            consumerGroup = AuditConsumer.NAME,
                            connection = CONNECTION,
                            cardinality = Cardinality.MANY,
                            dataType = "string")
                    List<String> events,
            @BindingName("PropertiesArray") Map<String, Object>[] properties,
            @BindingName("SystemPropertiesArray") Map<String, Object>[] systemProperties,
            @BindingName("PartitionContext") Map<String, Object> partitionContext,
            ExecutionContext context) {
        deliver("task.completed", events, properties, systemProperties, partitionContext);
    }

    @FunctionName("audit-task-deleted")
    @ExponentialBackoffRetry(maxRetryCount = -1, minimumInterval = "00:00:05", maximumInterval = "00:05:00")
    public void taskDeleted(
            @EventHubTrigger(
                            name = "events",
                            eventHubName = "task.deleted",
                            consumerGroup = AuditConsumer.NAME,
                            connection = CONNECTION,
                            cardinality = Cardinality.MANY,
                            dataType = "string")
                    List<String> events,
            @BindingName("PropertiesArray") Map<String, Object>[] properties,
            @BindingName("SystemPropertiesArray") Map<String, Object>[] systemProperties,
            @BindingName("PartitionContext") Map<String, Object> partitionContext,
            ExecutionContext context) {
        deliver("task.deleted", events, properties, systemProperties, partitionContext);
    }

    @FunctionName("audit-user-registered")
    @ExponentialBackoffRetry(maxRetryCount = -1, minimumInterval = "00:00:05", maximumInterval = "00:05:00")
    public void userRegistered(
            @EventHubTrigger(
                            name = "events",
                            eventHubName = "user.registered",
                            consumerGroup = AuditConsumer.NAME,
                            connection = CONNECTION,
                            cardinality = Cardinality.MANY,
                            dataType = "string")
                    List<String> events,
            @BindingName("PropertiesArray") Map<String, Object>[] properties,
            @BindingName("SystemPropertiesArray") Map<String, Object>[] systemProperties,
            @BindingName("PartitionContext") Map<String, Object> partitionContext,
            ExecutionContext context) {
        deliver("user.registered", events, properties, systemProperties, partitionContext);
    }

    @FunctionName("audit-user-authenticated")
    @ExponentialBackoffRetry(maxRetryCount = -1, minimumInterval = "00:00:05", maximumInterval = "00:05:00")
    public void userAuthenticated(
            @EventHubTrigger(
                            name = "events",
                            eventHubName = "user.authenticated",
                            consumerGroup = AuditConsumer.NAME,
                            connection = CONNECTION,
                            cardinality = Cardinality.MANY,
                            dataType = "string")
                    List<String> events,
            @BindingName("PropertiesArray") Map<String, Object>[] properties,
            @BindingName("SystemPropertiesArray") Map<String, Object>[] systemProperties,
            @BindingName("PartitionContext") Map<String, Object> partitionContext,
            ExecutionContext context) {
        deliver("user.authenticated", events, properties, systemProperties, partitionContext);
    }

    @FunctionName("audit-notification-sent")
    @ExponentialBackoffRetry(maxRetryCount = -1, minimumInterval = "00:00:05", maximumInterval = "00:05:00")
    public void notificationSent(
            @EventHubTrigger(
                            name = "events",
                            eventHubName = "notification.sent",
                            consumerGroup = AuditConsumer.NAME,
                            connection = CONNECTION,
                            cardinality = Cardinality.MANY,
                            dataType = "string")
                    List<String> events,
            @BindingName("PropertiesArray") Map<String, Object>[] properties,
            @BindingName("SystemPropertiesArray") Map<String, Object>[] systemProperties,
            @BindingName("PartitionContext") Map<String, Object> partitionContext,
            ExecutionContext context) {
        deliver("notification.sent", events, properties, systemProperties, partitionContext);
    }

    @FunctionName("audit-reminder-triggered")
    @ExponentialBackoffRetry(maxRetryCount = -1, minimumInterval = "00:00:05", maximumInterval = "00:05:00")
    public void reminderTriggered(
            @EventHubTrigger(
                            name = "events",
                            eventHubName = "reminder.triggered",
                            consumerGroup = AuditConsumer.NAME,
                            connection = CONNECTION,
                            cardinality = Cardinality.MANY,
                            dataType = "string")
                    List<String> events,
            @BindingName("PropertiesArray") Map<String, Object>[] properties,
            @BindingName("SystemPropertiesArray") Map<String, Object>[] systemProperties,
            @BindingName("PartitionContext") Map<String, Object> partitionContext,
            ExecutionContext context) {
        deliver("reminder.triggered", events, properties, systemProperties, partitionContext);
    }
}
