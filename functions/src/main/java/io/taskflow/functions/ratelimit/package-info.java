/**
 * Per-caller rate limits: how many writes one user, and how many logins one address or e-mail, may make per period.
 * Counted in this instance's memory (each serverless instance counts on its own; see docs/security.md).
 */
package io.taskflow.functions.ratelimit;
