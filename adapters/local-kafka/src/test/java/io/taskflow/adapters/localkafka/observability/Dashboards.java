package io.taskflow.adapters.localkafka.observability;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The Grafana dashboards under local/grafana/dashboards, read as plain maps. */
final class Dashboards {
    static final String DIR = "local/grafana/dashboards";
    private static final JsonMapper JSON = JsonMapper.createDefault();

    private Dashboards() {}

    record Dashboard(String file, Map<String, Object> json) {
        /** Every panel, those nested in rows included. */
        List<Map<String, Object>> panels() {
            var all = new ArrayList<Map<String, Object>>();
            collect(RepoFiles.maps(json.get("panels")), all);
            return all;
        }

        /** The PromQL of every target of every panel. */
        List<String> expressions() {
            return panels().stream()
                    .flatMap(p -> RepoFiles.maps(p.get("targets")).stream())
                    .map(t -> (String) t.get("expr"))
                    .filter(e -> e != null)
                    .toList();
        }

        private static void collect(List<Map<String, Object>> panels, List<Map<String, Object>> into) {
            for (Map<String, Object> panel : panels) {
                into.add(panel);
                collect(RepoFiles.maps(panel.get("panels")), into);
            }
        }
    }

    static List<Path> files() {
        try (Stream<Path> files = Files.list(RepoFiles.path(DIR))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Dashboard read(Path file) {
        try {
            return new Dashboard(file.getFileName().toString(), JSON.readValue(Files.readAllBytes(file), Map.class));
        } catch (IOException e) {
            throw new UncheckedIOException("not valid JSON: " + file, e);
        }
    }

    static List<Dashboard> all() {
        return files().stream().map(Dashboards::read).toList();
    }
}
