package io.taskflow.adapters.gcp.pubsub;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A Pub/Sub message as a trigger hands it to a function: the data of an Eventarc {@code
 * google.cloud.pubsub.topic.v1.messagePublished} CloudEvent, which is also the body of a push subscription. Fields the
 * service adds beside these (the snake_case twins {@code message_id} and {@code publish_time}) are ignored.
 *
 * @param deliveryAttempt how many times Pub/Sub has delivered the message, this one included; only present when the
 *     subscription has a dead-letter policy
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
public record PubSubPush(
        PubSubMessage message,
        @Nullable String subscription,
        @Nullable Integer deliveryAttempt) {

    public PubSubPush {
        if (message == null) {
            throw new IllegalArgumentException("the push has no message");
        }
    }
}
