package io.taskflow.adapters.gcp.trigger;

import com.google.cloud.functions.CloudEventsFunction;
import io.cloudevents.CloudEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.taskflow.adapters.gcp.pubsub.PubSubPush;
import io.taskflow.functions.event.CloudEventMapping;
import io.taskflow.functions.outbox.InvocationFlush;

/**
 * The Pub/Sub trigger of one consumer: a CloudEvent in, its Pub/Sub message delivered to the shared consumer. The
 * event is either an Eventarc {@code google.cloud.pubsub.topic.v1.messagePublished} event (its data the message, as in
 * a push body), or, from an unwrapped push subscription, Taskflow's event itself (the message's {@code ce-*}
 * attributes arrive as the request's CloudEvents headers). Returning acknowledges the message; throwing fails the invocation
 * and Pub/Sub delivers it again, which the consumer's inbox makes harmless. Each consumer is its own function (its own
 * subscriptions, scaling and failures); the subclasses only name it.
 */
public abstract class PubSubConsumerFunction implements CloudEventsFunction {
    public static final String MESSAGE_PUBLISHED = "google.cloud.pubsub.topic.v1.messagePublished";

    private final String consumer;
    private final JsonMapper json;
    private final PubSubDelivery delivery;
    private final InvocationFlush flush;

    protected PubSubConsumerFunction(ApplicationContext context, String consumer) {
        this.consumer = consumer;
        this.json = context.getBean(JsonMapper.class);
        this.delivery = context.getBean(PubSubDelivery.class);
        this.flush = context.getBean(InvocationFlush.class);
    }

    public String consumer() {
        return consumer;
    }

    @Override
    public void accept(CloudEvent event) throws Exception {
        try {
            if (MESSAGE_PUBLISHED.equals(event.getType())) {
                if (event.getData() == null) {
                    throw new IllegalArgumentException(
                            "the " + MESSAGE_PUBLISHED + " event " + event.getId() + " has no data");
                }
                PubSubPush push = json.readValue(event.getData().toBytes(), PubSubPush.class);
                delivery.deliver(consumer, push.message(), push.deliveryAttempt());
            } else {
                // An unwrapped push: the message's ce-* attributes arrived as headers, so the event is Taskflow's own.
                delivery.deliver(consumer, CloudEventMapping.fromCloudEvent(event));
            }
        } finally {
            // The recurrence consumer writes the next occurrence's event; it leaves before the instance may freeze.
            flush.flush();
        }
    }
}
