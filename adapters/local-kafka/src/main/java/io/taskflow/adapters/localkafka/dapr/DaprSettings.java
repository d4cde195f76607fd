package io.taskflow.adapters.localkafka.dapr;

import java.time.Duration;

/**
 * The names of the Dapr components this runtime uses (their {@code metadata.name}) and how long a call to the sidecar
 * may take.
 *
 * @param pubsub {@code taskflow.dapr.pubsub}: the pub/sub component of the events and dead-letter topics
 * @param stateStore {@code taskflow.dapr.state-store}: user preferences, written with ETags
 * @param secretStore {@code taskflow.dapr.secret-store}
 * @param appIdPrefix app ids are this plus the service ({@code taskflow-api}, {@code taskflow-<consumer>})
 * @param timeout one call to the sidecar
 */
public record DaprSettings(String pubsub, String stateStore, String secretStore, String appIdPrefix, Duration timeout) {

    /** The app id of the process that runs {@code consumer} in a split deployment. */
    public String appIdOf(String consumer) {
        return appIdPrefix + consumer.replace("-", "");
    }
}
