package io.taskflow.core.notification;

import io.taskflow.core.error.InvalidInputException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A daily window, in the user's own time zone, in which nothing is sent outside the system (e-mail, webhooks). The
 * start is inside the window and the end is not; a start after the end wraps midnight (22:00-07:00). Local times
 * follow the zone's daylight-saving rules, so the window stays at the same wall-clock hours all year.
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId timeZone) {
    private static final Pattern HH_MM = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");

    public QuietHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(timeZone, "timeZone");
        if (start.equals(end)) {
            throw new InvalidInputException("quietHours", "start and end must differ");
        }
    }

    /** From the API's text: {@code "HH:mm"} times and an IANA zone name such as {@code Europe/Berlin}. */
    public static QuietHours parse(String start, String end, String timeZone) {
        return new QuietHours(time("quietHours.start", start), time("quietHours.end", end), zone(timeZone));
    }

    public boolean contains(Instant at) {
        LocalTime local = at.atZone(timeZone).toLocalTime();
        if (start.isBefore(end)) {
            return !local.isBefore(start) && local.isBefore(end);
        }
        return !local.isBefore(start) || local.isBefore(end);
    }

    public String startText() {
        return start.toString();
    }

    public String endText() {
        return end.toString();
    }

    private static LocalTime time(String field, String value) {
        if (value == null || !HH_MM.matcher(value).matches()) {
            throw new InvalidInputException(field, "must be a time of day as HH:mm, such as 22:00");
        }
        return LocalTime.parse(value);
    }

    private static ZoneId zone(String name) {
        // Region names only: a fixed offset such as +02:00 would ignore daylight saving.
        if (name == null || !ZoneId.getAvailableZoneIds().contains(name)) {
            throw new InvalidInputException(
                    "quietHours.timeZone", "must be an IANA time zone such as Europe/Berlin (got '" + name + "')");
        }
        return ZoneId.of(name);
    }
}
