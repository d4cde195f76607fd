package io.taskflow.adapters.aws.publish;

import io.micronaut.context.annotation.Requires;
import io.taskflow.kafka.records.KafkaClientProperties;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * MSK's IAM authentication for the producer: TLS, SASL mechanism {@code AWS_MSK_IAM}, and the function's own role as
 * the identity (the SDK's default credentials, which Lambda provides). No password exists to leak. Off only where
 * the broker is a plain local one ({@code taskflow.msk.iam-auth=false}).
 */
@Singleton
@Requires(property = "taskflow.msk.iam-auth", notEquals = "false")
public class MskIamAuth implements KafkaClientProperties {

    @Override
    public Map<String, Object> properties() {
        return Map.of(
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "AWS_MSK_IAM",
                "sasl.jaas.config", "software.amazon.msk.auth.iam.IAMLoginModule required;",
                "sasl.client.callback.handler.class", "software.amazon.msk.auth.iam.IAMClientCallbackHandler");
    }
}
