package io.taskflow.adapters.gcp.pubsub;

import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.taskflow.core.event.EventEnvelope;
import io.taskflow.functions.event.CloudEventMapping;
import io.taskflow.functions.event.InvalidEventException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CloudEvents Pub/Sub protocol binding in binary mode: each context attribute and extension is a message attribute
 * named {@code ce-<name>} ({@code datacontenttype} is {@code content-type}), and the event's data is the message's
 * data, unchanged. Both directions go through the CloudEvents SDK's type, as the Kafka binding does.
 */
public final class PubSubCloudEvents {
    public static final String PREFIX = "ce-";
    public static final String CONTENT_TYPE = "content-type";

    private PubSubCloudEvents() {}

    /** The message attributes of an envelope; its data is sent as the message data. */
    public static Map<String, String> attributes(EventEnvelope envelope) {
        CloudEvent event = CloudEventMapping.toCloudEvent(envelope);
        var attributes = new LinkedHashMap<String, String>();
        for (String name : event.getAttributeNames()) {
            Object value = event.getAttribute(name);
            if (value == null) {
                continue;
            }
            String text = value instanceof java.time.OffsetDateTime time
                    ? time.toInstant().toString()
                    : value.toString();
            attributes.put(name.equals("datacontenttype") ? CONTENT_TYPE : PREFIX + name, text);
        }
        for (String name : event.getExtensionNames()) {
            attributes.put(PREFIX + name, String.valueOf(event.getExtension(name)));
        }
        return attributes;
    }

    /**
     * The envelope a message carries.
     *
     * @throws InvalidEventException when the attributes do not make a CloudEvent (no {@code ce-specversion}, a missing
     *     or malformed required attribute)
     */
    public static EventEnvelope envelope(Map<String, String> attributes, byte[] data) {
        String version = attributes.get(PREFIX + "specversion");
        if (version == null) {
            throw new InvalidEventException("the message has no ce-specversion attribute: not a CloudEvent");
        }
        try {
            CloudEventBuilder builder = CloudEventBuilder.fromSpecVersion(SpecVersion.parse(version));
            for (var attribute : attributes.entrySet()) {
                String name = attribute.getKey();
                if (name.equals(CONTENT_TYPE)) {
                    builder.withContextAttribute("datacontenttype", attribute.getValue());
                } else if (name.startsWith(PREFIX) && !name.equals(PREFIX + "specversion")) {
                    builder.withContextAttribute(name.substring(PREFIX.length()), attribute.getValue());
                }
            }
            return CloudEventMapping.fromCloudEvent(builder.withData(data).build());
        } catch (InvalidEventException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidEventException("the message is not a valid CloudEvent: " + e.getMessage());
        }
    }
}
