package io.taskflow.functions.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.micronaut.context.annotation.Value;
import io.taskflow.core.port.PasswordHasher;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;

/** bcrypt with a configurable cost (default 10, about 50 ms a hash here: slow for guessing, fine for a login). */
@Singleton
final class BcryptPasswordHasher implements PasswordHasher {
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
        return BCrypt.verifyer()
                .verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8))
                .verified;
    }
}
