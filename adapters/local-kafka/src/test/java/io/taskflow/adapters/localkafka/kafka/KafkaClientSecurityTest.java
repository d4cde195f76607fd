package io.taskflow.adapters.localkafka.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskflow.kafka.records.KafkaClientSecurity;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The environment variables of docs/security.md become the Kafka client's TLS and SASL settings. */
class KafkaClientSecurityTest {

    @Test
    void givenTlsAndSaslVariablesThenTheyBecomeTheClientSettings() {
        var settings = KafkaClientSecurity.settings(Map.of(
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SSL_TRUSTSTORE_LOCATION", "/run/secrets/kafka-ca.p12",
                "KAFKA_SSL_TRUSTSTORE_PASSWORD", "pw",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "KAFKA_BOOTSTRAP_SERVERS", "not-a-security-setting:9092",
                "PATH", "/usr/bin"));

        assertThat(settings)
                .containsOnly(
                        Map.entry("security.protocol", "SASL_SSL"),
                        Map.entry("ssl.truststore.location", "/run/secrets/kafka-ca.p12"),
                        Map.entry("ssl.truststore.password", "pw"),
                        Map.entry("sasl.mechanism", "SCRAM-SHA-512"),
                        Map.entry(
                                "sasl.jaas.config",
                                "org.apache.kafka.common.security.scram.ScramLoginModule required;"));
    }

    @Test
    void givenNoVariablesThenTheClientKeepsItsOwnSettings() {
        var base = Map.<String, Object>of("bootstrap.servers", "127.0.0.1:9092");

        assertThat(KafkaClientSecurity.settings(Map.of())).isEmpty();
        assertThat(KafkaClientSecurity.withSecurity(base)).containsEntry("bootstrap.servers", "127.0.0.1:9092");
    }
}
