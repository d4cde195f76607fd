/**
 * The container runtime's own readiness check: the Kafka broker answers. The database and outbox checks come from the
 * shared functions module.
 */
package io.taskflow.adapters.localkafka.health;
