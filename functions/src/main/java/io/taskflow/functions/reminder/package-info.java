/** The reminder sweep: the scheduled function that turns due reminders into {@code reminder.triggered} events. */
package io.taskflow.functions.reminder;
