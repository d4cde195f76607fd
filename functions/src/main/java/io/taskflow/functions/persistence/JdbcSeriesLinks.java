package io.taskflow.functions.persistence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import io.taskflow.core.port.SeriesLinks;
import jakarta.inject.Singleton;
import java.util.UUID;

/**
 * The links of recurring series. The primary key on the previous task decides between concurrent claims: the second
 * insert waits for the first transaction and then inserts nothing.
 */
@Singleton
@Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
class JdbcSeriesLinks implements SeriesLinks {
    private final JdbcOperations jdbc;

    JdbcSeriesLinks(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean linkNext(UUID previousTaskId, UUID nextTaskId) {
        return jdbc.prepareStatement(
                        "INSERT INTO series_links (previous_task_id, next_task_id, linked_at)"
                                + " VALUES (?, ?, CURRENT_TIMESTAMP) ON CONFLICT DO NOTHING",
                        ps -> {
                            ps.setObject(1, previousTaskId);
                            ps.setObject(2, nextTaskId);
                            return ps.executeUpdate();
                        })
                == 1;
    }
}
