package io.taskflow.adapters.azure.eventhubs;

import io.micronaut.context.annotation.Factory;
import io.taskflow.functions.consumer.ConsumerProcessor;
import jakarta.inject.Singleton;

@Factory
class RetryWaits {

    /**
     * The function waits out the retry policy's backoff in place: the trigger holds the partition meanwhile, which is
     * what keeps the later events of the failed key (and the partition's checkpoint) behind it.
     */
    @Singleton
    ConsumerProcessor.Sleeper sleeper() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
