/**
 * The outgoing ports every runtime fills in: persistence (tasks, users, due reminders, recurring series), publishing,
 * hashing, tokens, time, ids and secrets.
 */
package io.taskflow.core.port;
