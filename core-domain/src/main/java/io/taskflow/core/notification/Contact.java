package io.taskflow.core.notification;

import java.util.UUID;

/** How to reach a user by e-mail. */
public record Contact(UUID userId, String email, String displayName) {}
