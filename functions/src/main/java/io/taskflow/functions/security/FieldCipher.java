package io.taskflow.functions.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts single values kept in the database (webhook secrets, credentials) with AES-GCM under a key from the secrets
 * port. A stored value reads {@code enc:v1:<key id>:<Base64 of nonce + ciphertext + tag>}: the key id lets keys rotate
 * (new values take the current key, older ones are read with the key their id names), and each value is bound to its
 * place ({@code context}, e.g. the column and row), so a ciphertext copied to another user's row does not decrypt.
 */
public final class FieldCipher {
    public static final String PREFIX = "enc:v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String currentId;
    private final Map<String, SecretKey> keys;
    private final SecureRandom random = new SecureRandom();

    /** @param keys by id; must hold {@code currentId} */
    public FieldCipher(String currentId, Map<String, SecretKey> keys) {
        if (!keys.containsKey(currentId) || currentId.contains(":")) {
            throw new IllegalArgumentException("no usable key " + currentId);
        }
        this.currentId = currentId;
        this.keys = Map.copyOf(keys);
    }

    public static boolean isEncrypted(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    public String encrypt(String plaintext, String context) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(currentId), nonce, currentId, context);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return PREFIX + currentId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt: " + e.getMessage(), e);
        }
    }

    /** @throws IllegalStateException when the value names an unknown key, was changed, or belongs elsewhere */
    public String decrypt(String stored, String context) {
        if (!isEncrypted(stored)) {
            throw new IllegalArgumentException("not an encrypted value");
        }
        String rest = stored.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        if (colon < 1) {
            throw new IllegalStateException("malformed encrypted value");
        }
        String keyId = rest.substring(0, colon);
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("the value was encrypted with key " + keyId + ", which is not configured");
        }
        try {
            byte[] in = Base64.getDecoder().decode(rest.substring(colon + 1));
            if (in.length < NONCE_BYTES + TAG_BITS / 8) {
                throw new IllegalStateException("malformed encrypted value");
            }
            byte[] nonce = java.util.Arrays.copyOfRange(in, 0, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce, keyId, context);
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot decrypt a stored value (changed, moved or wrong key)", e);
        }
    }

    /** Whether a stored value should be written again under the current key. */
    public boolean stale(String stored) {
        return !isEncrypted(stored) || !stored.startsWith(PREFIX + currentId + ":");
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, String keyId, String context)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD((keyId + "|" + context).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
