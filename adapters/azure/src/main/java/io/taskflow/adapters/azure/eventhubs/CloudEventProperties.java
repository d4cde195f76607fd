package io.taskflow.adapters.azure.eventhubs;

import com.azure.messaging.eventhubs.EventData;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.v1.CloudEventV1;
import io.taskflow.core.event.EventEnvelope;
import io.taskflow.functions.event.CloudEventMapping;
import io.taskflow.functions.event.InvalidEventException;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Events on Event Hubs, in the CloudEvents AMQP protocol binding's binary mode: every context attribute and extension
 * is an application property named {@code cloudEvents:<attribute>}, {@code datacontenttype} is the AMQP content type,
 * and the body is the JSON data unchanged. Chosen over the Kafka binding's {@code ce_} headers because Event Hubs is
 * an AMQP broker: any CloudEvents-aware AMQP reader understands the events without knowing Taskflow. Reads accept the
 * binding's other prefix, {@code cloudEvents_}, too.
 */
public final class CloudEventProperties {
    public static final String PREFIX = "cloudEvents:";
    static final String OTHER_PREFIX = "cloudEvents_";

    private CloudEventProperties() {}

    /** The event data of an envelope: its id stays the outbox's event id, so every inbox recognises a repeat. */
    public static EventData eventData(EventEnvelope envelope) {
        CloudEvent event = CloudEventMapping.toCloudEvent(envelope);
        EventData data = new EventData(envelope.data());
        data.setContentType(EventEnvelope.DATA_CONTENT_TYPE);
        data.getProperties().putAll(properties(event));
        return data;
    }

    /** The application properties of an event, every value a string as the binding asks for AMQP strings. */
    static Map<String, Object> properties(CloudEvent event) {
        var properties = new java.util.LinkedHashMap<String, Object>();
        properties.put(PREFIX + "specversion", event.getSpecVersion().toString());
        for (String name : event.getAttributeNames()) {
            Object value = event.getAttribute(name);
            if (value == null || name.equals("specversion") || name.equals(CloudEventV1.DATACONTENTTYPE)) {
                continue;
            }
            properties.put(PREFIX + name, text(value));
        }
        for (String name : event.getExtensionNames()) {
            properties.put(PREFIX + name, text(event.getExtension(name)));
        }
        return properties;
    }

    /**
     * The envelope a received event carries.
     *
     * @param contentType the AMQP content type; absent in some trigger payloads, where JSON (the contract's only data
     *     format) is assumed
     * @throws InvalidEventException when the properties are not a CloudEvent of spec version 1.0
     */
    public static EventEnvelope envelope(byte[] body, Map<String, ?> properties, String contentType) {
        var builder = CloudEventBuilder.v1();
        String specVersion = null;
        for (Map.Entry<String, ?> property : properties.entrySet()) {
            String name = attributeName(property.getKey());
            if (name == null || property.getValue() == null) {
                continue;
            }
            String value = property.getValue().toString();
            if (name.equals("specversion")) {
                specVersion = value;
                continue;
            }
            try {
                builder.withContextAttribute(name, value);
            } catch (RuntimeException e) {
                throw new InvalidEventException("the CloudEvents attribute " + name + " is invalid: " + e.getMessage());
            }
        }
        if (!EventEnvelope.SPEC_VERSION.equals(specVersion)) {
            throw new InvalidEventException(
                    "not a CloudEvent of spec version 1.0 (cloudEvents:specversion is " + specVersion + ")");
        }
        builder.withDataContentType(contentType == null ? EventEnvelope.DATA_CONTENT_TYPE : contentType);
        if (body != null) {
            builder.withData(body);
        }
        CloudEvent event;
        try {
            event = builder.build();
        } catch (RuntimeException e) {
            throw new InvalidEventException("not a complete CloudEvent: " + e.getMessage());
        }
        return CloudEventMapping.fromCloudEvent(event);
    }

    private static String attributeName(String property) {
        if (property.startsWith(PREFIX)) {
            return property.substring(PREFIX.length());
        }
        if (property.startsWith(OTHER_PREFIX)) {
            return property.substring(OTHER_PREFIX.length());
        }
        return null;
    }

    private static String text(Object value) {
        if (value instanceof java.time.OffsetDateTime time) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
        }
        return value.toString();
    }
}
