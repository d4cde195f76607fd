package io.taskflow.adapters.azure.testing;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the test doubles saw, in the order they saw it: sends to hubs and events the probe processed. */
@Singleton
public class Journal {
    private final List<String> lines = new CopyOnWriteArrayList<>();

    void add(String line) {
        lines.add(line);
    }

    /** The lines that mention any of the given ids, in order. */
    public List<String> about(String... ids) {
        return lines.stream()
                .filter(l -> java.util.Arrays.stream(ids).anyMatch(l::contains))
                .toList();
    }
}
