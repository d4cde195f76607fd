package io.taskflow.functions.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import io.taskflow.core.port.TokenIssuer;
import io.taskflow.core.user.User;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Issues a signed JWT whose subject is the user id; every request's caller is read back from it. */
@Singleton
final class JwtTokenIssuer implements TokenIssuer {
    private final JwtTokenGenerator generator;
    private final Duration lifetime;
    private final Set<String> adminEmails;

    JwtTokenIssuer(
            JwtTokenGenerator generator,
            @Value("${taskflow.security.token-lifetime:1h}") Duration lifetime,
            @Value("${taskflow.security.admin-emails:}") List<String> adminEmails) {
        this.generator = generator;
        this.lifetime = lifetime;
        this.adminEmails = adminEmails.stream()
                .map(String::strip)
                .filter(e -> !e.isEmpty())
                .map(e -> e.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public IssuedToken issue(User user) {
        var authentication = Authentication.build(user.id().toString(), roles(user), Map.of("email", user.email()));
        String token = generator
                .generateToken(authentication, (int) lifetime.toSeconds())
                .orElseThrow(() -> new IllegalStateException("the token generator returned no token"));
        return new IssuedToken(token, lifetime);
    }

    private List<String> roles(User user) {
        return adminEmails.contains(user.email().toLowerCase(Locale.ROOT)) ? List.of(Roles.ADMIN) : List.of();
    }
}
