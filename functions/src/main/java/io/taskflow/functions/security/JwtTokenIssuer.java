package io.taskflow.functions.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import io.taskflow.core.port.TokenIssuer;
import io.taskflow.core.user.User;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Issues a signed JWT whose subject is the user id; every request's caller is read back from it. */
@Singleton
final class JwtTokenIssuer implements TokenIssuer {
    private final JwtTokenGenerator generator;
    private final Duration lifetime;

    JwtTokenIssuer(JwtTokenGenerator generator, @Value("${taskflow.security.token-lifetime:1h}") Duration lifetime) {
        this.generator = generator;
        this.lifetime = lifetime;
    }

    @Override
    public IssuedToken issue(User user) {
        var authentication = Authentication.build(user.id().toString(), List.of(), Map.of("email", user.email()));
        String token = generator
                .generateToken(authentication, (int) lifetime.toSeconds())
                .orElseThrow(() -> new IllegalStateException("the token generator returned no token"));
        return new IssuedToken(token, lifetime);
    }
}
