package io.taskflow.functions.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.context.annotation.Value;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.taskflow.core.port.TimeSource;
import io.taskflow.core.port.TokenIssuer;
import io.taskflow.core.user.User;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Issues a signed JWT whose subject is the user id; every request's caller is read back from it. It names our issuer
 * and audience, when it starts and stops being valid, a unique id, the user's e-mail and roles.
 */
@Singleton
final class JwtTokenIssuer implements TokenIssuer {
    /** The claim Micronaut reads roles from ({@code micronaut.security.token.roles-name}). */
    static final String ROLES = "roles";

    private final SignatureGeneratorConfiguration signature;
    private final TokenRules rules;
    private final TimeSource time;
    private final Set<String> adminEmails;

    JwtTokenIssuer(
            @Named("generator") SignatureGeneratorConfiguration signature,
            TokenRules rules,
            TimeSource time,
            @Value("${taskflow.security.admin-emails:}") List<String> adminEmails) {
        this.signature = signature;
        this.rules = rules;
        this.time = time;
        this.adminEmails = adminEmails.stream()
                .map(String::strip)
                .filter(e -> !e.isEmpty())
                .map(e -> e.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public IssuedToken issue(User user) {
        var now = time.now();
        var claims = new JWTClaimsSet.Builder()
                .subject(user.id().toString())
                .issuer(rules.issuer())
                .audience(rules.audience())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(rules.lifetime())))
                .jwtID(UUID.randomUUID().toString())
                .claim("email", user.email())
                .claim(ROLES, roles(user))
                .build();
        try {
            return new IssuedToken(signature.sign(claims).serialize(), rules.lifetime());
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an access token: " + e.getMessage(), e);
        }
    }

    private List<String> roles(User user) {
        return adminEmails.contains(user.email().toLowerCase(Locale.ROOT)) ? List.of(Roles.ADMIN) : List.of();
    }
}
