package io.taskflow.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** local/docker-compose.yml, parsed, with the questions the checks ask of it. */
final class ComposeStack {
    static final String FILE = "local/docker-compose.yml";

    private final String text;
    private final Map<String, Object> services;

    ComposeStack() {
        this.text = RepoFiles.read(FILE);
        this.services = Yamls.mapAt(RepoFiles.yaml(FILE), "services");
    }

    String text() {
        return text;
    }

    Set<String> names() {
        return services.keySet();
    }

    Map<String, Object> service(String name) {
        return Yamls.map(services.get(name));
    }

    /** The services that run the application, with the TASKFLOW_CONSUMERS each is given. */
    Map<String, String> appServices() {
        var apps = new LinkedHashMap<String, String>();
        services.forEach((name, def) -> {
            Object consumers = Yamls.at(def, "environment.TASKFLOW_CONSUMERS");
            if (consumers != null) {
                apps.put(name, consumers.toString());
            }
        });
        return apps;
    }

    Map<String, String> environment(String service) {
        var env = new LinkedHashMap<String, String>();
        Object value = Yamls.at(service(service), "environment");
        if (value != null) {
            Yamls.map(value).forEach((k, v) -> env.put(k, v == null ? "" : v.toString()));
        }
        return env;
    }

    /** The daprd flags of a sidecar service, as flag name (without dashes) to value. */
    Map<String, String> daprdFlags(String service) {
        List<Object> command = Yamls.listAt(service(service), "command");
        var flags = new LinkedHashMap<String, String>();
        for (int i = 0; i < command.size() - 1; i++) {
            String word = command.get(i).toString();
            if (word.startsWith("--")) {
                flags.put(word.substring(2), command.get(i + 1).toString());
            }
        }
        return flags;
    }

    /** Container ports published on the host, as host port to service. */
    Map<Integer, String> publishedPorts() {
        var ports = new LinkedHashMap<Integer, String>();
        services.forEach((name, def) -> {
            for (Object port : Yamls.listAt(def, "ports")) {
                String[] parts = port.toString().split(":");
                ports.put(Integer.parseInt(parts[parts.length - 2]), name);
            }
        });
        return ports;
    }

    /** Every ${VARIABLE} the file interpolates. */
    Set<String> interpolated() {
        var names = new TreeSet<String>();
        Matcher m = Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)").matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
