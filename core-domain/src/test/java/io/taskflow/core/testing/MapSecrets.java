package io.taskflow.core.testing;

import io.taskflow.core.port.Secrets;
import java.util.Map;
import java.util.Optional;

public record MapSecrets(Map<String, String> values) implements Secrets {
    public MapSecrets {
        values = Map.copyOf(values);
    }

    @Override
    public Optional<String> find(String name) {
        return Optional.ofNullable(values.get(name));
    }
}
