package io.taskflow.adapters.azure.eventhubs;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.Cardinality;
import com.microsoft.azure.functions.annotation.EventHubTrigger;
import com.microsoft.azure.functions.annotation.ExponentialBackoffRetry;
import com.microsoft.azure.functions.annotation.FunctionName;
import io.micronaut.context.ApplicationContextBuilder;
import io.taskflow.functions.notification.NotificationsConsumer;
import java.util.List;
import java.util.Map;

/** The Event Hubs triggers of the notifications consumer, one per event type it reads. */
public class NotificationsFunctions extends EventHubsFunction {

    /** The worker's entry. */
    public NotificationsFunctions() {
        super();
    }

    public NotificationsFunctions(ApplicationContextBuilder builder) {
        super(builder);
    }

    @Override
    public String consumer() {
        return NotificationsConsumer.NAME;
    }

    @FunctionName("notifications-task-created")
    @ExponentialBackoffRetry(maxRetryCount = -1, minimumInterval = "00:00:05", maximumInterval = "00:05:00")
    public void taskCreated(
            @EventHubTrigger(
                            name = "events",
                            eventHubName = "task.created",
                            consumerGroup = NotificationsConsumer.NAME,
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

    @FunctionName("notifications-task-updated")
    @ExponentialBackoffRetry(maxRetryCount = -1, minimumInterval = "00:00:05", maximumInterval = "00:05:00")
    public void taskUpdated(
            @EventHubTrigger(
                            name = "events",
                            eventHubName = "task.updated",
                            consumerGroup = NotificationsConsumer.NAME,
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

    @FunctionName("notifications-task-completed")
    @ExponentialBackoffRetry(maxRetryCount = -1, minimumInterval = "00:00:05", maximumInterval = "00:05:00")
    public void taskCompleted(
            @EventHubTrigger(
                            name = "events",
                            eventHubName = "task.completed",
                            consumerGroup = NotificationsConsumer.NAME,
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

    @FunctionName("notifications-task-deleted")
    @ExponentialBackoffRetry(maxRetryCount = -1, minimumInterval = "00:00:05", maximumInterval = "00:05:00")
    public void taskDeleted(
            @EventHubTrigger(
                            name = "events",
                            eventHubName = "task.deleted",
                            consumerGroup = NotificationsConsumer.NAME,
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

    @FunctionName("notifications-reminder-triggered")
    @ExponentialBackoffRetry(maxRetryCount = -1, minimumInterval = "00:00:05", maximumInterval = "00:05:00")
    public void reminderTriggered(
            @EventHubTrigger(
                            name = "events",
                            eventHubName = "reminder.triggered",
                            consumerGroup = NotificationsConsumer.NAME,
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

    @FunctionName("notifications-user-authenticated")
    @ExponentialBackoffRetry(maxRetryCount = -1, minimumInterval = "00:00:05", maximumInterval = "00:05:00")
    public void userAuthenticated(
            @EventHubTrigger(
                            name = "events",
                            eventHubName = "user.authenticated",
                            consumerGroup = NotificationsConsumer.NAME,
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
}
