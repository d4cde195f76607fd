package io.taskflow.core.notification;

import io.taskflow.core.error.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Where a user's webhooks go and the secret they are signed with ({@code whsec_} and the Base64 of random bytes, as
 * Standard Webhooks names it). The secret is the server's: generated when the URL is first set, kept when it changes.
 */
public record WebhookTarget(URI url, String secret) {
    public static final int MAX_URL = 2_000;
    public static final String SECRET_PREFIX = "whsec_";
    /** Standard Webhooks asks for 24 to 64 bytes. */
    public static final int SECRET_BYTES = 32;

    private static final int MIN_SECRET_BYTES = 24;

    public WebhookTarget {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
        checkUrl(url);
        if (!secret.startsWith(SECRET_PREFIX) || key(secret).length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("a webhook secret is whsec_ and the Base64 of at least 24 bytes");
        }
    }

    /** An absolute http or https URL with a host. */
    public static URI parseUrl(String value) {
        if (value == null || value.isBlank() || value.length() > MAX_URL) {
            throw invalidUrl();
        }
        try {
            URI url = new URI(value.strip());
            checkUrl(url);
            return url;
        } catch (URISyntaxException e) {
            throw invalidUrl();
        }
    }

    public static String newSecret(RandomGenerator random) {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    public WebhookTarget withUrl(URI next) {
        return new WebhookTarget(next, secret);
    }

    /** The HMAC key: the bytes the secret encodes. */
    public byte[] key() {
        return key(secret);
    }

    @Override
    public String toString() {
        return "WebhookTarget[url=" + url + ", secret=(hidden)]";
    }

    private static void checkUrl(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute()
                || !(scheme.equals("http") || scheme.equals("https"))
                || url.getHost() == null
                || url.toString().length() > MAX_URL) {
            throw invalidUrl();
        }
    }

    private static byte[] key(String secret) {
        try {
            return Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return new byte[0];
        }
    }

    private static InvalidInputException invalidUrl() {
        return new InvalidInputException(
                "webhook.url", "must be an absolute http or https URL of at most " + MAX_URL + " characters");
    }
}
