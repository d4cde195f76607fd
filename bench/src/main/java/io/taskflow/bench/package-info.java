/**
 * The benchmark harness: starts the application (external and embedded mode) and its broker as separate processes,
 * measures them with wrk, pgbench, Kafka's producer tool and an open-loop load generator of its own, and writes one
 * dated report in which every figure names the command that produced it.
 */
package io.taskflow.bench;
