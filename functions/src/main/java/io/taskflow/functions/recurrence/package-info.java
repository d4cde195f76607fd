/** The recurrence consumer: a completed recurring task's next occurrence, created once per task. */
package io.taskflow.functions.recurrence;
