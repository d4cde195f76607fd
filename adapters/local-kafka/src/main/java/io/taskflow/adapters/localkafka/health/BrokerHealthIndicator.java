package io.taskflow.adapters.localkafka.health;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import io.taskflow.adapters.localkafka.kafka.BrokerAdmin;
import io.taskflow.adapters.localkafka.runtime.KafkaRuntime;
import io.taskflow.functions.health.CachedProbe;
import io.taskflow.functions.health.HealthProbes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.reactivestreams.Publisher;

/**
 * {@code broker}: the Kafka cluster answers a describe-cluster call within {@code taskflow.health.timeout}; the details
 * give its id and how many brokers it has. In place of micronaut-kafka's check ({@code kafka.health.enabled: false}),
 * which waits longer and asks again on every probe.
 */
@KafkaRuntime
@Singleton
@Readiness
public class BrokerHealthIndicator implements HealthIndicator {
    static final String NAME = "broker";

    private final CachedProbe probe;

    BrokerHealthIndicator(BrokerAdmin broker, HealthProbes probes) {
        Duration timeout = probes.timeout();
        this.probe = probes.probe(NAME, () -> check(broker, timeout));
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.fromCompletableFuture(probe::result);
    }

    private static HealthResult check(BrokerAdmin broker, Duration timeout) {
        DescribeClusterResult cluster =
                broker.client().describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
        try {
            var details = new LinkedHashMap<String, Object>();
            details.put("clusterId", cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS));
            details.put(
                    "nodes",
                    cluster.nodes()
                            .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                            .size());
            return HealthResult.builder(NAME, HealthStatus.UP).details(details).build();
        } catch (ExecutionException | TimeoutException e) {
            return CachedProbe.down(NAME, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CachedProbe.down(NAME, e);
        }
    }
}
