package io.taskflow.adapters.localkafka.observability;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the metric names out of a PromQL expression (also one with Grafana variables such as
 * {@code $__rate_interval}). It is a scanner, not a parser: it only has to tell metric names from the words around
 * them — functions, aggregations, modifiers, label names, strings, numbers and durations.
 */
final class PromQl {
    private static final Set<String> KEYWORDS = Set.of(
            "sum",
            "min",
            "max",
            "avg",
            "group",
            "stddev",
            "stdvar",
            "count",
            "count_values",
            "bottomk",
            "topk",
            "quantile",
            "limitk",
            "limit_ratio",
            "and",
            "or",
            "unless",
            "bool",
            "atan2",
            "offset",
            "inf",
            "nan");
    /** Modifiers followed by a list of label names in parentheses. */
    private static final Set<String> LABEL_LISTS =
            Set.of("by", "without", "on", "ignoring", "group_left", "group_right");

    private PromQl() {}

    static Set<String> metricNames(String expr) {
        var names = new TreeSet<String>();
        int i = 0;
        while (i < expr.length()) {
            char c = expr.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(expr, i);
            } else if (c == '{') {
                i = readMatchers(expr, i, names);
            } else if (c == '[') {
                i = skipGroup(expr, i, '[', ']');
            } else if (c == '$') {
                i = skipVariable(expr, i);
            } else if (isDigit(c) || (c == '.' && i + 1 < expr.length() && isDigit(expr.charAt(i + 1)))) {
                i = skipNumber(expr, i);
            } else if (isNameStart(c)) {
                int end = nameEnd(expr, i);
                String word = expr.substring(i, end);
                String keyword = word.toLowerCase(Locale.ROOT);
                int next = skipSpaces(expr, end);
                boolean call = next < expr.length() && expr.charAt(next) == '(';
                if (LABEL_LISTS.contains(keyword)) {
                    i = call ? skipGroup(expr, next, '(', ')') : end;
                    continue;
                }
                if (!KEYWORDS.contains(keyword) && !call) {
                    names.add(word);
                }
                i = end;
            } else {
                i++;
            }
        }
        return names;
    }

    /**
     * Inside a selector's braces: label names, operators and quoted values, but a metric may hide there too, as
     * {@code __name__="..."} or (Prometheus 3) as a quoted name standing alone.
     */
    private static int readMatchers(String expr, int open, Set<String> names) {
        int i = open + 1;
        while (i < expr.length() && expr.charAt(i) != '}') {
            char c = expr.charAt(i);
            if (Character.isWhitespace(c) || c == ',') {
                i++;
                continue;
            }
            String label;
            if (c == '"' || c == '\'' || c == '`') {
                int end = skipString(expr, i);
                label = expr.substring(i + 1, end - 1);
                i = end;
            } else if (isNameStart(c)) {
                int end = nameEnd(expr, i);
                label = expr.substring(i, end);
                i = end;
            } else {
                i++;
                continue;
            }
            i = skipSpaces(expr, i);
            int opStart = i;
            while (i < expr.length() && "=!~".indexOf(expr.charAt(i)) >= 0) {
                i++;
            }
            String op = expr.substring(opStart, i);
            if (op.isEmpty()) {
                names.add(label);
                continue;
            }
            i = skipSpaces(expr, i);
            if (i < expr.length() && "\"'`".indexOf(expr.charAt(i)) >= 0) {
                int end = skipString(expr, i);
                if (label.equals("__name__") && op.equals("=")) {
                    names.add(expr.substring(i + 1, end - 1));
                }
                i = end;
            }
        }
        return Math.min(i + 1, expr.length());
    }

    private static int skipString(String expr, int open) {
        char quote = expr.charAt(open);
        int i = open + 1;
        while (i < expr.length() && expr.charAt(i) != quote) {
            i += expr.charAt(i) == '\\' && quote != '`' ? 2 : 1;
        }
        return Math.min(i + 1, expr.length());
    }

    private static int skipGroup(String expr, int open, char opening, char closing) {
        int depth = 0;
        int i = open;
        while (i < expr.length()) {
            char c = expr.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(expr, i);
                continue;
            }
            if (c == opening) {
                depth++;
            } else if (c == closing && --depth == 0) {
                return i + 1;
            }
            i++;
        }
        return i;
    }

    /** Grafana's {@code $name} and {@code ${name}} (with optional {@code :format}). */
    private static int skipVariable(String expr, int dollar) {
        int i = dollar + 1;
        if (i < expr.length() && expr.charAt(i) == '{') {
            return skipGroup(expr, i, '{', '}');
        }
        while (i < expr.length() && isNamePart(expr.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Numbers, including 1e3, 0x1f and durations such as 5m or 1h30m. */
    private static int skipNumber(String expr, int start) {
        int i = start;
        while (i < expr.length()
                && (Character.isLetterOrDigit(expr.charAt(i)) || expr.charAt(i) == '.' || expr.charAt(i) == '_')) {
            i++;
        }
        return i;
    }

    private static int nameEnd(String expr, int start) {
        int i = start;
        while (i < expr.length() && isNamePart(expr.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipSpaces(String expr, int start) {
        int i = start;
        while (i < expr.length() && Character.isWhitespace(expr.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || isDigit(c);
    }
}
