package io.taskflow.core.user;

import io.taskflow.core.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A request to register, validated on construction. The e-mail is trimmed and lower-cased so that one address is one
 * account.
 */
public record Registration(String email, String password, String displayName) {

    public static final int MIN_PASSWORD = 8;
    /** bcrypt reads at most 72 bytes: a longer password could not be checked in full. */
    public static final int MAX_PASSWORD_BYTES = 72;

    public static final int MAX_DISPLAY_NAME = 100;
    public static final int MAX_EMAIL = 254;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public Registration {
        email = normaliseEmail(email);
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new InvalidInputException("password", "must be at least " + MIN_PASSWORD + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new InvalidInputException("password", "must be at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8");
        }
        displayName = displayName == null ? "" : displayName.strip();
        if (displayName.isEmpty() || displayName.length() > MAX_DISPLAY_NAME) {
            throw new InvalidInputException("displayName", "must be 1-" + MAX_DISPLAY_NAME + " characters");
        }
    }

    public static String normaliseEmail(String email) {
        String e = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (e.length() > MAX_EMAIL || !EMAIL.matcher(e).matches()) {
            throw new InvalidInputException("email", "must be an e-mail address");
        }
        return e;
    }

    @Override
    public String toString() {
        return "Registration[email=" + email + ", displayName=" + displayName + "]";
    }
}
