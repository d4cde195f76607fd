package io.taskflow.adapters.azure.eventhubs;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.Cardinality;
import com.microsoft.azure.functions.annotation.EventHubTrigger;
import com.microsoft.azure.functions.annotation.ExponentialBackoffRetry;
import com.microsoft.azure.functions.annotation.FunctionName;
import io.micronaut.context.ApplicationContextBuilder;
import io.taskflow.functions.analytics.AnalyticsConsumer;
import java.util.List;
import java.util.Map;

/** The Event Hubs triggers of the analytics consumer, one per event type it reads. */
public class AnalyticsFunctions extends EventHubsFunction {

    /** The worker's entry. */
    public AnalyticsFunctions() {
        super();
    }

    public AnalyticsFunctions(ApplicationContextBuilder builder) {
        super(builder);
    }

    @Override
    public String consumer() {
        return AnalyticsConsumer.NAME;
    }

    @FunctionName("analytics-task-created")
    @ExponentialBackoffRetry(maxRetryCount = -1, minimumInterval = "00:00:05", maximumInterval = "00:05:00")
    public void taskCreated(
            @EventHubTrigger(
                            name = "events",
                            eventHubName = "task.created",
                            consumerGroup = AnalyticsConsumer.NAME,
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

    @FunctionName("analytics-task-updated")
    @ExponentialBackoffRetry(maxRetryCount = -1, minimumInterval = "00:00:05", maximumInterval = "00:05:00")
    public void taskUpdated(
            @EventHubTrigger(
                            name = "events",
                            eventHubName = "task.updated",
                            consumerGroup = AnalyticsConsumer.NAME,
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

    @FunctionName("analytics-task-completed")
    @ExponentialBackoffRetry(maxRetryCount = -1, minimumInterval = "00:00:05", maximumInterval = "00:05:00")
    public void taskCompleted(
            @EventHubTrigger(
                            name = "events",
                            eventHubName = "task.completed",
                            consumerGroup = AnalyticsConsumer.NAME,
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

    @FunctionName("analytics-task-deleted")
    @ExponentialBackoffRetry(maxRetryCount = -1, minimumInterval = "00:00:05", maximumInterval = "00:05:00")
    public void taskDeleted(
            @EventHubTrigger(
                            name = "events",
                            eventHubName = "task.deleted",
                            consumerGroup = AnalyticsConsumer.NAME,
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
}
