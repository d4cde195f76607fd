package io.taskflow.functions.security;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.taskflow.core.port.Secrets;
import jakarta.inject.Named;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HMAC key that signs and verifies access tokens, taken from the secrets port. Only the embedded mode may run
 * without one: it makes a random key at start (tokens then die with the process) and says so.
 */
@Factory
class JwtSigningFactory {
    private static final Logger LOG = LoggerFactory.getLogger(JwtSigningFactory.class);
    /** HS256 needs a key of at least 256 bits. */
    private static final int MIN_SECRET_BYTES = 32;

    /**
     * The only signature configuration: every token is signed and checked with it (see {@link PinnedHmacSignature}).
     * Declared as the interface, the type Micronaut looks up for signing and for checking.
     */
    @Context // made at start: a missing or short secret stops the start, not the first login
    @Named("generator")
    SignatureGeneratorConfiguration signature(
            Secrets secrets, @Value("${taskflow.security.generate-secret-if-missing:false}") boolean generate) {
        String secret = secrets.find(Secrets.JWT_SIGNING_SECRET).orElseGet(() -> generated(generate));
        if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new ConfigurationException("the secret " + Secrets.JWT_SIGNING_SECRET + " must be at least "
                    + MIN_SECRET_BYTES + " bytes long");
        }
        return PinnedHmacSignature.of(secret);
    }

    private static String generated(boolean allowed) {
        if (!allowed) {
            throw new ConfigurationException(
                    "no secret " + Secrets.JWT_SIGNING_SECRET
                            + " is configured: set TASKFLOW_SECRET_JWT_SIGNING_SECRET or TASKFLOW_SECRET_JWT_SIGNING_SECRET_FILE");
        }
        byte[] key = new byte[48];
        new SecureRandom().nextBytes(key);
        LOG.warn(
                "No JWT signing secret is configured: generated a random one for this run."
                        + " Tokens stop working when the process restarts; set TASKFLOW_SECRET_JWT_SIGNING_SECRET to keep them.");
        return Base64.getEncoder().encodeToString(key);
    }
}
