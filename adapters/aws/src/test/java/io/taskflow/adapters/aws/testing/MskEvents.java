package io.taskflow.adapters.aws.testing;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Builds the payload an MSK event source mapping would send for records read from the test broker: the real shape
 * (records grouped by {@code topic-partition}, base64 key and value, headers as arrays of signed byte values).
 */
public final class MskEvents {
    private MskEvents() {}

    public static Map<String, Object> of(List<ConsumerRecord<String, byte[]>> records) {
        var grouped = new LinkedHashMap<String, List<Map<String, Object>>>();
        for (ConsumerRecord<String, byte[]> record : records) {
            grouped.computeIfAbsent(record.topic() + "-" + record.partition(), k -> new ArrayList<>())
                    .add(record(record));
        }
        var event = new LinkedHashMap<String, Object>();
        event.put("eventSource", "aws:kafka");
        event.put(
                "eventSourceArn",
                "arn:aws:kafka:us-east-1:123456789012:cluster/taskflow/7c1f1d52-5b2e-4d8a-9a8e-3c1b2f0e9d11-s1");
        event.put("bootstrapServers", "boot-abc123.c1.kafka-serverless.us-east-1.amazonaws.com:9098");
        event.put("records", grouped);
        return event;
    }

    private static Map<String, Object> record(ConsumerRecord<String, byte[]> record) {
        var r = new LinkedHashMap<String, Object>();
        r.put("topic", record.topic());
        r.put("partition", record.partition());
        r.put("offset", record.offset());
        r.put("timestamp", record.timestamp());
        r.put("timestampType", record.timestampType().name());
        if (record.key() != null) {
            r.put(
                    "key",
                    Base64.getEncoder().encodeToString(record.key().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        r.put("value", record.value() == null ? null : Base64.getEncoder().encodeToString(record.value()));
        var headers = new ArrayList<Map<String, Object>>();
        for (Header header : record.headers()) {
            var bytes = new ArrayList<Integer>();
            for (byte b : header.value()) {
                bytes.add((int) b);
            }
            headers.add(Map.of(header.key(), bytes));
        }
        r.put("headers", headers);
        return r;
    }
}
