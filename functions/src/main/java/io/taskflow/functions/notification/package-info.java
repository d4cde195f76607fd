/**
 * The notifications consumer and what it needs outside the core: the SMTP and webhook senders, the daily digest
 * function, metrics and the retention of notification rows. The decisions live in {@code io.taskflow.core.notification}.
 */
package io.taskflow.functions.notification;
