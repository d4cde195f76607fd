package io.taskflow.core.port;

import java.util.Optional;

/** Named secrets (signing keys, passwords, API keys), filled by each runtime from its own secret store. */
public interface Secrets {

    String JWT_SIGNING_SECRET = "jwt-signing-secret";

    Optional<String> find(String name);
}
