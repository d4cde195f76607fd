package io.taskflow.functions.consumer;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * Which events each consumer has processed. Recorded in the transaction of the consumer's own effect, so the effect
 * and the record commit together or not at all.
 */
@Singleton
public class Inbox {
    private final JdbcOperations jdbc;

    Inbox(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** True the first time; false when the consumer has already processed the event. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId) {
        return jdbc.prepareStatement(
                        "INSERT INTO inbox (consumer, event_id, processed_at) VALUES (?, ?, CURRENT_TIMESTAMP)"
                                + " ON CONFLICT DO NOTHING",
                        ps -> {
                            ps.setString(1, consumer);
                            ps.setString(2, eventId);
                            return ps.executeUpdate();
                        })
                == 1;
    }
}
