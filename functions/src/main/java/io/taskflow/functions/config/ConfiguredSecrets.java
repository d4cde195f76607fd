package io.taskflow.functions.config;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.taskflow.core.port.Secrets;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Secrets for the container runtime: a secret named {@code jwt-signing-secret} is read from the file named by
 * {@code TASKFLOW_SECRET_JWT_SIGNING_SECRET_FILE} (a mounted Kubernetes or Compose secret), else from the variable
 * {@code TASKFLOW_SECRET_JWT_SIGNING_SECRET} (or the properties {@code taskflow.secret.<name>[-file]}). Cloud runtimes replace this bean with their secret manager.
 */
@Singleton
@Requires(missingBeans = Secrets.class)
public class ConfiguredSecrets implements Secrets {
    private final Environment environment;

    public ConfiguredSecrets(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Optional<String> find(String name) {
        // Micronaut maps TASKFLOW_SECRET_JWT_SIGNING_SECRET(_FILE) to these property names, among others.
        String key = "taskflow.secret." + name;
        Optional<String> file =
                environment.getProperty(key + "-file", String.class).filter(v -> !v.isBlank());
        if (file.isPresent()) {
            try {
                return Optional.of(Files.readString(Path.of(file.get())).strip());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read secret file for " + name, e);
            }
        }
        return environment.getProperty(key, String.class).filter(v -> !v.isBlank());
    }
}
