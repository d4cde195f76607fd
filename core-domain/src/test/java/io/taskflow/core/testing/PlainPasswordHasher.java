package io.taskflow.core.testing;

import io.taskflow.core.port.PasswordHasher;

/** A readable stand-in for bcrypt: the hash of {@code pw} is {@code "hashed:" + pw}. */
public final class PlainPasswordHasher implements PasswordHasher {
    public static final String PREFIX = "hashed:";

    @Override
    public String hash(String password) {
        return PREFIX + password;
    }

    @Override
    public boolean matches(String password, String hash) {
        return hash != null && hash.equals(hash(password));
    }
}
