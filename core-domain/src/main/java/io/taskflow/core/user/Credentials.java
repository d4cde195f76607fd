package io.taskflow.core.user;

import io.taskflow.core.error.InvalidInputException;

/** What a login presents. Only its shape is checked here; whether it matches is the login's business. */
public record Credentials(String email, String password) {
    public Credentials {
        email = Registration.normaliseEmail(email);
        if (password == null || password.isEmpty()) {
            throw new InvalidInputException("password", "must not be empty");
        }
    }

    @Override
    public String toString() {
        return "Credentials[email=" + email + "]";
    }
}
