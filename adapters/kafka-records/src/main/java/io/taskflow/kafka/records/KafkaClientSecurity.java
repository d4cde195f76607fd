package io.taskflow.kafka.records;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * TLS and SASL settings for every Kafka client this runtime makes itself (producer, admin clients, the redrive
 * reader), from the same environment variables Micronaut maps onto its Kafka listeners ({@code
 * KAFKA_SECURITY_PROTOCOL} becomes {@code kafka.security.protocol}), so one set of variables secures every
 * connection: {@code KAFKA_SECURITY_PROTOCOL} (SSL or SASL_SSL), {@code KAFKA_SSL_TRUSTSTORE_LOCATION}, {@code
 * KAFKA_SSL_TRUSTSTORE_PASSWORD}, {@code KAFKA_SSL_TRUSTSTORE_TYPE}, the keystore ones for mutual TLS, {@code
 * KAFKA_SASL_MECHANISM} and {@code KAFKA_SASL_JAAS_CONFIG}. Host names are verified ({@code https}) unless {@code
 * KAFKA_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM} says otherwise.
 */
public final class KafkaClientSecurity {
    static final String[] KEYS = {
        "security.protocol",
        "ssl.truststore.location",
        "ssl.truststore.password",
        "ssl.truststore.type",
        "ssl.truststore.certificates",
        "ssl.keystore.location",
        "ssl.keystore.password",
        "ssl.keystore.type",
        "ssl.key.password",
        "ssl.endpoint.identification.algorithm",
        "sasl.mechanism",
        "sasl.jaas.config",
        "sasl.client.callback.handler.class"
    };

    private KafkaClientSecurity() {}

    /** {@code base} with the security settings of this process's environment added. */
    public static Map<String, Object> withSecurity(Map<String, Object> base) {
        var merged = new HashMap<String, Object>(base);
        merged.putAll(settings(System.getenv()));
        return merged;
    }

    /** The Kafka client settings named by {@code env} ({@code KAFKA_SSL_TRUSTSTORE_LOCATION} → {@code ssl.truststore.location}). */
    public static Map<String, Object> settings(Map<String, String> env) {
        var settings = new HashMap<String, Object>();
        for (String key : KEYS) {
            String value = env.get("KAFKA_" + key.replace('.', '_').toUpperCase(Locale.ROOT));
            if (value != null && !value.isBlank()) {
                settings.put(key, value);
            }
        }
        return settings;
    }
}
