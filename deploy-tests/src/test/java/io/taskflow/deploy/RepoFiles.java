package io.taskflow.deploy;

import io.taskflow.testsupport.RepoRoot;
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
