package io.taskflow.adapters.gcp.replay;

import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;

/**
 * A CloudEvent from its JSON event format (structured mode: attributes as fields, {@code data} as JSON or {@code
 * data_base64}), the way a captured Eventarc delivery is kept. The Functions Framework builds the same event from the
 * binary-mode request Eventarc sends.
 */
public final class CapturedCloudEvents {
    private CapturedCloudEvents() {}

    @SuppressWarnings("unchecked")
    public static CloudEvent read(JsonMapper json, byte[] structured) throws IOException {
        Map<String, Object> fields = json.readValue(structured, Map.class);
        Object version = fields.get("specversion");
        if (version == null) {
            throw new IllegalArgumentException("not a CloudEvent in JSON format: no specversion");
        }
        CloudEventBuilder builder = CloudEventBuilder.fromSpecVersion(SpecVersion.parse(version.toString()));
        for (var field : fields.entrySet()) {
            switch (field.getKey()) {
                case "specversion" -> {}
                case "data" -> builder.withData(json.writeValueAsBytes(field.getValue()));
                case "data_base64" ->
                    builder.withData(Base64.getDecoder().decode(field.getValue().toString()));
                default -> builder.withContextAttribute(field.getKey(), String.valueOf(field.getValue()));
            }
        }
        return builder.build();
    }
}
