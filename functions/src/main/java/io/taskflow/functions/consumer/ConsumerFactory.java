package io.taskflow.functions.consumer;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;

@Factory
class ConsumerFactory {

    @Singleton
    RetryPolicy retryPolicy(
            @Value("${taskflow.consumers.retry.max-attempts:5}") int maxAttempts,
            @Value("${taskflow.consumers.retry.initial-backoff:200ms}") Duration initial,
            @Value("${taskflow.consumers.retry.max-backoff:5s}") Duration max) {
        return new RetryPolicy(maxAttempts, initial, max);
    }

    @Singleton
    ConsumerSelection consumerSelection(@Value("${" + ConsumerSelection.PROPERTY + ":all}") String enabled) {
        return ConsumerSelection.parse(enabled);
    }
}
