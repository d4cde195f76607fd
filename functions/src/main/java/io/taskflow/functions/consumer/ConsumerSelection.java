package io.taskflow.functions.consumer;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which consumers this process runs: {@code taskflow.consumers.enabled} ({@code TASKFLOW_CONSUMERS}), comma-separated
 * consumer names, {@code all} (the default) or {@code none}. A split deployment runs the API with {@code none} and one
 * process per consumer. Names compare without dashes, so {@code livefeed} selects the {@code live-feed} consumer.
 */
public final class ConsumerSelection {
    public static final String PROPERTY = "taskflow.consumers.enabled";
    public static final String ALL = "all";
    public static final String NONE = "none";

    private final boolean all;
    private final Set<String> names;

    private ConsumerSelection(boolean all, Set<String> names) {
        this.all = all;
        this.names = names;
    }

    /** @throws IllegalArgumentException when a name is not a consumer name at all, or mixes all/none with names */
    public static ConsumerSelection parse(String value) {
        String setting = value == null || value.isBlank() ? ALL : value.strip().toLowerCase(Locale.ROOT);
        if (setting.equals(ALL)) {
            return new ConsumerSelection(true, Set.of());
        }
        if (setting.equals(NONE)) {
            return new ConsumerSelection(false, Set.of());
        }
        Set<String> names = Arrays.stream(setting.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        for (String name : names) {
            if (!name.matches("[a-z][a-z0-9-]{0,62}")) {
                throw new IllegalArgumentException(PROPERTY + " must be all, none or consumer names separated by"
                        + " commas (notifications, audit, analytics, recurrence, livefeed), not '" + value + "'");
            }
        }
        return new ConsumerSelection(
                false, names.stream().map(ConsumerSelection::key).collect(Collectors.toSet()));
    }

    public boolean runs(String consumer) {
        return all || names.contains(key(consumer));
    }

    /** The names given, as keys (without dashes); empty for all and none. */
    public Set<String> named() {
        return names;
    }

    public static String key(String consumer) {
        return consumer.toLowerCase(Locale.ROOT).replace("-", "");
    }

    @Override
    public String toString() {
        return all ? ALL : names.isEmpty() ? NONE : String.join(",", names);
    }
}
