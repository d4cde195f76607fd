package io.taskflow.core.notification;

import java.util.Arrays;
import java.util.Locale;

/**
 * Where one delivery to an outside channel stands. {@code PENDING} and {@code FAILED} may be claimed (to {@code
 * SENDING}) and sent; the claim commits before the send, so a delivery left in {@code SENDING} by a crash is never sent
 * again: at most once.
 */
public enum DeliveryState {
    PENDING,
    SENDING,
    SENT,
    FAILED,
    SKIPPED;

    public boolean claimable() {
        return this == PENDING || this == FAILED;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeliveryState fromWireName(String name) {
        return Arrays.stream(values())
                .filter(s -> s.wireName().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown delivery state " + name));
    }
}
