package io.taskflow.adapters.azure.eventhubs;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.Cardinality;
import com.microsoft.azure.functions.annotation.EventHubTrigger;
import com.microsoft.azure.functions.annotation.ExponentialBackoffRetry;
import com.microsoft.azure.functions.annotation.FunctionName;
import io.micronaut.context.ApplicationContextBuilder;
import io.taskflow.functions.recurrence.RecurrenceConsumer;
import java.util.List;
import java.util.Map;

/** The Event Hubs triggers of the recurrence consumer, one per event type it reads. */
public class RecurrenceFunctions extends EventHubsFunction {

    /** The worker's entry. */
    public RecurrenceFunctions() {
        super();
    }

    public RecurrenceFunctions(ApplicationContextBuilder builder) {
        super(builder);
    }

    @Override
    public String consumer() {
        return RecurrenceConsumer.NAME;
    }

    @FunctionName("recurrence-task-completed")
    @ExponentialBackoffRetry(maxRetryCount = -1, minimumInterval = "00:00:05", maximumInterval = "00:05:00")
    public void taskCompleted(
            @EventHubTrigger(
                            name = "events",
                            eventHubName = "task.completed",
                            consumerGroup = RecurrenceConsumer.NAME,
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
}
