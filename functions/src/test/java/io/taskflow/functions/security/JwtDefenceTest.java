package io.taskflow.functions.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.ApplicationContext;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import io.taskflow.core.port.TokenIssuer;
import io.taskflow.core.user.User;
import io.taskflow.functions.testing.TestContexts;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Access tokens are checked against one pinned key and algorithm and the claims we issue. Every probe starts from a
 * token that is accepted and changes one thing: a defence that stopped working would let that probe through.
 */
class JwtDefenceTest {
    /** 64 bytes, so that HS512 can be tried with the very same key. */
    private static final String SECRET = "jwt-defence-test-secret-0123456789abcdef-0123456789abcdef-012345";

    private ApplicationContext context;
    private TokenValidator<Object> validator;
    private String keyId;

    @BeforeEach
    void start() {
        context = TestContexts.start(Map.of("taskflow.secret.jwt-signing-secret", SECRET));
        @SuppressWarnings("unchecked")
        TokenValidator<Object> first = context.getBean(TokenValidator.class);
        // The cache in front of the full check answers first: every probe below goes through it.
        assertThat(first).isInstanceOf(CachedTokenValidator.class);
        validator = first;
        keyId = PinnedHmacSignature.keyId(SECRET.getBytes(StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        context.close();
    }

    @Test
    void aTokenWeIssuedIsAcceptedAndNamesTheUserIssuerAndAudience() throws Exception {
        var user = new User(UUID.randomUUID(), "ada@example.com", "Ada", "x", 1, Instant.now());
        String token = context.getBean(TokenIssuer.class).issue(user).value();

        assertThat(accepted(token))
                .map(Authentication::getName)
                .contains(user.id().toString());
        var parsed = SignedJWT.parse(token);
        assertThat(parsed.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(parsed.getHeader().getKeyID()).isEqualTo(keyId);
        assertThat(parsed.getJWTClaimsSet().getIssuer()).isEqualTo("taskflow");
        assertThat(parsed.getJWTClaimsSet().getAudience()).containsExactly("taskflow-api");
        assertThat(parsed.getJWTClaimsSet().getNotBeforeTime()).isNotNull();
    }

    @Test
    void givenAForgedTokenOfTheRightShapeWhenNothingIsChangedThenItIsAccepted() {
        assertThat(accepted(signed(JWSAlgorithm.HS256, keyId, c -> c))).isPresent();
    }

    @Test
    void givenAnUnsignedTokenWithAlgNoneWhenCheckedThenItIsRefused() {
        assertThat(accepted(new PlainJWT(claims(c -> c)).serialize())).isEmpty();
    }

    @Test
    void givenATokenSignedWithHs512UnderTheSameKeyWhenCheckedThenItIsRefused() {
        assertThat(accepted(signed(JWSAlgorithm.HS512, keyId, c -> c))).isEmpty();
    }

    @Test
    void givenATokenNamingAnotherKeyIdWhenCheckedThenItIsRefused() {
        assertThat(accepted(signed(JWSAlgorithm.HS256, "someone-elses-key", c -> c)))
                .isEmpty();
    }

    @Test
    void givenATokenPointingAtAKeyUrlWhenCheckedThenItIsRefusedWithoutFollowingIt() throws Exception {
        var header = new JWSHeader.Builder(JWSAlgorithm.HS256)
                .keyID(keyId)
                .jwkURL(URI.create("http://169.254.169.254/keys"))
                .build();
        var jwt = new SignedJWT(header, claims(c -> c));
        jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
        assertThat(accepted(jwt.serialize())).isEmpty();
    }

    @Test
    void givenATokenSignedWithAnotherSecretWhenCheckedThenItIsRefused() throws Exception {
        var jwt = new SignedJWT(header(JWSAlgorithm.HS256, keyId), claims(c -> c));
        jwt.sign(new MACSigner("another-secret-of-thirty-two-bytes-or-more!!".getBytes(StandardCharsets.UTF_8)));
        assertThat(accepted(jwt.serialize())).isEmpty();
    }

    @Test
    void givenATokenOfAnotherIssuerWhenCheckedThenItIsRefused() {
        assertThat(accepted(signed(JWSAlgorithm.HS256, keyId, c -> c.issuer("https://evil.example"))))
                .isEmpty();
    }

    @Test
    void givenATokenForAnotherAudienceWhenCheckedThenItIsRefused() {
        assertThat(accepted(signed(JWSAlgorithm.HS256, keyId, c -> c.audience("another-api"))))
                .isEmpty();
    }

    @Test
    void givenATokenWithoutExpiryWhenCheckedThenItIsRefused() {
        assertThat(accepted(signed(JWSAlgorithm.HS256, keyId, c -> c.expirationTime(null))))
                .isEmpty();
    }

    @Test
    void givenATokenExpiredLongerThanTheLeewayWhenCheckedThenItIsRefused() {
        assertThat(accepted(signed(JWSAlgorithm.HS256, keyId, c -> c.expirationTime(ago(45)))))
                .isEmpty();
    }

    @Test
    void givenATokenExpiredWithinTheLeewayWhenCheckedThenItIsStillAccepted() {
        assertThat(accepted(signed(JWSAlgorithm.HS256, keyId, c -> c.expirationTime(ago(10)))))
                .isPresent();
    }

    @Test
    void givenATokenNotValidBeforeAMinuteFromNowWhenCheckedThenItIsRefused() {
        assertThat(accepted(signed(JWSAlgorithm.HS256, keyId, c -> c.notBeforeTime(ago(-60)))))
                .isEmpty();
    }

    @Test
    void givenATokenWhoseSignatureWasTamperedWithWhenCheckedThenItIsRefused() {
        String token = signed(JWSAlgorithm.HS256, keyId, c -> c);
        String payload = token.split("\\.")[1];
        String other = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(new String(java.util.Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)
                        .replace("\"roles\":[]", "\"roles\":[\"ADMIN\"]")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(other).isNotEqualTo(payload);
        String forged = token.split("\\.")[0] + "." + other + "." + token.split("\\.")[2];
        assertThat(accepted(forged)).isEmpty();
    }

    private Optional<Authentication> accepted(String token) {
        return Mono.from(validator.validateToken(token, null)).blockOptional();
    }

    private static JWSHeader header(JWSAlgorithm algorithm, String kid) {
        return new JWSHeader.Builder(algorithm)
                .keyID(kid)
                .type(JOSEObjectType.JWT)
                .build();
    }

    private static String signed(JWSAlgorithm algorithm, String kid, UnaryOperator<JWTClaimsSet.Builder> change) {
        try {
            var jwt = new SignedJWT(header(algorithm, kid), claims(change));
            jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        var builder = new JWTClaimsSet.Builder()
                .subject(UUID.randomUUID().toString())
                .issuer("taskflow")
                .audience("taskflow-api")
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)))
                .claim("roles", List.of());
        return change.apply(builder).build();
    }

    private static Date ago(long seconds) {
        return Date.from(Instant.now().minusSeconds(seconds));
    }
}
