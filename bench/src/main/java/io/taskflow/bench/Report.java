package io.taskflow.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Every figure of one run, each with the command that produced it, and the targets read from them. */
final class Report {
    record Figure(String section, String name, double value, String unit, String command) {}

    /** A target: {@code measured} against {@code limit}; {@code ratio} above 1 means met with room. */
    record Target(
            String name, double measured, String comparison, double limit, String unit, boolean met, double ratio) {
        static Target atLeast(String name, double measured, double limit, String unit) {
            return new Target(name, measured, ">=", limit, unit, measured >= limit, measured / limit);
        }

        static Target below(String name, double measured, double limit, String unit) {
            return new Target(name, measured, "<", limit, unit, measured < limit, measured == 0 ? 0 : limit / measured);
        }
    }

    private final String profile;
    private final Instant started = Instant.now();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<Figure> figures = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    Report(String profile) {
        this.profile = profile;
    }

    void environment(String key, String value) {
        environment.put(key, value);
    }

    void figure(String section, String name, double value, String unit, String command) {
        figures.add(new Figure(section, name, value, unit, command));
    }

    void target(Target target) {
        targets.add(target);
    }

    void note(String note) {
        notes.add(note);
    }

    List<Figure> figures() {
        return List.copyOf(figures);
    }

    List<Target> targets() {
        return List.copyOf(targets);
    }

    double value(String section, String name) {
        return figures.stream()
                .filter(f -> f.section().equals(section) && f.name().equals(name))
                .mapToDouble(Figure::value)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no figure " + section + " / " + name));
    }

    /** Writes {@code <stamp>-<profile>.md} and {@code .json} into {@code dir}; returns the Markdown file. */
    Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        String stamp = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss'Z'")
                .withZone(ZoneOffset.UTC)
                .format(started);
        Path json = dir.resolve(stamp + "-" + profile + ".json");
        Path md = dir.resolve(stamp + "-" + profile + ".md");
        var body = new LinkedHashMap<String, Object>();
        body.put("profile", profile);
        body.put("started", started.toString());
        body.put("environment", environment);
        body.put("figures", figures);
        body.put("targets", targets);
        body.put("notes", notes);
        Api.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), body);
        Files.writeString(md, markdown());
        return md;
    }

    String markdown() {
        var out = new StringBuilder();
        out.append("# Taskflow benchmark, ")
                .append(profile)
                .append(" run, ")
                .append(started)
                .append("\n\n");
        environment.forEach(
                (k, v) -> out.append("- ").append(k).append(": ").append(v).append('\n'));
        out.append("\n## Targets\n\n| target | measured | target | ratio | met |\n|---|---|---|---|---|\n");
        for (Target t : targets) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %s %s | %s %s %s | %.2f | %s |%n",
                    t.name(),
                    number(t.measured()),
                    t.unit(),
                    t.comparison(),
                    number(t.limit()),
                    t.unit(),
                    t.ratio(),
                    t.met() ? "yes" : "**no**"));
        }
        String section = null;
        for (Figure f : figures) {
            if (!f.section().equals(section)) {
                section = f.section();
                out.append("\n## ").append(section).append("\n\n| figure | value | command |\n|---|---|---|\n");
            }
            out.append("| ")
                    .append(f.name())
                    .append(" | ")
                    .append(number(f.value()))
                    .append(' ')
                    .append(f.unit())
                    .append(" | `")
                    .append(f.command().replace("|", "\\|"))
                    .append("` |\n");
        }
        if (!notes.isEmpty()) {
            out.append("\n## Notes\n\n");
            notes.forEach(n -> out.append("- ").append(n).append('\n'));
        }
        return out.toString();
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e12
                ? String.valueOf((long) v)
                : String.format(Locale.ROOT, "%.2f", v);
    }
}
