package io.taskflow.core.analytics;

import java.util.Objects;
import java.util.UUID;

/** Whose numbers: one user's, or everyone's together. */
public sealed interface AnalyticsScope permits AnalyticsScope.Owner, AnalyticsScope.Everyone {

    static AnalyticsScope owner(UUID ownerId) {
        return new Owner(ownerId);
    }

    static AnalyticsScope everyone() {
        return Everyone.INSTANCE;
    }

    record Owner(UUID ownerId) implements AnalyticsScope {
        public Owner {
            Objects.requireNonNull(ownerId, "ownerId");
        }
    }

    enum Everyone implements AnalyticsScope {
        INSTANCE
    }
}
