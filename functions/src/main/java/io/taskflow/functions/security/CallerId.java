package io.taskflow.functions.security;

import io.micronaut.security.authentication.Authentication;
import java.util.UUID;

/** The caller's user id, the subject of the access token. */
public final class CallerId {
    private CallerId() {}

    public static UUID of(Authentication authentication) {
        return UUID.fromString(authentication.getName());
    }
}
