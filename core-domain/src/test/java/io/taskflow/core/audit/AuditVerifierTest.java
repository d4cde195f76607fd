package io.taskflow.core.audit;

import static io.taskflow.core.audit.AuditFixtures.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskflow.core.testing.InMemoryAuditLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuditVerifierTest {
    private final InMemoryAuditLog log = new InMemoryAuditLog();

    @Test
    void anEmptyTrailIsIntact() {
        assertThat(new AuditVerifier(log).verify()).isEqualTo(new ChainVerification.Intact(ChainHead.GENESIS));
    }

    @ParameterizedTest(name = "read {0} at a time")
    @ValueSource(ints = {1, 2, 3, 7, 500})
    void anUntouchedChainIsIntactHoweverItIsPaged(int pageSize) {
        append(7);

        var result = new AuditVerifier(log, pageSize).verify();

        assertThat(result).isInstanceOf(ChainVerification.Intact.class);
        assertThat(((ChainVerification.Intact) result).entries()).isEqualTo(7);
        assertThat(result.ok()).isTrue();
    }

    @ParameterizedTest(name = "entry {0} of 6")
    @ValueSource(longs = {1, 2, 5, 6})
    void aChangedEntryIsReportedAtItsOwnSequenceNumber(long seq) {
        append(6);
        log.tamper(seq, e -> new AuditEntry(e.seq(), record(99), e.prevHash(), e.hash()));

        assertThat(new AuditVerifier(log, 2).verify()).isInstanceOfSatisfying(ChainVerification.Broken.class, b -> {
            assertThat(b.seq()).isEqualTo(seq);
            assertThat(b.reason()).contains("hash does not match");
        });
    }

    @Test
    void aChangedEntryWhoseHashWasRecomputedBreaksTheLinkToTheNextOne() {
        append(5);
        log.tamper(3, e -> new AuditEntry(3, record(99), e.prevHash(), AuditChain.hash(3, e.prevHash(), record(99))));

        assertThat(new AuditVerifier(log).verify()).isInstanceOfSatisfying(ChainVerification.Broken.class, b -> {
            assertThat(b.seq()).isEqualTo(4);
            assertThat(b.reason()).contains("prev_hash");
        });
    }

    @Test
    void aRemovedEntryIsReportedWhereItIsMissing() {
        append(5);
        log.remove(3);

        assertThat(new AuditVerifier(log, 2).verify())
                .isInstanceOfSatisfying(
                        ChainVerification.Broken.class, b -> assertThat(b.seq()).isEqualTo(3));
    }

    @Test
    void aRemovedLastEntryIsFoundThroughTheHead() {
        append(5);
        log.remove(5);

        assertThat(new AuditVerifier(log).verify()).isInstanceOfSatisfying(ChainVerification.Broken.class, b -> {
            assertThat(b.seq()).isEqualTo(5);
            assertThat(b.reason()).contains("missing");
        });
    }

    @Test
    void aHeadMovedBackOverTheLastEntriesIsReported() {
        append(5);
        ChainHead third = log.entries().get(2).asHead();
        log.forceHead(new ChainHead(3, "e".repeat(64)));

        assertThat(new AuditVerifier(log).verify()).isInstanceOfSatisfying(ChainVerification.Broken.class, b -> {
            assertThat(b.seq()).isEqualTo(3);
            assertThat(b.reason()).contains("head");
        });
        log.forceHead(third);
        assertThat(new AuditVerifier(log).verify().ok()).isTrue();
    }

    @Test
    void aForkedEntryThatLinksToAnOlderOneIsReported() {
        append(3);
        ChainHead second = log.entries().get(1).asHead();
        AuditEntry fork = AuditChain.next(second, record(50));
        log.forceAppend(
                new AuditEntry(4, fork.record(), fork.prevHash(), AuditChain.hash(4, fork.prevHash(), fork.record())));

        assertThat(new AuditVerifier(log).verify())
                .isInstanceOfSatisfying(
                        ChainVerification.Broken.class, b -> assertThat(b.seq()).isEqualTo(4));
    }

    @Test
    void entriesAppendedAfterTheHeadWasReadAreLeftForTheNextRun() {
        append(3);
        ChainHead atStart = log.head();
        append(2);
        log.tamper(5, e -> new AuditEntry(5, record(99), e.prevHash(), e.hash()));
        log.forceHead(atStart);

        assertThat(new AuditVerifier(log).verify()).isEqualTo(new ChainVerification.Intact(atStart));
    }

    private void append(int count) {
        int start = (int) log.head().seq();
        for (int i = 1; i <= count; i++) {
            log.append(AuditChain.next(log.head(), record(start + i)));
        }
    }
}
