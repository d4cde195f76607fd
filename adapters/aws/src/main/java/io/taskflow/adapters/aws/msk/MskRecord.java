package io.taskflow.adapters.aws.msk;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/**
 * One record as the MSK trigger delivers it. Header values are arrays of byte values; they may come signed (as Java
 * writes them) or unsigned, and both read back to the same bytes.
 */
@Serdeable
public record MskRecord(
        String topic,
        int partition,
        long offset,
        long timestamp,
        @Nullable String timestampType,
        @Nullable String key,
        @Nullable String value,
        @Nullable List<Map<String, List<Integer>>> headers) {

    /** The {@code records} key of its batch, and the {@code partition} of its item identifier. */
    public String topicPartition() {
        return topic + "-" + partition;
    }

    /** The same record as a Kafka client would have received it, for the mapping the container runtime uses too. */
    public ConsumerRecord<String, byte[]> toConsumerRecord() {
        var kafkaHeaders = new RecordHeaders();
        if (headers != null) {
            for (Map<String, List<Integer>> header : headers) {
                header.forEach((name, bytes) -> kafkaHeaders.add(name, bytes(bytes)));
            }
        }
        byte[] valueBytes = value == null ? null : Base64.getDecoder().decode(value);
        String keyText = key == null ? null : new String(Base64.getDecoder().decode(key), StandardCharsets.UTF_8);
        return new ConsumerRecord<>(
                topic,
                partition,
                offset,
                timestamp,
                "LOG_APPEND_TIME".equals(timestampType) ? TimestampType.LOG_APPEND_TIME : TimestampType.CREATE_TIME,
                ConsumerRecord.NULL_SIZE,
                valueBytes == null ? ConsumerRecord.NULL_SIZE : valueBytes.length,
                keyText,
                valueBytes,
                kafkaHeaders,
                Optional.empty());
    }

    private static byte[] bytes(List<Integer> values) {
        byte[] out = new byte[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) values.get(i).intValue();
        }
        return out;
    }
}
