package io.taskflow.adapters.gcp.pubsub;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.taskflow.core.event.EventEnvelope;
import java.util.Base64;
import java.util.Map;

/** One Pub/Sub message in its JSON form: the data in base64, the attributes, and what the service assigned. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
public record PubSubMessage(
        @Nullable String data,
        @Nullable Map<String, String> attributes,
        @Nullable String messageId,
        @Nullable String publishTime,
        @Nullable String orderingKey) {

    public PubSubMessage {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public byte[] bytes() {
        return data == null ? new byte[0] : Base64.getDecoder().decode(data);
    }

    /**
     * The envelope the message carries (CloudEvents binary mode).
     *
     * @throws io.taskflow.functions.event.InvalidEventException when it carries none
     * @throws IllegalArgumentException when the data is not base64
     */
    public EventEnvelope envelope() {
        return PubSubCloudEvents.envelope(attributes, bytes());
    }
}
