package io.taskflow.adapters.localkafka.testing;

import io.micronaut.context.ApplicationContext;
import io.micronaut.security.token.generator.TokenGenerator;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A token with the ADMIN role, signed by the running application's key, for the admin-only endpoints. */
public final class AdminTokens {
    private AdminTokens() {}

    public static String admin(ApplicationContext context) {
        long now = Instant.now().getEpochSecond();
        return context.getBean(TokenGenerator.class)
                .generateToken(Map.of(
                        "sub",
                        UUID.randomUUID().toString(),
                        "roles",
                        List.of("ADMIN"),
                        "iat",
                        now,
                        "exp",
                        now + 600,
                        // Tokens must name our issuer and audience (TokenClaimsValidator).
                        "iss",
                        "taskflow",
                        "aud",
                        "taskflow-api"))
                .orElseThrow();
    }
}
