package io.taskflow.core.notification;

import static io.taskflow.core.testing.DomainAssertions.assertInvalidInput;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuietHoursTest {

    @ParameterizedTest(name = "{0} is quiet: {1}")
    @CsvSource({
        "2026-03-02T21:59:59Z, false",
        "2026-03-02T22:00:00Z, true",
        "2026-03-02T23:59:59Z, true",
        "2026-03-03T00:00:00Z, true",
        "2026-03-03T06:59:59Z, true",
        "2026-03-03T07:00:00Z, false",
        "2026-03-03T12:00:00Z, false"
    })
    void aWindowThatWrapsMidnightCoversTheLateEveningAndTheEarlyMorning(String at, boolean quiet) {
        var night = QuietHours.parse("22:00", "07:00", "UTC");

        assertThat(night.contains(Instant.parse(at))).isEqualTo(quiet);
    }

    @ParameterizedTest(name = "{0} is quiet: {1}")
    @CsvSource({"2026-03-02T11:59:00Z, false", "2026-03-02T12:00:00Z, true", "2026-03-02T13:30:00Z, false"})
    void aWindowWithinOneDayStartsInclusiveAndEndsExclusive(String at, boolean quiet) {
        var lunch = QuietHours.parse("12:00", "13:30", "UTC");

        assertThat(lunch.contains(Instant.parse(at))).isEqualTo(quiet);
    }

    @Test
    void theWindowIsReadInTheUsersTimeZoneNotInUtc() {
        var berlinNight = QuietHours.parse("22:00", "07:00", "Europe/Berlin");
        var tokyoNight = QuietHours.parse("22:00", "07:00", "Asia/Tokyo");
        // 21:30 UTC in winter: 22:30 in Berlin (quiet), 06:30 next morning in Tokyo (quiet), 21:30 in UTC (not quiet).
        var at = Instant.parse("2026-01-15T21:30:00Z");

        assertThat(berlinNight.contains(at)).isTrue();
        assertThat(tokyoNight.contains(at)).isTrue();
        assertThat(QuietHours.parse("22:00", "07:00", "UTC").contains(at)).isFalse();
        // 06:30 UTC: 07:30 in Berlin, after the window; 15:30 in Tokyo.
        assertThat(berlinNight.contains(Instant.parse("2026-01-15T06:30:00Z"))).isFalse();
        assertThat(tokyoNight.contains(Instant.parse("2026-01-15T06:30:00Z"))).isFalse();
    }

    @Test
    void theWindowKeepsItsWallClockHoursAcrossDaylightSaving() {
        var newYorkNight = QuietHours.parse("22:00", "07:00", "America/New_York");

        // 22:30 local both times: UTC-5 in January, UTC-4 in July.
        assertThat(newYorkNight.contains(Instant.parse("2026-01-15T03:30:00Z"))).isTrue();
        assertThat(newYorkNight.contains(Instant.parse("2026-07-15T02:30:00Z"))).isTrue();
        // 21:30 local in July is 01:30 UTC: not yet quiet, although 01:30 UTC was quiet in January.
        assertThat(newYorkNight.contains(Instant.parse("2026-07-15T01:30:00Z"))).isFalse();
        assertThat(newYorkNight.contains(Instant.parse("2026-01-15T03:00:00Z"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"7:00", "24:00", "22:60", "22.00", "2200", "", " 22:00"})
    void aTimeThatIsNotHhMmIsRefused(String time) {
        assertInvalidInput("quietHours.start", () -> QuietHours.parse(time, "07:00", "UTC"));
        assertInvalidInput("quietHours.end", () -> QuietHours.parse("22:00", time, "UTC"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mars/Olympus", "+02:00", "GMT+2", "europe/berlin", ""})
    void aZoneThatIsNotAnIanaRegionIsRefused(String zone) {
        assertInvalidInput("quietHours.timeZone", () -> QuietHours.parse("22:00", "07:00", zone));
    }

    @Test
    void missingPartsAreRefused() {
        assertInvalidInput("quietHours.start", () -> QuietHours.parse(null, "07:00", "UTC"));
        assertInvalidInput("quietHours.timeZone", () -> QuietHours.parse("22:00", "07:00", null));
    }

    @Test
    void anEmptyWindowIsRefused() {
        assertInvalidInput("quietHours", () -> QuietHours.parse("22:00", "22:00", "UTC"));
    }
}
