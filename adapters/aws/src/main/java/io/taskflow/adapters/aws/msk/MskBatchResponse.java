package io.taskflow.adapters.aws.msk;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The partial batch response of a Kafka event source mapping: the records to deliver again, each named by its
 * topic-partition and offset. Empty when the whole batch settled.
 */
@Serdeable
public record MskBatchResponse(
        @JsonInclude(JsonInclude.Include.ALWAYS) List<ItemFailure> batchItemFailures) {

    /** An empty list and no list both mean the whole batch succeeded; the answer always writes the list. */
    public MskBatchResponse {
        batchItemFailures = batchItemFailures == null ? List.of() : List.copyOf(batchItemFailures);
    }

    @Serdeable
    public record ItemFailure(ItemIdentifier itemIdentifier) {}

    /** @param partition the {@code <topic>-<partition>} key of the event's {@code records} */
    @Serdeable
    public record ItemIdentifier(String partition, long offset) {}

    public static ItemFailure failure(MskRecord record) {
        return new ItemFailure(new ItemIdentifier(record.topicPartition(), record.offset()));
    }
}
