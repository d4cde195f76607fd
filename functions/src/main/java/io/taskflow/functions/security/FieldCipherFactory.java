package io.taskflow.functions.security;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.taskflow.core.port.Secrets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data-encryption keys, from the secrets port: {@code encryption-key} (the Base64 of 16, 24 or 32 random bytes;
 * 32 recommended) under the id {@code taskflow.encryption.key-id}, and while keys rotate the retired one as {@code
 * encryption-key-previous} under {@code taskflow.encryption.previous-key-id}. Made at start, like the JWT key: a
 * runtime without a key does not start, except where generating secrets is allowed (tests; the embedded mode keeps
 * a generated key in its data directory instead).
 */
@Factory
class FieldCipherFactory {
    static final String KEY = "encryption-key";
    static final String PREVIOUS_KEY = "encryption-key-previous";
    private static final Logger LOG = LoggerFactory.getLogger(FieldCipherFactory.class);

    @Context
    FieldCipher fieldCipher(
            Secrets secrets,
            @Value("${taskflow.encryption.key-id:k1}") String keyId,
            @Value("${taskflow.encryption.previous-key-id:}") String previousId,
            @Value("${taskflow.security.generate-secret-if-missing:false}") boolean generate) {
        var keys = new HashMap<String, SecretKey>();
        keys.put(keyId, secrets.find(KEY).map(v -> key(KEY, v)).orElseGet(() -> generated(generate)));
        if (!previousId.isBlank()) {
            String previous = secrets.find(PREVIOUS_KEY)
                    .orElseThrow(() -> new ConfigurationException("taskflow.encryption.previous-key-id is set but"
                            + " no secret " + PREVIOUS_KEY + " is configured"));
            keys.put(previousId, key(PREVIOUS_KEY, previous));
        }
        return new FieldCipher(keyId, keys);
    }

    private static SecretKey key(String name, String value) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value.strip());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("the secret " + name + " must be Base64");
        }
        if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
            throw new ConfigurationException("the secret " + name + " must encode 16, 24 or 32 bytes (32 recommended)");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private static SecretKey generated(boolean allowed) {
        if (!allowed) {
            throw new ConfigurationException("no secret " + KEY + " is configured: set TASKFLOW_SECRET_ENCRYPTION_KEY"
                    + " or TASKFLOW_SECRET_ENCRYPTION_KEY_FILE (the Base64 of 32 random bytes)");
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        LOG.warn("No encryption key is configured: generated one for this run. Values encrypted now cannot be read"
                + " after a restart; set TASKFLOW_SECRET_ENCRYPTION_KEY to keep them.");
        return new SecretKeySpec(key, "AES");
    }
}
