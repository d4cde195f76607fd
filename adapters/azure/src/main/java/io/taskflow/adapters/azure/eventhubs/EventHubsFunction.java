package io.taskflow.adapters.azure.eventhubs;

import io.micronaut.azure.function.AzureFunction;
import io.micronaut.context.ApplicationContextBuilder;
import io.taskflow.adapters.azure.function.Invocations;
import io.taskflow.functions.consumer.BatchOutcome;
import java.util.List;
import java.util.Map;

/**
 * The Event Hubs triggers of one consumer. A trigger reads one hub, and each event type has its hub, so a consumer has
 * one function per type it reads, all in its own consumer group; the subclasses only declare them (the bindings live
 * in annotations, from which the function app's manifests are made). Each delivers its batch the same way.
 *
 * <p>Every trigger has the same retry policy: unlimited, exponential from 5 s to 5 min. It only runs when a batch
 * could not settle (the database or a dead-letter hub away); a failing event is retried and dead-lettered inside the
 * invocation.
 */
public abstract class EventHubsFunction extends AzureFunction {
    /** The app setting prefix of the Event Hubs connection ({@code EventHubs__fullyQualifiedNamespace}, identity). */
    public static final String CONNECTION = "EventHubs";

    protected EventHubsFunction() {
        super();
    }

    protected EventHubsFunction(ApplicationContextBuilder builder) {
        super(builder);
    }

    /** The consumer whose functions these are: its name is each trigger's consumer group. */
    public abstract String consumer();

    protected BatchOutcome deliver(
            String hub,
            List<String> bodies,
            Map<String, Object>[] properties,
            Map<String, Object>[] systemProperties,
            Map<String, Object> partitionContext) {
        EventHubsBatch batch = EventHubsBatch.of(hub, bodies, properties, systemProperties, partitionContext);
        return Invocations.publishingAfter(
                getApplicationContext(),
                () -> getApplicationContext().getBean(EventHubsDelivery.class).deliver(consumer(), batch));
    }
}
