package io.taskflow.functions.ratelimit;

/** The limit families, as bean names and as the {@code taskflow.rate-limit.<name>.*} keys. */
public final class RateLimitNames {
    /** POST, PUT, PATCH and DELETE of an authenticated caller, per user id. */
    public static final String WRITES = "writes";
    /** Register and login calls, per client address. */
    public static final String AUTH_BY_ADDRESS = "auth-by-address";
    /** Login calls, per e-mail address (whatever the client address). */
    public static final String LOGIN_BY_EMAIL = "login-by-email";

    private RateLimitNames() {}
}
