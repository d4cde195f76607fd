package io.taskflow.adapters.localkafka.observability;

import io.taskflow.testsupport.RepoRoot;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** Files of the repository ({@link RepoRoot}), read as the tests here need them. */
final class RepoFiles {
    private RepoFiles() {}

    static Path root() {
        return RepoRoot.root();
    }

    static Path path(String relative) {
        return RepoRoot.path(relative);
    }

    static String read(String relative) {
        return RepoRoot.read(relative);
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
