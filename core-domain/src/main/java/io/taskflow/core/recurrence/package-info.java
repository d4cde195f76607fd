/**
 * Recurring tasks: when one is completed, the next occurrence of its series is created, due at the rule's next
 * instance, exactly once.
 */
package io.taskflow.core.recurrence;
