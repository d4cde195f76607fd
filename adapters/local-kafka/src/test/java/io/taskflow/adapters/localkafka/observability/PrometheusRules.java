package io.taskflow.adapters.localkafka.observability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The rules of a Prometheus rule file, as records: recording rules and alerts alike. */
final class PrometheusRules {
    static final String ALERTS = "local/prometheus/alerts.yml";
    static final String ALERT_TESTS = "local/prometheus/alerts.test.yml";

    private PrometheusRules() {}

    /** One rule: {@code alert} or {@code record} is set, never both. */
    record Rule(
            String group,
            String alert,
            String record,
            String expr,
            Map<String, String> labels,
            Map<String, String> annotations) {
        boolean isAlert() {
            return alert != null;
        }

        String name() {
            return isAlert() ? alert : record;
        }
    }

    static List<Rule> load(String relative) {
        var rules = new ArrayList<Rule>();
        for (Map<String, Object> group : RepoFiles.maps(RepoFiles.yaml(relative).get("groups"))) {
            for (Map<String, Object> rule : RepoFiles.maps(group.get("rules"))) {
                rules.add(new Rule(
                        (String) group.get("name"),
                        (String) rule.get("alert"),
                        (String) rule.get("record"),
                        String.valueOf(rule.get("expr")),
                        strings(rule.get("labels")),
                        strings(rule.get("annotations"))));
            }
        }
        return rules;
    }

    static List<Rule> alerts() {
        return load(ALERTS).stream().filter(Rule::isAlert).toList();
    }

    static Set<String> alertNames() {
        var names = new TreeSet<String>();
        alerts().forEach(rule -> names.add(rule.alert()));
        return names;
    }

    /** The series that recording rules produce: dashboards and alerts may name them like scraped metrics. */
    static Set<String> recordedNames() {
        var names = new TreeSet<String>();
        load(ALERTS).stream().filter(rule -> !rule.isAlert()).forEach(rule -> names.add(rule.record()));
        return names;
    }

    private static Map<String, String> strings(Object yaml) {
        var result = new LinkedHashMap<String, String>();
        RepoFiles.map(yaml).forEach((key, value) -> result.put(key, String.valueOf(value)));
        return result;
    }
}
