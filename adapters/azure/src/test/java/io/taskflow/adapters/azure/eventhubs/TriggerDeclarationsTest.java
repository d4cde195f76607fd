package io.taskflow.adapters.azure.eventhubs;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.azure.functions.annotation.Cardinality;
import com.microsoft.azure.functions.annotation.EventHubTrigger;
import com.microsoft.azure.functions.annotation.ExponentialBackoffRetry;
import io.taskflow.adapters.azure.function.FunctionCatalog;
import io.taskflow.adapters.azure.testing.AzureTestStack;
import io.taskflow.adapters.azure.testing.ProbeConsumer;
import io.taskflow.core.event.EventType;
import io.taskflow.functions.consumer.EventConsumer;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TriggerDeclarationsTest {

    @Test
    void everyConsumerOfTheAzureRuntimeHasATriggerOnTheHubOfEachTypeItReadsInItsOwnConsumerGroup() {
        Map<String, Set<String>> expected = new TreeMap<>();
        for (EventConsumer consumer : AzureTestStack.get().context().getBeansOfType(EventConsumer.class)) {
            // The live feed needs open connections (container runtime only); the probe is this test suite's.
            if (!consumer.stateless() && !consumer.name().equals(ProbeConsumer.NAME)) {
                expected.put(
                        consumer.name(),
                        consumer.types().stream()
                                .map(EventType::typeName)
                                .collect(Collectors.toCollection(TreeSet::new)));
            }
        }

        Map<String, Set<String>> declared = new TreeMap<>();
        triggers()
                .forEach((name, trigger) -> declared.computeIfAbsent(trigger.consumerGroup(), g -> new TreeSet<>())
                        .add(trigger.eventHubName()));

        assertThat(declared).isEqualTo(expected);
    }

    @Test
    void everyTriggerReadsBatchesOfTextWithTheBindingDataAndAnUnlimitedRetryPolicyAndIsNamedForItsConsumerAndHub() {
        for (Map.Entry<String, Method> function : FunctionCatalog.functions().entrySet()) {
            Method method = function.getValue();
            EventHubTrigger trigger = trigger(method);
            if (trigger == null) {
                continue;
            }
            assertThat(trigger.cardinality()).as(function.getKey()).isEqualTo(Cardinality.MANY);
            assertThat(trigger.dataType()).as(function.getKey()).isEqualTo("string");
            assertThat(trigger.connection()).isEqualTo(EventHubsFunction.CONNECTION);
            assertThat(function.getKey())
                    .isEqualTo(trigger.consumerGroup() + "-"
                            + trigger.eventHubName().replace('.', '-'));
            assertThat(Arrays.stream(method.getParameters())
                            .map(p -> p.getAnnotation(com.microsoft.azure.functions.annotation.BindingName.class))
                            .filter(java.util.Objects::nonNull)
                            .map(b -> b.value()))
                    .containsExactly("PropertiesArray", "SystemPropertiesArray", "PartitionContext");
            ExponentialBackoffRetry retry = method.getAnnotation(ExponentialBackoffRetry.class);
            assertThat(retry).as(function.getKey()).isNotNull();
            assertThat(retry.maxRetryCount()).isEqualTo(-1);
        }
    }

    static Map<String, EventHubTrigger> triggers() {
        var triggers = new TreeMap<String, EventHubTrigger>();
        FunctionCatalog.functions().forEach((name, method) -> {
            EventHubTrigger trigger = trigger(method);
            if (trigger != null) {
                triggers.put(name, trigger);
            }
        });
        return triggers;
    }

    private static EventHubTrigger trigger(Method method) {
        for (Parameter parameter : method.getParameters()) {
            EventHubTrigger trigger = parameter.getAnnotation(EventHubTrigger.class);
            if (trigger != null) {
                return trigger;
            }
        }
        return null;
    }
}
