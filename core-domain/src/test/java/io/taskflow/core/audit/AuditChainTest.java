package io.taskflow.core.audit;

import static io.taskflow.core.audit.AuditFixtures.record;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AuditChainTest {

    @Test
    void theFirstEntryFollowsTheGenesisHeadAndEachNextOneItsPredecessor() {
        AuditEntry first = AuditChain.next(ChainHead.GENESIS, record(1));
        AuditEntry second = AuditChain.next(first.asHead(), record(2));

        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.prevHash()).isEqualTo("0".repeat(64));
        assertThat(second.seq()).isEqualTo(2);
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(first.hash()).matches("[0-9a-f]{64}").isNotEqualTo(second.hash());
    }

    @Test
    void theHashIsSha256OfTheCanonicalEncodingAndTheSameEveryTime() throws Exception {
        AuditRecord r = record(7);
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest(AuditChain.canonical(3, ChainHead.GENESIS.hash(), r));

        assertThat(AuditChain.hash(3, ChainHead.GENESIS.hash(), r))
                .isEqualTo(java.util.HexFormat.of().formatHex(digest))
                .isEqualTo(AuditChain.hash(3, ChainHead.GENESIS.hash(), record(7)));
    }

    @Test
    void anEntryIsSealedByItsHashUntilSomethingInItChanges() {
        AuditEntry entry = AuditChain.next(ChainHead.GENESIS, record(1));
        AuditEntry changed = new AuditEntry(entry.seq(), record(2), entry.prevHash(), entry.hash());

        assertThat(AuditChain.sealed(entry)).isTrue();
        assertThat(AuditChain.sealed(changed)).isFalse();
    }

    static Stream<Arguments> changes() {
        UUID other = UUID.fromString("11111111-2222-3333-4444-555555555555");
        return Stream.of(
                Arguments.of(
                        "event id", (UnaryOperator<AuditRecord>) r -> with(r, other, null, null, null, null, null)),
                Arguments.of("type", (UnaryOperator<AuditRecord>)
                        r -> with(r, null, "task.deleted", null, null, null, null)),
                Arguments.of("subject", (UnaryOperator<AuditRecord>) r -> with(r, null, null, other, null, null, null)),
                Arguments.of("user", (UnaryOperator<AuditRecord>) r -> new AuditRecord(
                        r.eventId(),
                        r.type(),
                        r.subject(),
                        other,
                        r.occurredAt(),
                        r.recordedAt(),
                        r.source(),
                        r.data())),
                Arguments.of("occurred at", (UnaryOperator<AuditRecord>)
                        r -> with(r, null, null, null, r.occurredAt().plusNanos(1000), null, null)),
                Arguments.of("recorded at", (UnaryOperator<AuditRecord>) r -> new AuditRecord(
                        r.eventId(),
                        r.type(),
                        r.subject(),
                        r.userId(),
                        r.occurredAt(),
                        r.recordedAt().plusSeconds(1),
                        r.source(),
                        r.data())),
                Arguments.of("source", (UnaryOperator<AuditRecord>)
                        r -> with(r, null, null, null, null, "/taskflow/other", null)),
                Arguments.of("data", (UnaryOperator<AuditRecord>)
                        r -> with(r, null, null, null, null, null, r.data().replace("1", "2"))));
    }

    @ParameterizedTest(name = "a different {0} gives a different hash")
    @MethodSource("changes")
    void everyFieldOfTheRecordIsCoveredByTheHash(String field, UnaryOperator<AuditRecord> change) {
        AuditRecord original = record(1);
        AuditRecord changed = change.apply(original);

        assertThat(changed).isNotEqualTo(original);
        assertThat(AuditChain.hash(1, ChainHead.GENESIS.hash(), changed))
                .isNotEqualTo(AuditChain.hash(1, ChainHead.GENESIS.hash(), original));
    }

    @Test
    void theSequenceNumberAndThePreviousHashAreCoveredToo() {
        AuditRecord r = record(1);
        String base = AuditChain.hash(1, ChainHead.GENESIS.hash(), r);

        assertThat(AuditChain.hash(2, ChainHead.GENESIS.hash(), r)).isNotEqualTo(base);
        assertThat(AuditChain.hash(1, "f".repeat(64), r)).isNotEqualTo(base);
    }

    @Test
    void movingCharactersFromOneFieldToTheNextChangesTheEncoding() {
        AuditRecord r = record(1);
        AuditRecord a = with(r, null, "ab", null, null, "c", null);
        AuditRecord b = with(r, null, "a", null, null, "bc", null);

        assertThat(AuditChain.canonical(1, "", a)).isNotEqualTo(AuditChain.canonical(1, "", b));
        assertThat(AuditChain.hash(1, "", a)).isNotEqualTo(AuditChain.hash(1, "", b));
    }

    @Test
    void timesAreHashedAtTheMicrosecondsADatabaseKeeps() {
        AuditRecord r = record(1);
        AuditRecord finer = with(r, null, null, null, r.occurredAt().plusNanos(999), null, null);

        assertThat(finer.occurredAt()).isEqualTo(r.occurredAt());
        assertThat(AuditChain.hash(1, "", finer)).isEqualTo(AuditChain.hash(1, "", r));
    }

    @Test
    void aThousandEntriesHaveAThousandDifferentHashes() {
        var hashes = new HashSet<String>();
        ChainHead head = ChainHead.GENESIS;
        for (int i = 1; i <= 1000; i++) {
            AuditEntry e = AuditChain.next(head, record(i % 10));
            hashes.add(e.hash());
            head = e.asHead();
        }
        assertThat(hashes).hasSize(1000);
    }

    private static AuditRecord with(
            AuditRecord r, UUID eventId, String type, UUID subject, Instant occurredAt, String source, String data) {
        return new AuditRecord(
                eventId == null ? r.eventId() : eventId,
                type == null ? r.type() : type,
                subject == null ? r.subject() : subject,
                r.userId(),
                occurredAt == null ? r.occurredAt() : occurredAt,
                r.recordedAt(),
                source == null ? r.source() : source,
                data == null ? r.data() : data);
    }
}
