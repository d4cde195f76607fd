package io.taskflow.functions.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidV7GeneratorTest {
    private final UuidV7Generator ids = new UuidV7Generator();

    /** The 48-bit Unix-millisecond timestamp that leads a version 7 UUID. */
    private static long millis(UUID id) {
        return id.getMostSignificantBits() >>> 16;
    }

    @Test
    void givenANewId_whenInspected_thenItIsVersion7WithTheRfcVariant() {
        for (int i = 0; i < 1_000; i++) {
            UUID id = ids.newId();

            assertThat(id.version()).as("version of %s", id).isEqualTo(7);
            assertThat(id.variant()).as("variant of %s", id).isEqualTo(2);
            assertThat(id.getLeastSignificantBits() >>> 62)
                    .as("variant bits of %s", id)
                    .isEqualTo(0b10L);
            assertThat(id.toString().charAt(14)).isEqualTo('7');
        }
    }

    @Test
    void givenANewId_whenItsTimePrefixIsRead_thenItIsTheWallClockMillisecondOfItsCreation() {
        long before = System.currentTimeMillis();
        UUID id = ids.newId();
        long after = System.currentTimeMillis();

        assertThat(millis(id)).isBetween(before, after);
    }

    @Test
    void givenAnIdCreatedInALaterMillisecond_whenCompared_thenItSortsAfterTheEarlierOne() {
        UUID earlier = ids.newId();
        long spins = 0;
        while (System.currentTimeMillis() <= millis(earlier)) {
            spins++; // busy-wait into the next millisecond, no sleeping
        }
        UUID later = ids.newId();

        assertThat(Long.compareUnsigned(millis(later), millis(earlier)))
                .as("after %d spins", spins)
                .isPositive();
        assertThat(later.toString()).isGreaterThan(earlier.toString());
        assertThat(later).isGreaterThan(earlier);
    }

    @Test
    void givenIdsCreatedOneAfterAnother_whenTheirTimePrefixesAreRead_thenTheyNeverGoBackwards() {
        var created = new ArrayList<UUID>();
        for (int i = 0; i < 5_000; i++) {
            created.add(ids.newId());
        }

        for (int i = 1; i < created.size(); i++) {
            assertThat(millis(created.get(i))).isGreaterThanOrEqualTo(millis(created.get(i - 1)));
        }
    }

    @Test
    void givenTenThousandIds_whenCollected_thenAllAreDistinct() {
        var seen = new HashSet<UUID>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(ids.newId());
        }

        assertThat(seen).hasSize(10_000);
    }
}
