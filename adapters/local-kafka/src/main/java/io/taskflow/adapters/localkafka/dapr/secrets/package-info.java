/** Secrets from the Dapr secret store: the signing key, and the SMTP password when none is configured. */
package io.taskflow.adapters.localkafka.dapr.secrets;
