package io.taskflow.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The environment variables the application reads, collected from its real configuration and sources: placeholders
 * of application.yml and taskflow-defaults.yml, variables the code reads itself, the log configuration's switch,
 * the contract's variables, and the secrets ConfiguredSecrets maps from TASKFLOW_SECRET_*.
 */
final class AppEnvironment {
    static final String APPLICATION_YML = "adapters/local-kafka/src/main/resources/application.yml";
    static final String DEFAULTS_YML = "functions/src/main/resources/taskflow-defaults.yml";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    private static final Pattern READ_IN_CODE = Pattern.compile("(?:getenv|env)\\(\"([A-Z][A-Z0-9_]*)\"\\)");
    private static final Pattern LOGBACK_KEY = Pattern.compile("<key>([A-Z][A-Z0-9_]*)</key>");

    private AppEnvironment() {}

    static Set<String> known() {
        var names = new TreeSet<String>();
        collect(PLACEHOLDER, RepoFiles.read(APPLICATION_YML), names);
        collect(PLACEHOLDER, RepoFiles.read(DEFAULTS_YML), names);
        collect(LOGBACK_KEY, RepoFiles.read("adapters/local-kafka/src/main/resources/logback.xml"), names);
        for (String module : new String[] {"functions", "adapters/local-kafka"}) {
            try (Stream<Path> sources = Files.walk(RepoFiles.path(module + "/src/main/java"))) {
                sources.filter(p -> p.toString().endsWith(".java")).forEach(p -> collect(READ_IN_CODE, read(p), names));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        names.addAll(Contract.ENVIRONMENT);
        for (String secret : Contract.SECRETS) {
            String variable =
                    "TASKFLOW_SECRET_" + secret.toUpperCase(Locale.ROOT).replace('-', '_');
            names.add(variable);
            names.add(variable + "_FILE");
        }
        return names;
    }

    /** Also accepted: the OpenTelemetry SDK's own variables and the JVM's options. */
    static boolean isKnown(String variable, Set<String> known) {
        return known.contains(variable) || variable.startsWith("OTEL_") || variable.equals("JAVA_TOOL_OPTIONS");
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            into.add(m.group(1));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
