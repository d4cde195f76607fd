package io.taskflow.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** Files of the repository, found from wherever the build runs the tests (the module's directory, usually). */
final class RepoFiles {
    private RepoFiles() {}

    /** The repository root: the nearest directory up from here that holds the Maven wrapper and local/. */
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

    /** One YAML document; anchors and merge keys ({@code <<}) resolved, as Compose does. */
    static Map<String, Object> yaml(String relative) {
        return Yamls.map(new Yaml(options()).load(read(relative)));
    }

    /** Every document of a multi-document YAML text, empty ones left out. */
    static List<Map<String, Object>> documents(String text) {
        var docs = new ArrayList<Map<String, Object>>();
        for (Object doc : new Yaml(options()).loadAll(text)) {
            if (doc != null) {
                docs.add(Yamls.map(doc));
            }
        }
        return docs;
    }

    static List<Path> list(String relativeDir, String suffix) {
        try (Stream<Path> files = Files.list(path(relativeDir))) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LoaderOptions options() {
        var options = new LoaderOptions();
        options.setMaxAliasesForCollections(200);
        return options;
    }
}
