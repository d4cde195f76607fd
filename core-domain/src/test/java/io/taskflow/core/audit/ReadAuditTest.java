package io.taskflow.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskflow.core.error.InvalidInputException;
import io.taskflow.core.testing.InMemoryAuditLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReadAuditTest {
    private static final UUID ANN = UUID.randomUUID();
    private static final UUID BOB = UUID.randomUUID();
    private static final UUID TASK = UUID.randomUUID();

    private final InMemoryAuditLog log = new InMemoryAuditLog();
    private final ReadAudit read = new ReadAudit(log);

    @Test
    void aUserPagesThroughTheirOwnEntriesOfASubjectOldestFirst() {
        for (int i = 0; i < 5; i++) {
            append(ANN, TASK);
            append(BOB, TASK);
            append(ANN, UUID.randomUUID());
        }

        var seen = new ArrayList<Long>();
        AuditCursor cursor = null;
        int pages = 0;
        do {
            AuditPage page = read.page(new AuditQuery(ANN, TASK, 2, cursor));
            page.entries().forEach(e -> {
                assertThat(e.record().userId()).isEqualTo(ANN);
                assertThat(e.record().subject()).isEqualTo(TASK);
                seen.add(e.seq());
            });
            cursor = page.next() == null ? null : AuditCursor.decode(page.next().encode());
            pages++;
        } while (cursor != null);

        assertThat(seen).containsExactly(1L, 4L, 7L, 10L, 13L);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void anotherUsersSubjectGivesAnEmptyPage() {
        append(BOB, TASK);

        assertThat(read.page(new AuditQuery(ANN, TASK, 10, null)).entries()).isEmpty();
    }

    @Test
    void aFullLastPageHasNoNextCursor() {
        append(ANN, TASK);
        append(ANN, TASK);

        assertThat(read.page(new AuditQuery(ANN, TASK, 2, null)).next()).isNull();
    }

    @Test
    void limitsOutsideTheRangeAndForeignCursorsAreRefused() {
        assertThatThrownBy(() -> new AuditQuery(ANN, TASK, 0, null))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("limit"));
        assertThatThrownBy(() -> new AuditQuery(ANN, TASK, AuditQuery.MAX_LIMIT + 1, null))
                .isInstanceOf(InvalidInputException.class);
        for (String bad : List.of("", "x", "YjE", "YTA", "YS0x", "!!", new AuditCursor(5).encode() + "=x")) {
            assertThatThrownBy(() -> AuditCursor.decode(bad))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.field()).isEqualTo("cursor"));
        }
        assertThat(AuditCursor.decode(new AuditCursor(42).encode())).isEqualTo(new AuditCursor(42));
    }

    private void append(UUID user, UUID subject) {
        long n = log.head().seq() + 1;
        var record = new AuditRecord(
                UUID.randomUUID(),
                "task.updated",
                subject,
                user,
                Instant.parse("2026-03-02T10:00:00Z").plusSeconds(n),
                Instant.parse("2026-03-02T10:00:01Z").plusSeconds(n),
                "/taskflow/api",
                "{}");
        log.append(AuditChain.next(log.head(), record));
    }
}
