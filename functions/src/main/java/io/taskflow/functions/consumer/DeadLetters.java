package io.taskflow.functions.consumer;

/**
 * Where a runtime keeps the events its consumers gave up on: a dead-letter topic per consumer on Kafka, a dead-letter
 * event hub on Azure, and so on. Each keeps the original event, the error, the attempt count and the consumer's name,
 * and can be redriven.
 */
public interface DeadLetters {

    /**
     * Returns once the dead letter is stored durably.
     *
     * @throws RuntimeException when it could not be stored; the event then stays undelivered rather than lost
     */
    void send(DeadLetter deadLetter);
}
