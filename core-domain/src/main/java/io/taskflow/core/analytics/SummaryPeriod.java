package io.taskflow.core.analytics;

import io.taskflow.core.error.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/** The UTC days a summary covers, both ends included: at least one day, at most {@value #MAX_DAYS}. */
public record SummaryPeriod(LocalDate from, LocalDate to) {
    public static final int MAX_DAYS = 366;
    public static final int DEFAULT_DAYS = 7;

    public SummaryPeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new InvalidInputException("from", "must not be after to");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new InvalidInputException("to", "the period may cover at most " + MAX_DAYS + " days");
        }
    }

    /**
     * The period a request names; a missing end defaults to today (for {@code to}) or to the sixth day before {@code
     * to} (for {@code from}), so no parameter means the last seven days.
     */
    public static SummaryPeriod parse(String from, String to, LocalDate today) {
        LocalDate end = to == null ? today : day("to", to);
        LocalDate start = from == null ? end.minusDays(DEFAULT_DAYS - 1) : day("from", from);
        return new SummaryPeriod(start, end);
    }

    public List<LocalDate> days() {
        return from.datesUntil(to.plusDays(1)).toList();
    }

    private static LocalDate day(String field, String value) {
        try {
            if (value.length() != 10) {
                throw new DateTimeParseException("not yyyy-mm-dd", value, 0);
            }
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a date such as 2026-03-31");
        }
    }
}
