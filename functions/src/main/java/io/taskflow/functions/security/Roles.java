package io.taskflow.functions.security;

/** The roles a token can carry. Admins are named by e-mail in {@code taskflow.security.admin-emails}. */
public final class Roles {
    public static final String ADMIN = "ADMIN";

    private Roles() {}
}
