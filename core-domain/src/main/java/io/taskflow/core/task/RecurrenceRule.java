package io.taskflow.core.task;

import io.taskflow.core.error.InvalidInputException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subset of an RFC 5545 RRULE that Taskflow supports: {@code FREQ=DAILY|WEEKLY|MONTHLY|YEARLY} with an optional
 * {@code INTERVAL=n} (1..366). Kept as the RRULE text so that calendar tools read it as is.
 */
public record RecurrenceRule(Frequency frequency, int interval) {

    private static final Pattern SYNTAX =
            Pattern.compile("FREQ=(DAILY|WEEKLY|MONTHLY|YEARLY)(?:;INTERVAL=(\\d{1,3}))?");

    public enum Frequency {
        DAILY(ChronoUnit.DAYS),
        WEEKLY(ChronoUnit.WEEKS),
        MONTHLY(ChronoUnit.MONTHS),
        YEARLY(ChronoUnit.YEARS);

        private final ChronoUnit unit;

        Frequency(ChronoUnit unit) {
            this.unit = unit;
        }
    }

    public RecurrenceRule {
        if (frequency == null) {
            throw new InvalidInputException("recurrence", "FREQ is required");
        }
        if (interval < 1 || interval > 366) {
            throw new InvalidInputException("recurrence", "INTERVAL must be between 1 and 366");
        }
    }

    public static RecurrenceRule parse(String rule) {
        Matcher m = SYNTAX.matcher(rule == null ? "" : rule.strip());
        if (!m.matches()) {
            throw new InvalidInputException(
                    "recurrence", "must look like FREQ=DAILY|WEEKLY|MONTHLY|YEARLY with an optional ;INTERVAL=n");
        }
        int interval = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
        return new RecurrenceRule(Frequency.valueOf(m.group(1)), interval);
    }

    /** The next occurrence after {@code from}, counted in UTC calendar units. */
    public Instant next(Instant from) {
        return from.atOffset(ZoneOffset.UTC).plus(interval, frequency.unit).toInstant();
    }

    @Override
    public String toString() {
        return interval == 1 ? "FREQ=" + frequency : "FREQ=" + frequency + ";INTERVAL=" + interval;
    }
}
