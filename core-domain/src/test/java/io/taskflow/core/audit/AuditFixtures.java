package io.taskflow.core.audit;

import java.time.Instant;
import java.util.UUID;

/** Audit records for tests: {@code AuditFixtures.record(1)} differs from {@code record(2)} in its event id. */
final class AuditFixtures {
    static final UUID USER = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
    static final UUID TASK = UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7");

    private AuditFixtures() {}

    static AuditRecord record(long n) {
        return new AuditRecord(
                new UUID(0xA0D1L, n),
                "task.updated",
                TASK,
                USER,
                Instant.parse("2026-03-02T10:15:30.123456Z").plusSeconds(n),
                Instant.parse("2026-03-02T10:15:31Z").plusSeconds(n),
                "/taskflow/api",
                "{\"schemaVersion\":1,\"taskId\":\"" + TASK + "\",\"n\":" + n + "}");
    }
}
