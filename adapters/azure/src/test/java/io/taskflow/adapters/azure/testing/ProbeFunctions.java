package io.taskflow.adapters.azure.testing;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.Cardinality;
import com.microsoft.azure.functions.annotation.EventHubTrigger;
import com.microsoft.azure.functions.annotation.FunctionName;
import io.taskflow.adapters.azure.eventhubs.EventHubsFunction;
import java.util.List;
import java.util.Map;

/** The probe consumer's trigger, declared as the app's own consumers declare theirs. */
public class ProbeFunctions extends EventHubsFunction {

    @Override
    public String consumer() {
        return ProbeConsumer.NAME;
    }

    @FunctionName("probe-task-updated")
    public void taskUpdated(
            @EventHubTrigger(
                            name = "events",
                            eventHubName = "task.updated",
                            consumerGroup = ProbeConsumer.NAME,
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
}
