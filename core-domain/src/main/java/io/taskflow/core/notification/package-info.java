/**
 * Notifications: what a user wants to hear about and how (preferences, quiet hours, webhook target), which channels an
 * event goes out on, the in-app inbox, the deliveries to e-mail and webhooks (claimed before sending, so each goes out
 * at most once) and the daily digest.
 */
package io.taskflow.core.notification;
