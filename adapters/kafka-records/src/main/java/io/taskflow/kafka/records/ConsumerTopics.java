package io.taskflow.kafka.records;

import io.taskflow.core.event.EventType;
import io.taskflow.functions.consumer.EventConsumer;
import java.util.ArrayList;
import java.util.List;

/** Where a consumer's events come from and where its dead letters go, by naming convention. */
public final class ConsumerTopics {
    private ConsumerTopics() {}

    public static String groupId(String consumer) {
        return "taskflow-" + consumer;
    }

    /** The group whose committed offsets on the dead-letter topic mark what has been redriven. */
    public static String redriveGroupId(String consumer) {
        return "taskflow-redrive-" + consumer;
    }

    public static String deadLetters(String consumer) {
        return "taskflow.dlq." + consumer;
    }

    /** Redriven events come back on their own topic, so no other consumer sees them twice. */
    public static String redrive(String consumer) {
        return "taskflow.redrive." + consumer;
    }

    public static List<String> inputs(EventConsumer consumer) {
        var topics = new ArrayList<String>();
        for (EventType type : EventType.values()) {
            if (consumer.types().contains(type)) {
                topics.add(type.typeName());
            }
        }
        topics.add(redrive(consumer.name()));
        return topics;
    }
}
