package io.taskflow.adapters.localkafka.kafka;

import io.micronaut.context.annotation.Value;
import io.taskflow.adapters.localkafka.runtime.KafkaRuntime;
import io.taskflow.kafka.records.KafkaClientSecurity;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The one Kafka Admin client through which this runtime looks at the broker: the readiness check and the consumer lag
 * gauge. Calls through it pass their own short timeouts; the client's defaults only bound a call that does not.
 */
@KafkaRuntime
@Singleton
public class BrokerAdmin {
    private final Admin admin;

    public BrokerAdmin(@Value("${kafka.bootstrap.servers}") String bootstrapServers) {
        this.admin = Admin.create(KafkaClientSecurity.withSecurity(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG,
                "taskflow-observer",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                10_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                5_000)));
    }

    public Admin client() {
        return admin;
    }

    @PreDestroy
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
