package io.taskflow.adapters.localkafka.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ConsumerLagTest {
    private static final TopicPartition CREATED_0 = new TopicPartition("task.created", 0);
    private static final TopicPartition CREATED_1 = new TopicPartition("task.created", 1);
    private static final TopicPartition REDRIVE_0 = new TopicPartition("taskflow.redrive.audit", 0);

    @Test
    void aGroupIsBehindByTheRecordsPastItsCommittedOffsetOnEachPartition() {
        long lag = ConsumerLag.lag(
                List.of(CREATED_0, CREATED_1),
                Map.of(CREATED_0, 10L, CREATED_1, 7L),
                Map.of(CREATED_0, 0L, CREATED_1, 0L),
                Map.of(CREATED_0, new OffsetAndMetadata(4), CREATED_1, new OffsetAndMetadata(7)));

        assertThat(lag).isEqualTo(6);
    }

    @Test
    void aPartitionTheGroupHasNeverCommittedCountsFromItsFirstRecordStillKept() {
        var committed = new java.util.HashMap<TopicPartition, OffsetAndMetadata>();
        committed.put(CREATED_1, null); // how the Admin client reports a partition without a commit

        long lag = ConsumerLag.lag(
                List.of(CREATED_0, CREATED_1),
                Map.of(CREATED_0, 10L, CREATED_1, 5L),
                Map.of(CREATED_0, 3L, CREATED_1, 5L),
                committed);

        assertThat(lag).isEqualTo(7);
    }

    @Test
    void recordsDeletedByRetentionBeforeTheGroupReadThemAreNotCounted() {
        long lag = ConsumerLag.lag(
                List.of(REDRIVE_0),
                Map.of(REDRIVE_0, 100L),
                Map.of(REDRIVE_0, 90L),
                Map.of(REDRIVE_0, new OffsetAndMetadata(20)));

        assertThat(lag).isEqualTo(10);
    }

    @Test
    void aGroupWithoutPartitionsYetIsNotBehind() {
        assertThat(ConsumerLag.lag(List.of(), Map.of(), Map.of(), Map.of())).isZero();
    }
}
