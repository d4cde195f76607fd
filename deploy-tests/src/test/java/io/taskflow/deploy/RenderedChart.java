package io.taskflow.deploy;

import com.marcnuri.helm.Helm;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The chart rendered by real Helm (helm template) for one environment, as parsed objects. */
final class RenderedChart {
    static final String CHART = "iac/helm/taskflow";
    static final String RELEASE = "taskflow";
    /** The environments with a values file; "default" renders values.yaml alone. */
    static final List<String> ENVIRONMENTS = List.of("default", "dev", "staging", "prod");

    final String environment;
    final String yaml;
    final List<Map<String, Object>> objects;

    private RenderedChart(String environment, String yaml) {
        this.environment = environment;
        this.yaml = yaml;
        this.objects = RepoFiles.documents(yaml);
    }

    static Helm helm() {
        return new Helm(RepoFiles.path(CHART));
    }

    static RenderedChart render(String environment) {
        var template = helm().template().withName(RELEASE).withNamespace("taskflow-" + environment);
        if (!environment.equals("default")) {
            template = template.withValuesFile(valuesFile(environment));
        }
        return new RenderedChart(environment, template.call());
    }

    static Path valuesFile(String environment) {
        return RepoFiles.path(CHART + "/values-" + environment + ".yaml");
    }

    List<Map<String, Object>> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    Map<String, Object> named(String kind, String name) {
        return ofKind(kind).stream()
                .filter(o -> name.equals(Yamls.text(o, "metadata.name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(environment + ": no " + kind + " " + name));
    }

    static String component(Map<String, Object> object) {
        return String.valueOf(Yamls.mapAt(object, "metadata.labels").get("app.kubernetes.io/component"));
    }

    @Override
    public String toString() {
        return environment;
    }
}
