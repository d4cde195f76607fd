package io.taskflow.core.task;

import static io.taskflow.core.testing.DomainAssertions.assertInvalidInput;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskflow.core.task.RecurrenceRule.Frequency;
import io.taskflow.core.task.RecurrenceRule.Next;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RecurrenceRuleTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "FREQ=DAILY",
                "FREQ=WEEKLY",
                "FREQ=MONTHLY",
                "FREQ=YEARLY",
                "FREQ=DAILY;INTERVAL=2",
                "FREQ=WEEKLY;INTERVAL=366",
                "FREQ=MONTHLY;INTERVAL=3",
                "FREQ=WEEKLY;BYDAY=MO,WE,FR",
                "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SU;COUNT=10",
                "FREQ=DAILY;UNTIL=20301231T235959Z",
                "FREQ=YEARLY;COUNT=10000",
                "FREQ=WEEKLY;INTERVAL=366;BYDAY=MO,TU,WE,TH,FR,SA,SU;UNTIL=20991231T235959Z"
            })
    void aParsedRuleWritesBackTheSameText(String text) {
        var rule = RecurrenceRule.parse(text);

        assertThat(rule.toString()).isEqualTo(text);
        assertThat(RecurrenceRule.parse(rule.toString())).isEqualTo(rule);
    }

    @Test
    void theLongestCanonicalRuleFitsTheColumnWithRoomToSpare() {
        var longest =
                RecurrenceRule.parse("FREQ=WEEKLY;INTERVAL=366;BYDAY=MO,TU,WE,TH,FR,SA,SU;UNTIL=20991231T235959Z");

        assertThat(longest.toString()).hasSizeLessThanOrEqualTo(128);
    }

    @Test
    void parsingReadsEveryPart() {
        var rule = RecurrenceRule.parse("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR;COUNT=5");

        assertThat(rule.frequency()).isEqualTo(Frequency.WEEKLY);
        assertThat(rule.interval()).isEqualTo(2);
        assertThat(rule.byDay()).containsExactly(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        assertThat(rule.count()).isEqualTo(5);
        assertThat(rule.until()).isNull();
        assertThat(RecurrenceRule.parse("FREQ=DAILY;UNTIL=20300102T030405Z").until())
                .isEqualTo(Instant.parse("2030-01-02T03:04:05Z"));
    }

    @Test
    void parsingDefaultsTheIntervalToOneAndLeavesTheSeriesOpen() {
        assertThat(RecurrenceRule.parse("FREQ=WEEKLY;INTERVAL=2")).isEqualTo(new RecurrenceRule(Frequency.WEEKLY, 2));
        assertThat(RecurrenceRule.parse(" FREQ=DAILY ")).isEqualTo(new RecurrenceRule(Frequency.DAILY, 1));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "FREQ=DAILY;INTERVAL=1                  | FREQ=DAILY",
                "freq=weekly;byday=fr,mo                | FREQ=WEEKLY;BYDAY=MO,FR",
                "INTERVAL=2;FREQ=DAILY                  | FREQ=DAILY;INTERVAL=2",
                "COUNT=3;BYDAY=SU,MO;FREQ=WEEKLY        | FREQ=WEEKLY;BYDAY=MO,SU;COUNT=3",
                "FREQ=DAILY;UNTIL=20301231              | FREQ=DAILY;UNTIL=20301231T235959Z",
                "FREQ=DAILY;INTERVAL=007                | FREQ=DAILY;INTERVAL=7",
                "FREQ = DAILY ; INTERVAL = 2            | FREQ=DAILY;INTERVAL=2"
            })
    void anAcceptedRuleIsWrittenInItsCanonicalForm(String text, String canonical) {
        assertThat(RecurrenceRule.parse(text)).hasToString(canonical);
    }

    @Test
    void aDateAsUntilLetsTheSeriesRunThroughThatWholeDay() {
        var rule = RecurrenceRule.parse("FREQ=DAILY;UNTIL=20300105");

        assertThat(rule.after(Instant.parse("2030-01-04T22:00:00Z")))
                .map(Next::at)
                .contains(Instant.parse("2030-01-05T22:00:00Z"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "FREQ=HOURLY                            | FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY",
                "FREQ=                                  | FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY",
                "FREQ=DAILY INTERVAL=2                  | FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY",
                "INTERVAL=2                             | FREQ is required",
                "FREQ=DAILY;INTERVAL=                   | INTERVAL must be a whole number from 1 to 366",
                "FREQ=DAILY;INTERVAL=-1                 | INTERVAL must be a whole number from 1 to 366",
                "FREQ=DAILY;INTERVAL=0                  | INTERVAL must be a whole number from 1 to 366",
                "FREQ=DAILY;INTERVAL=367                | INTERVAL must be a whole number from 1 to 366",
                "FREQ=DAILY;INTERVAL=two                | INTERVAL must be a whole number from 1 to 366",
                "FREQ=DAILY;INTERVAL=99999999999        | INTERVAL must be a whole number from 1 to 366",
                "FREQ=DAILY;COUNT=0                     | COUNT must be a whole number from 1 to 10000",
                "FREQ=DAILY;COUNT=10001                 | COUNT must be a whole number from 1 to 10000",
                "FREQ=DAILY;COUNT=1.5                   | COUNT must be a whole number from 1 to 10000",
                "FREQ=WEEKLY;BYDAY=                     | BYDAY takes two-letter days (MO,TU,WE,TH,FR,SA,SU)",
                "FREQ=WEEKLY;BYDAY=MON                  | BYDAY takes two-letter days (MO,TU,WE,TH,FR,SA,SU)",
                "FREQ=WEEKLY;BYDAY=1MO                  | BYDAY takes two-letter days (MO,TU,WE,TH,FR,SA,SU)",
                "FREQ=WEEKLY;BYDAY=MO,,FR               | BYDAY takes two-letter days (MO,TU,WE,TH,FR,SA,SU)",
                "FREQ=WEEKLY;BYDAY=MO,FR,MO             | BYDAY names MO more than once",
                "FREQ=MONTHLY;BYDAY=MO                  | BYDAY is supported with FREQ=WEEKLY only",
                "FREQ=DAILY;BYDAY=MO                    | BYDAY is supported with FREQ=WEEKLY only",
                "FREQ=DAILY;UNTIL=2030-12-31            | UNTIL must be a UTC date-time like 20301231T235959Z",
                "FREQ=DAILY;UNTIL=20301231T235959       | UNTIL must be a UTC date-time like 20301231T235959Z",
                "FREQ=DAILY;UNTIL=20300231              | UNTIL must be a UTC date-time like 20301231T235959Z",
                "FREQ=DAILY;UNTIL=20301231T246000Z      | UNTIL must be a UTC date-time like 20301231T235959Z",
                "FREQ=DAILY;UNTIL=21000101T000000Z      | UNTIL must be between 2000-01-01T00:00:00Z and 2100",
                "FREQ=DAILY;UNTIL=19991231              | UNTIL must be between 2000-01-01T00:00:00Z and 2100",
                "FREQ=DAILY;COUNT=3;UNTIL=20301231      | COUNT and UNTIL cannot both be given",
                "FREQ=DAILY;FREQ=WEEKLY                 | FREQ is given more than once",
                "FREQ=DAILY;COUNT=2;COUNT=3             | COUNT is given more than once",
                "FREQ=DAILY;BYMONTHDAY=31               | BYMONTHDAY is not supported; a rule takes FREQ, INTERVAL",
                "FREQ=DAILY;WKST=SU                     | WKST is not supported",
                "FREQ=DAILY;                            | has an empty part: remove the stray ';'",
                "FREQ=DAILY;;INTERVAL=2                 | has an empty part: remove the stray ';'",
                "FREQ=DAILY;INTERVAL                    | 'INTERVAL' is not a NAME=VALUE part",
                "=DAILY                                 | '=DAILY' is not a NAME=VALUE part",
                "RRULE:FREQ=DAILY                       | write the rule without the RRULE: prefix"
            })
    void eachFlawIsRefusedWithAMessageThatSaysWhatIsWrong(String text, String message) {
        var refused = assertInvalidInput("recurrence", () -> RecurrenceRule.parse(text));

        assertThat(refused.getMessage()).contains(message);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void aBlankRuleIsRefused(String text) {
        var refused = assertInvalidInput("recurrence", () -> RecurrenceRule.parse(text));

        assertThat(refused.getMessage()).contains("must not be blank");
    }

    @Test
    void anOverlongRuleIsRefusedBeforeItIsRead() {
        var refused = assertInvalidInput("recurrence", () -> RecurrenceRule.parse("FREQ=DAILY;" + "X".repeat(300)));

        assertThat(refused.getMessage()).contains("at most 200 characters");
    }

    @Test
    void aRuleBuiltInCodeIsHeldToTheSameLimits() {
        assertInvalidInput("recurrence", () -> new RecurrenceRule(null, 1));
        assertInvalidInput(
                "recurrence", () -> new RecurrenceRule(Frequency.DAILY, 1, List.of(DayOfWeek.MONDAY), null, null));
        assertInvalidInput(
                "recurrence",
                () -> new RecurrenceRule(Frequency.DAILY, 1, List.of(), 2, Instant.parse("2030-01-01T00:00:00Z")));
        assertInvalidInput("recurrence", () -> new RecurrenceRule(Frequency.DAILY, 1, List.of(), 0, null));
    }

    @ParameterizedTest
    @CsvSource({
        "FREQ=DAILY,                  2026-03-28T12:00:00Z,    2026-03-29T12:00:00Z",
        "FREQ=DAILY;INTERVAL=3,       2026-12-30T06:00:00Z,    2027-01-02T06:00:00Z",
        "FREQ=WEEKLY,                 2026-03-02T10:00:00Z,    2026-03-09T10:00:00Z",
        "FREQ=WEEKLY;INTERVAL=2,      2026-03-02T10:00:00Z,    2026-03-16T10:00:00Z",
        "FREQ=MONTHLY,                2026-01-15T08:30:00Z,    2026-02-15T08:30:00Z",
        "FREQ=MONTHLY;INTERVAL=3,     2026-11-30T23:59:59Z,    2027-05-30T23:59:59Z",
        "FREQ=YEARLY,                 2026-07-01T07:00:00Z,    2027-07-01T07:00:00Z",
        "FREQ=DAILY,                  2026-03-28T12:00:00.123456Z, 2026-03-29T12:00:00.123456Z"
    })
    void theNextInstanceKeepsTheTimeOfDayAndCountsCalendarUnitsInUtc(String rule, Instant anchor, Instant expected) {
        assertThat(RecurrenceRule.parse(rule).after(anchor)).map(Next::at).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({
        // Monday → Wednesday → Friday → the next Monday
        "2026-03-02T09:00:00Z, 2026-03-04T09:00:00Z",
        "2026-03-04T09:00:00Z, 2026-03-06T09:00:00Z",
        "2026-03-06T09:00:00Z, 2026-03-09T09:00:00Z",
        // an anchor off the pattern (a Tuesday) continues on the next listed day
        "2026-03-03T09:00:00Z, 2026-03-04T09:00:00Z"
    })
    void aWeeklyRuleWithDaysGoesToTheNextListedDay(Instant anchor, Instant expected) {
        assertThat(RecurrenceRule.parse("FREQ=WEEKLY;BYDAY=MO,WE,FR").after(anchor))
                .map(Next::at)
                .contains(expected);
    }

    @Test
    void aFortnightlyRuleWithDaysFinishesTheAnchorsWeekThenSkipsAWeek() {
        var rule = RecurrenceRule.parse("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE");

        assertThat(rule.after(Instant.parse("2026-03-02T09:00:00Z")))
                .map(Next::at)
                .contains(Instant.parse("2026-03-04T09:00:00Z"));
        assertThat(rule.after(Instant.parse("2026-03-04T09:00:00Z")))
                .map(Next::at)
                .contains(Instant.parse("2026-03-16T09:00:00Z"));
    }

    @Test
    void aMonthlyRuleOnThe31stSkipsMonthsWithoutOneAndNeverDrifts() {
        var rule = RecurrenceRule.parse("FREQ=MONTHLY");

        Instant second =
                rule.after(Instant.parse("2026-01-31T09:00:00Z")).orElseThrow().at();
        Instant third = rule.after(second).orElseThrow().at();

        assertThat(second).isEqualTo(Instant.parse("2026-03-31T09:00:00Z"));
        assertThat(third).isEqualTo(Instant.parse("2026-05-31T09:00:00Z"));
    }

    @Test
    void aYearlyRuleOnLeapDayWaitsForTheNextLeapYear() {
        assertThat(RecurrenceRule.parse("FREQ=YEARLY").after(Instant.parse("2024-02-29T07:00:00Z")))
                .map(Next::at)
                .contains(Instant.parse("2028-02-29T07:00:00Z"));
    }

    @Test
    void aCountedRuleHandsTheNextOccurrenceOneFewerAndEndsAfterTheLast() {
        Instant anchor = Instant.parse("2026-03-02T09:00:00Z");
        var three = RecurrenceRule.parse("FREQ=DAILY;COUNT=3");

        Next second = three.after(anchor).orElseThrow();
        Next third = second.rule().after(second.at()).orElseThrow();

        assertThat(second.at()).isEqualTo(Instant.parse("2026-03-03T09:00:00Z"));
        assertThat(second.rule()).hasToString("FREQ=DAILY;COUNT=2");
        assertThat(third.rule()).hasToString("FREQ=DAILY;COUNT=1");
        assertThat(third.rule().after(third.at())).isEmpty();
    }

    @Test
    void anOpenRuleIsCarriedOnUnchanged() {
        var rule = RecurrenceRule.parse("FREQ=WEEKLY;BYDAY=MO");

        assertThat(rule.after(Instant.parse("2026-03-02T09:00:00Z")))
                .map(Next::rule)
                .contains(rule);
    }

    @ParameterizedTest
    @CsvSource({
        // UNTIL is inclusive: an instance exactly on it still comes
        "2026-03-10T09:00:00Z, 2026-03-10T09:00:00Z",
        "2026-03-10T08:59:59Z, ",
        "2026-03-09T08:59:59Z, "
    })
    void aRuleWithUntilEndsTheSeriesAfterThatInstant(Instant until, Instant expectedNext) {
        var rule = new RecurrenceRule(Frequency.DAILY, 1, List.of(), null, until);

        Optional<Instant> next =
                rule.after(Instant.parse("2026-03-09T09:00:00Z")).map(Next::at);

        assertThat(next).isEqualTo(Optional.ofNullable(expectedNext));
    }

    @Test
    void aSeriesEndsRatherThanLeaveTheDatesATaskMayHave() {
        assertThat(RecurrenceRule.parse("FREQ=YEARLY;INTERVAL=50").after(Instant.parse("2060-01-01T00:00:00Z")))
                .isEmpty();
    }
}
