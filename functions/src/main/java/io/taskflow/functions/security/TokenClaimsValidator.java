package io.taskflow.functions.security;

import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import io.micronaut.security.token.jwt.validator.JWTClaimsSetUtils;
import io.taskflow.core.port.TimeSource;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Date;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The claims every access token must carry, checked after its signature: our issuer, our audience, an expiry not
 * passed, and neither {@code nbf} nor {@code iat} in the future, each within the configured leeway. Micronaut's own
 * expiry check (no leeway) is switched off in taskflow-defaults.yml in favour of this one.
 */
@Singleton
final class TokenClaimsValidator<T> implements GenericJwtClaimsValidator<T> {
    private static final Logger LOG = LoggerFactory.getLogger(TokenClaimsValidator.class);

    private final TokenRules rules;
    private final TimeSource time;

    TokenClaimsValidator(TokenRules rules, TimeSource time) {
        this.rules = rules;
        this.time = time;
    }

    @Override
    public boolean validate(Claims claims, T request) {
        JWTClaimsSet set = JWTClaimsSetUtils.jwtClaimsSetFromClaims(claims);
        String refused = refusal(set, time.now());
        if (refused != null) {
            LOG.debug("access token refused: {}", refused);
            return false;
        }
        return true;
    }

    /** Why the claims are not acceptable now, or null when they are. */
    String refusal(JWTClaimsSet set, Instant now) {
        if (!rules.issuer().equals(set.getIssuer())) {
            return "issuer";
        }
        if (set.getAudience() == null || !set.getAudience().contains(rules.audience())) {
            return "audience";
        }
        Instant latest = now.plus(rules.leeway());
        Instant earliest = now.minus(rules.leeway());
        if (set.getExpirationTime() == null
                || set.getExpirationTime().toInstant().isBefore(earliest)) {
            return "expired";
        }
        if (after(set.getNotBeforeTime(), latest)) {
            return "not yet valid";
        }
        if (after(set.getIssueTime(), latest)) {
            return "issued in the future";
        }
        return null;
    }

    private static boolean after(Date date, Instant limit) {
        return date != null && date.toInstant().isAfter(limit);
    }
}
