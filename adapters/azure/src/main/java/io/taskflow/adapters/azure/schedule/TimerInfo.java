package io.taskflow.adapters.azure.schedule;

import java.util.regex.Pattern;

/**
 * What the timer trigger passes a Java function: JSON such as {@code {"Schedule":{…},"ScheduleStatus":{…},
 * "IsPastDue":false}}. Only whether the run is late is read (for the log); the jobs take their time from the clock.
 */
record TimerInfo(boolean pastDue) {
    private static final Pattern PAST_DUE = Pattern.compile("\"IsPastDue\"\\s*:\\s*true", Pattern.CASE_INSENSITIVE);

    static TimerInfo read(String json) {
        return new TimerInfo(json != null && PAST_DUE.matcher(json).find());
    }
}
