package io.taskflow.adapters.localkafka.observability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A reading of the Prometheus text exposition format (version 0.0.4), enough to check a scrape: one sample per line as
 * {@code name{label="value",...} value [timestamp]}; {@code #} lines (HELP, TYPE) and blank lines are skipped; label
 * values may hold escaped {@code \\}, {@code \"} and {@code \n}; values may be {@code NaN} or {@code ±Inf}.
 */
final class PrometheusText {
    record Sample(String name, Map<String, String> labels, double value) {
        /** Whether every label of {@code wanted} is on this sample with that value. */
        boolean has(Map<String, String> wanted) {
            return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
        }
    }

    private final List<Sample> samples;

    private PrometheusText(List<Sample> samples) {
        this.samples = samples;
    }

    static PrometheusText parse(String text) {
        var samples = new ArrayList<Sample>();
        int number = 0;
        for (String line : text.split("\n", -1)) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            try {
                samples.add(new LineReader(trimmed).sample());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("line " + number + " is no sample: " + line, e);
            }
        }
        return new PrometheusText(samples);
    }

    List<Sample> samples() {
        return samples;
    }

    Set<String> names() {
        return samples.stream().map(Sample::name).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The samples of {@code name} that carry every label of {@code labels}. */
    List<Sample> samples(String name, Map<String, String> labels) {
        return samples.stream()
                .filter(s -> s.name().equals(name) && s.has(labels))
                .toList();
    }

    /** The sum of the matching samples' values; 0 when none matches. */
    double sum(String name, Map<String, String> labels) {
        return samples(name, labels).stream().mapToDouble(Sample::value).sum();
    }

    /** The one sample of {@code name} with exactly these labels' values among its own. */
    double value(String name, Map<String, String> labels) {
        List<Sample> found = samples(name, labels);
        if (found.size() != 1) {
            throw new IllegalStateException(found.size() + " samples of " + name + " with " + labels + ": " + found);
        }
        return found.get(0).value();
    }

    private static final class LineReader {
        private final String line;
        private int at;

        LineReader(String line) {
            this.line = line;
        }

        Sample sample() {
            String name = name();
            Map<String, String> labels = new LinkedHashMap<>();
            if (peek() == '{') {
                at++;
                labels = labels();
            }
            skipSpaces();
            int start = at;
            while (at < line.length() && line.charAt(at) != ' ') {
                at++;
            }
            double value = number(line.substring(start, at));
            skipSpaces();
            if (at < line.length()) {
                Long.parseLong(line.substring(at)); // a timestamp, in milliseconds: checked, not kept
            }
            return new Sample(name, Map.copyOf(labels), value);
        }

        private String name() {
            int start = at;
            while (at < line.length() && isNameChar(line.charAt(at), at == start)) {
                at++;
            }
            if (at == start) {
                throw new IllegalArgumentException("no metric name at " + at);
            }
            return line.substring(start, at);
        }

        private Map<String, String> labels() {
            var labels = new LinkedHashMap<String, String>();
            while (true) {
                skipSpaces();
                if (peek() == '}') {
                    at++;
                    return labels;
                }
                String label = name();
                skipSpaces();
                expect('=');
                skipSpaces();
                expect('"');
                labels.put(label, quoted());
                skipSpaces();
                if (peek() == ',') {
                    at++;
                } else if (peek() != '}') {
                    throw new IllegalArgumentException("expected , or } at " + at);
                }
            }
        }

        private String quoted() {
            var value = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return value.toString();
                }
                if (c == '\\') {
                    char escaped = next();
                    value.append(
                            switch (escaped) {
                                case 'n' -> '\n';
                                case '\\' -> '\\';
                                case '"' -> '"';
                                default -> throw new IllegalArgumentException("bad escape \\" + escaped);
                            });
                } else {
                    value.append(c);
                }
            }
        }

        private static double number(String text) {
            return switch (text) {
                case "NaN" -> Double.NaN;
                case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(text);
            };
        }

        private static boolean isNameChar(char c, boolean first) {
            return Character.isLetter(c) || c == '_' || c == ':' || (!first && Character.isDigit(c));
        }

        private char peek() {
            return at < line.length() ? line.charAt(at) : '\0';
        }

        private char next() {
            if (at >= line.length()) {
                throw new IllegalArgumentException("line ends inside a label value");
            }
            return line.charAt(at++);
        }

        private void expect(char c) {
            if (next() != c) {
                throw new IllegalArgumentException("expected " + c + " at " + (at - 1));
            }
        }

        private void skipSpaces() {
            while (peek() == ' ' || peek() == '\t') {
                at++;
            }
        }
    }
}
