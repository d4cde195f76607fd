/**
 * Kafka plumbing shared by the runtimes that speak Kafka (the container runtime and the AWS functions on MSK): events
 * as CloudEvents records, the one producer, publishing an outbox batch, dead-letter records and their headers, topic
 * names, and an embedded broker. A library, not a runtime: it starts nothing by itself.
 */
package io.taskflow.kafka.records;
