package io.taskflow.adapters.localkafka.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** Files of the repository, found from wherever the build runs the tests (the module's directory, usually). */
final class RepoFiles {
    private RepoFiles() {}

    /** The repository root: the nearest directory up from here that holds the Maven wrapper. */
    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("local"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException(
                "no repository root above " + Path.of("").toAbsolutePath());
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> yaml(String relative) {
        return new Yaml().load(read(relative));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object list) {
        return list == null ? List.of() : (List<Map<String, Object>>) list;
    }

    @SuppressWarnings("unchecked")
    static <T> List<T> list(Object list) {
        return list == null ? List.of() : (List<T>) list;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object map) {
        return map == null ? Map.of() : (Map<String, Object>) map;
    }
}
