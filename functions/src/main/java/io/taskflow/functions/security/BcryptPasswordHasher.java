package io.taskflow.functions.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.micronaut.context.annotation.Value;
import io.taskflow.core.port.PasswordHasher;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;

/** bcrypt with a configurable cost (default 10, about 50 ms a hash here: slow for guessing, fine for a login). */
@Singleton
final class BcryptPasswordHasher implements PasswordHasher {
    private static final int MAX_BYTES = 72;
    private final int cost;

    BcryptPasswordHasher(@Value("${taskflow.security.bcrypt-cost:10}") int cost) {
        this.cost = cost;
    }

    @Override
    public String hash(String password) {
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    @Override
    public boolean matches(String password, String hash) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        // bcrypt reads at most 72 bytes and this library refuses more; registration never stores such a password.
        if (bytes.length > MAX_BYTES) {
            return false;
        }
        return BCrypt.verifyer().verify(bytes, hash.getBytes(StandardCharsets.UTF_8)).verified;
    }
}
