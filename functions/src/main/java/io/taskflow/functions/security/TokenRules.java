package io.taskflow.functions.security;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * What an access token must say to be accepted, and what ours say: issuer, audience, lifetime, and the clock skew
 * tolerated between the machine that issued a token and the one that checks it.
 */
@Singleton
final class TokenRules {
    private final String issuer;
    private final String audience;
    private final Duration lifetime;
    private final Duration leeway;

    TokenRules(
            @Value("${taskflow.security.jwt.issuer:taskflow}") String issuer,
            @Value("${taskflow.security.jwt.audience:taskflow-api}") String audience,
            @Value("${taskflow.security.token-lifetime:1h}") Duration lifetime,
            @Value("${taskflow.security.jwt.leeway:30s}") Duration leeway) {
        this.issuer = issuer;
        this.audience = audience;
        this.lifetime = lifetime;
        this.leeway = leeway;
    }

    String issuer() {
        return issuer;
    }

    String audience() {
        return audience;
    }

    Duration lifetime() {
        return lifetime;
    }

    Duration leeway() {
        return leeway;
    }
}
