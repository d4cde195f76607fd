package io.taskflow.adapters.aws.msk;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * The payload of an MSK (or self-managed Kafka) event source mapping: records grouped by {@code <topic>-<partition>},
 * each with its key and value in base64 and its headers as byte arrays.
 */
@Serdeable
public record MskEvent(
        @Nullable String eventSource,
        @Nullable String eventSourceArn,
        @Nullable String bootstrapServers,
        Map<String, List<MskRecord>> records) {

    public MskEvent {
        records = records == null ? Map.of() : records;
    }
}
