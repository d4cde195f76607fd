/** The live feed's WebSocket endpoint and the Kafka listener that feeds it. */
package io.taskflow.adapters.localkafka.livefeed;
