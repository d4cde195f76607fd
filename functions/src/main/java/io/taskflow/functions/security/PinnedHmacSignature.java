package io.taskflow.functions.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/**
 * The one key and algorithm access tokens are signed and checked with: HS256 under one HMAC key, named by a key id
 * derived from the key. A token is only checked against this key: its header cannot choose another algorithm ({@code
 * none} included), name another key, or point at one ({@code jku}, {@code jwk}, {@code x5u}, {@code x5c}: any header
 * field beyond {@code alg}, {@code kid} and {@code typ} is refused rather than followed).
 */
final class PinnedHmacSignature implements SignatureGeneratorConfiguration {
    static final JWSAlgorithm ALGORITHM = JWSAlgorithm.HS256;
    private static final Set<String> HEADER_FIELDS = Set.of("alg", "kid", "typ");

    private final String keyId;
    private final MACSigner signer;
    private final MACVerifier verifier;

    PinnedHmacSignature(byte[] key) {
        try {
            this.signer = new MACSigner(key);
            this.verifier = new MACVerifier(key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("unusable HMAC key: " + e.getMessage(), e);
        }
        this.keyId = keyId(key);
    }

    /** Names the key without revealing it: a new key gets a new id, and tokens signed with the old one are refused. */
    static String keyId(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return "tf-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static PinnedHmacSignature of(String secret) {
        return new PinnedHmacSignature(secret.getBytes(StandardCharsets.UTF_8));
    }

    String keyId() {
        return keyId;
    }

    @Override
    public SignedJWT sign(JWTClaimsSet claims) throws JOSEException {
        var header = new JWSHeader.Builder(ALGORITHM)
                .keyID(keyId)
                .type(JOSEObjectType.JWT)
                .build();
        var jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt;
    }

    @Override
    public boolean verify(SignedJWT jwt) throws JOSEException {
        JWSHeader header = jwt.getHeader();
        if (!ALGORITHM.equals(header.getAlgorithm())
                || (header.getKeyID() != null && !keyId.equals(header.getKeyID()))
                || !HEADER_FIELDS.containsAll(header.toJSONObject().keySet())) {
            return false;
        }
        return jwt.verify(verifier);
    }

    @Override
    public boolean supports(JWSAlgorithm algorithm) {
        return ALGORITHM.equals(algorithm);
    }

    @Override
    public String supportedAlgorithmsMessage() {
        return "Only the HS256 algorithm is supported";
    }
}
