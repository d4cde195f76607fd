package io.taskflow.core.testing;

import io.taskflow.core.port.DigestClaims;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

public final class InMemoryDigestClaims implements DigestClaims {
    /** The outcome per (user, day); "claimed" until it is finished. */
    public final Map<String, String> outcomes = new LinkedHashMap<>();

    @Override
    public boolean claim(UUID userId, LocalDate day, Instant at) {
        return outcomes.putIfAbsent(key(userId, day), "claimed") == null;
    }

    @Override
    public void finish(UUID userId, LocalDate day, String outcome, String detail, Instant at) {
        outcomes.put(key(userId, day), detail == null ? outcome : outcome + ": " + detail);
    }

    public String outcome(UUID userId, LocalDate day) {
        return outcomes.get(key(userId, day));
    }

    private static String key(UUID userId, LocalDate day) {
        return userId + "/" + day;
    }
}
