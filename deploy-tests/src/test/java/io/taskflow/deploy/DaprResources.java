package io.taskflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Dapr resources (components, resiliency policies), from local/dapr or from a rendered chart. */
final class DaprResources {
    record SecretReference(String component, String field, String secret, String key) {}

    private final List<Map<String, Object>> docs;

    DaprResources(List<Map<String, Object>> docs) {
        this.docs = docs.stream()
                .filter(d -> String.valueOf(d.get("apiVersion")).startsWith("dapr.io/"))
                .toList();
    }

    /** The YAML files directly in local/dapr (the sidecars' --resources-path). */
    static DaprResources local() {
        var docs = new ArrayList<Map<String, Object>>();
        for (Path file : RepoFiles.list("local/dapr", ".yaml")) {
            docs.addAll(RepoFiles.documents(
                    RepoFiles.read(RepoFiles.root().relativize(file).toString())));
        }
        return new DaprResources(docs);
    }

    List<Map<String, Object>> ofKind(String kind) {
        return docs.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    Set<String> componentNames() {
        var names = new TreeSet<String>();
        ofKind("Component").forEach(c -> names.add(Yamls.text(c, "metadata.name")));
        return names;
    }

    Set<String> resiliencyNames() {
        var names = new TreeSet<String>();
        ofKind("Resiliency").forEach(c -> names.add(Yamls.text(c, "metadata.name")));
        return names;
    }

    Map<String, Object> component(String name) {
        return ofKind("Component").stream()
                .filter(c -> name.equals(Yamls.text(c, "metadata.name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Dapr component " + name));
    }

    String type(String component) {
        return Yamls.text(component(component), "spec.type");
    }

    /** The component's plain metadata values, by name. */
    Map<String, String> metadata(String component) {
        var values = new LinkedHashMap<String, String>();
        for (Object entry : Yamls.listAt(component(component), "spec.metadata")) {
            Object value = Yamls.at(entry, "value");
            if (value != null) {
                values.put(Yamls.text(entry, "name"), value.toString());
            }
        }
        return values;
    }

    List<String> scopes(String component) {
        return Yamls.listAt(component(component), "scopes").stream()
                .map(Object::toString)
                .toList();
    }

    String secretStoreOf(String component) {
        return Yamls.text(component(component), "auth.secretStore");
    }

    List<SecretReference> secretReferences() {
        var refs = new ArrayList<SecretReference>();
        for (Map<String, Object> c : ofKind("Component")) {
            for (Object entry : Yamls.listAt(c, "spec.metadata")) {
                Object ref = Yamls.at(entry, "secretKeyRef");
                if (ref != null) {
                    refs.add(new SecretReference(
                            Yamls.text(c, "metadata.name"),
                            Yamls.text(entry, "name"),
                            Yamls.text(ref, "name"),
                            Yamls.text(ref, "key")));
                }
            }
        }
        return refs;
    }

    /** Metadata fields named like a credential that carry a literal value instead of a secret reference. */
    List<String> literalSecretValues() {
        var found = new ArrayList<String>();
        for (Map<String, Object> c : ofKind("Component")) {
            for (Object entry : Yamls.listAt(c, "spec.metadata")) {
                String name = Yamls.text(entry, "name").toLowerCase();
                boolean reference = name.endsWith("file") || name.endsWith("path");
                boolean credential = !reference
                        && (name.contains("password")
                                || name.contains("secret")
                                || name.contains("token")
                                || name.equals("connectionstring")
                                || name.endsWith("key"));
                if (credential && Yamls.at(entry, "value") != null) {
                    found.add(Yamls.text(c, "metadata.name") + "." + Yamls.text(entry, "name"));
                }
            }
        }
        return found;
    }

    /** Every policy a target names is defined, and every component a target names exists. */
    void checkResiliencyTargets() {
        for (Map<String, Object> r : ofKind("Resiliency")) {
            Map<String, Object> policies = Yamls.mapAt(r, "spec.policies");
            Set<String> components = componentNames();
            Yamls.mapAt(r, "spec.targets.components").forEach((component, directions) -> {
                assertThat(components).as("resiliency target").contains(component);
                Yamls.map(directions).values().forEach(d -> checkPolicies(policies, Yamls.map(d)));
            });
            Object apps = Yamls.at(r, "spec.targets.apps");
            if (apps != null) {
                Yamls.map(apps).forEach((app, target) -> {
                    assertThat(Contract.appIds()).contains(app);
                    checkPolicies(policies, Yamls.map(target));
                });
            }
            assertThat(Yamls.mapAt(policies, "circuitBreakers")).isNotEmpty();
            assertThat(Yamls.mapAt(policies, "retries")).isNotEmpty();
            assertThat(Yamls.mapAt(policies, "timeouts")).isNotEmpty();
        }
    }

    private static void checkPolicies(Map<String, Object> policies, Map<String, Object> target) {
        target.forEach((kind, policy) -> {
            String group = switch (kind) {
                case "timeout" -> "timeouts";
                case "retry" -> "retries";
                case "circuitBreaker" -> "circuitBreakers";
                default -> throw new AssertionError("unknown resiliency field " + kind);
            };
            assertThat(Yamls.mapAt(policies, group)).as("%s policies", group).containsKey(policy.toString());
        });
    }
}
