package io.taskflow.core.task;

import io.taskflow.core.error.InvalidInputException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

/**
 * The subset of an RFC 5545 RRULE that Taskflow supports: {@code FREQ=DAILY|WEEKLY|MONTHLY|YEARLY}, an optional
 * {@code INTERVAL=n} (1..366), {@code BYDAY=MO,WE,FR} with {@code FREQ=WEEKLY}, and at most one of {@code COUNT=n}
 * and {@code UNTIL=20301231T235959Z}. Kept as RRULE text so that calendar tools read it as is; {@link #toString()}
 * writes the canonical form (parts in that order, upper case, {@code INTERVAL=1} left out, days Monday first).
 *
 * <p>Instances are those of RFC 5545 evaluated in UTC, computed with lib-recur: a monthly rule on the 31st skips the
 * months that have no 31st, as a calendar does, so a series never drifts to an earlier day of the month.
 *
 * @param byDay the weekdays of a weekly rule, Monday first; empty for every week on the anchor's weekday
 * @param count how many occurrences are left, this one included; null when the series is not counted
 * @param until the last instant an occurrence may fall on (inclusive); null when the series has no end date
 */
public record RecurrenceRule(Frequency frequency, int interval, List<DayOfWeek> byDay, Integer count, Instant until) {

    public static final int MAX_INTERVAL = 366;
    public static final int MAX_COUNT = 10_000;
    /** Far above the longest canonical rule (74 characters): only a typing accident or an attack is longer. */
    public static final int MAX_TEXT = 200;

    private static final String FIELD = "recurrence";
    private static final Set<String> PARTS = Set.of("FREQ", "INTERVAL", "BYDAY", "COUNT", "UNTIL");
    private static final DateTimeFormatter UNTIL_DATE_TIME =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter UNTIL_DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    public enum Frequency {
        DAILY,
        WEEKLY,
        MONTHLY,
        YEARLY
    }

    /** The occurrence that follows another: when it is due, and the rule it carries on (COUNT one lower). */
    public record Next(Instant at, RecurrenceRule rule) {}

    public RecurrenceRule {
        if (frequency == null) {
            throw invalid("FREQ is required");
        }
        if (interval < 1 || interval > MAX_INTERVAL) {
            throw invalid("INTERVAL must be a whole number from 1 to " + MAX_INTERVAL);
        }
        byDay = byDay == null ? List.of() : mondayFirst(byDay);
        if (!byDay.isEmpty() && frequency != Frequency.WEEKLY) {
            throw invalid("BYDAY is supported with FREQ=WEEKLY only");
        }
        if (count != null && (count < 1 || count > MAX_COUNT)) {
            throw invalid("COUNT must be a whole number from 1 to " + MAX_COUNT);
        }
        if (until != null) {
            until = until.truncatedTo(ChronoUnit.SECONDS);
            if (until.isBefore(TaskDetails.EARLIEST) || !until.isBefore(TaskDetails.LATEST)) {
                throw invalid("UNTIL must be between " + TaskDetails.EARLIEST + " and " + TaskDetails.LATEST);
            }
        }
        if (count != null && until != null) {
            throw invalid("COUNT and UNTIL cannot both be given: a series ends one way");
        }
    }

    /** Every {@code interval} days, weeks, months or years, without end. */
    public RecurrenceRule(Frequency frequency, int interval) {
        this(frequency, interval, List.of(), null, null);
    }

    /**
     * Reads RRULE text: parts in any order, names and values in any case.
     *
     * @throws InvalidInputException naming the field {@code recurrence} and what is wrong with the text
     */
    public static RecurrenceRule parse(String rule) {
        String text = rule == null ? "" : rule.strip();
        if (text.isEmpty()) {
            throw invalid("must not be blank; e.g. FREQ=WEEKLY;BYDAY=MO,WE");
        }
        if (text.length() > MAX_TEXT) {
            throw invalid("must be at most " + MAX_TEXT + " characters");
        }
        if (text.toUpperCase(Locale.ROOT).startsWith("RRULE:")) {
            throw invalid("write the rule without the RRULE: prefix, e.g. FREQ=WEEKLY;BYDAY=MO,WE");
        }
        Map<String, String> parts = parts(text);
        if (!parts.containsKey("FREQ")) {
            throw invalid("FREQ is required");
        }
        return new RecurrenceRule(
                frequency(parts.get("FREQ")),
                parts.containsKey("INTERVAL") ? number(parts.get("INTERVAL"), "INTERVAL", MAX_INTERVAL) : 1,
                parts.containsKey("BYDAY") ? days(parts.get("BYDAY")) : List.of(),
                parts.containsKey("COUNT") ? number(parts.get("COUNT"), "COUNT", MAX_COUNT) : null,
                parts.containsKey("UNTIL") ? until(parts.get("UNTIL")) : null);
    }

    /**
     * The occurrence after the one anchored at {@code anchor}: the first instance of this rule, started at the anchor,
     * that falls after it. Empty when the series has ended: this was the last counted occurrence, the next instance
     * would fall after UNTIL, or beyond the dates a task may have.
     */
    public Optional<Next> after(Instant anchor) {
        if (count != null && count <= 1) {
            return Optional.empty();
        }
        return firstInstanceAfter(anchor)
                .filter(at -> at.isBefore(TaskDetails.LATEST))
                .map(at -> new Next(at, count == null ? this : withCount(count - 1)));
    }

    /** The first instance after {@code anchor}, ignoring COUNT (each occurrence carries the rest of the count). */
    private Optional<Instant> firstInstanceAfter(Instant anchor) {
        // RFC 5545 instances have whole seconds; the anchor's fraction is carried over unchanged.
        Instant start = anchor.truncatedTo(ChronoUnit.SECONDS);
        long fraction = anchor.getNano();
        RecurrenceRuleIterator instances =
                library(withCount(null)).iterator(new DateTime(DateTime.UTC, start.toEpochMilli()));
        while (instances.hasNext()) {
            long millis = instances.nextMillis();
            if (millis > start.toEpochMilli()) {
                return Optional.of(Instant.ofEpochMilli(millis).plusNanos(fraction));
            }
        }
        return Optional.empty();
    }

    private RecurrenceRule withCount(Integer remaining) {
        return new RecurrenceRule(frequency, interval, byDay, remaining, until);
    }

    private static org.dmfs.rfc5545.recur.RecurrenceRule library(RecurrenceRule rule) {
        try {
            return new org.dmfs.rfc5545.recur.RecurrenceRule(
                    rule.toString(), org.dmfs.rfc5545.recur.RecurrenceRule.RfcMode.RFC5545_STRICT);
        } catch (InvalidRecurrenceRuleException e) {
            throw new IllegalStateException("the canonical form of a valid rule was refused: " + rule, e);
        }
    }

    @Override
    public String toString() {
        var text = new StringBuilder("FREQ=").append(frequency);
        if (interval != 1) {
            text.append(";INTERVAL=").append(interval);
        }
        if (!byDay.isEmpty()) {
            text.append(";BYDAY=")
                    .append(byDay.stream().map(RecurrenceRule::dayCode).collect(Collectors.joining(",")));
        }
        if (count != null) {
            text.append(";COUNT=").append(count);
        }
        if (until != null) {
            text.append(";UNTIL=").append(UNTIL_DATE_TIME.format(until.atOffset(ZoneOffset.UTC)));
        }
        return text.toString();
    }

    private static Map<String, String> parts(String text) {
        var parts = new LinkedHashMap<String, String>();
        for (String part : text.split(";", -1)) {
            if (part.isBlank()) {
                throw invalid("has an empty part: remove the stray ';'");
            }
            int equals = part.indexOf('=');
            if (equals <= 0) {
                throw invalid("'" + part + "' is not a NAME=VALUE part; parts are separated by ';'");
            }
            String name = part.substring(0, equals).strip().toUpperCase(Locale.ROOT);
            if (!PARTS.contains(name)) {
                throw invalid(name + " is not supported; a rule takes FREQ, INTERVAL, BYDAY, COUNT and UNTIL");
            }
            if (parts.put(name, part.substring(equals + 1).strip()) != null) {
                throw invalid(name + " is given more than once");
            }
        }
        return parts;
    }

    private static Frequency frequency(String value) {
        try {
            return Frequency.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY");
        }
    }

    private static int number(String value, String name, int max) {
        if (!value.matches("\\d{1,6}")) {
            throw invalid(name + " must be a whole number from 1 to " + max);
        }
        return Integer.parseInt(value);
    }

    private static List<DayOfWeek> days(String value) {
        var days = new ArrayList<DayOfWeek>();
        for (String code : value.split(",", -1)) {
            DayOfWeek day = dayOf(code.strip().toUpperCase(Locale.ROOT));
            if (day == null) {
                throw invalid("BYDAY takes two-letter days (MO,TU,WE,TH,FR,SA,SU) separated by commas");
            }
            if (days.contains(day)) {
                throw invalid("BYDAY names " + dayCode(day) + " more than once");
            }
            days.add(day);
        }
        return days;
    }

    private static Instant until(String value) {
        try {
            if (value.length() == 8) {
                // A date: the series may run through the whole of that day (UTC).
                return LocalDate.parse(value, UNTIL_DATE)
                        .atTime(LocalTime.of(23, 59, 59))
                        .toInstant(ZoneOffset.UTC);
            }
            return LocalDateTime.parse(value.toUpperCase(Locale.ROOT), UNTIL_DATE_TIME)
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw invalid("UNTIL must be a UTC date-time like 20301231T235959Z or a date like 20301231");
        }
    }

    private static List<DayOfWeek> mondayFirst(List<DayOfWeek> days) {
        if (days.stream().anyMatch(Objects::isNull)) {
            throw invalid("BYDAY takes two-letter days (MO,TU,WE,TH,FR,SA,SU) separated by commas");
        }
        return days.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(days));
    }

    private static DayOfWeek dayOf(String code) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (dayCode(day).equals(code)) {
                return day;
            }
        }
        return null;
    }

    private static String dayCode(DayOfWeek day) {
        return day.name().substring(0, 2);
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException(FIELD, message);
    }
}
