/**
 * Reminders: a task's {@code remindAt} fires once, as a {@code reminder.triggered} event, when the database's clock
 * reaches it; moving the reminder arms it again.
 */
package io.taskflow.core.reminder;
