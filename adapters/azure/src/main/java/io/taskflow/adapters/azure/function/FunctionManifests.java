package io.taskflow.adapters.azure.function;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.microsoft.azure.functions.annotation.EventHubTrigger;
import com.microsoft.azure.functions.annotation.ExponentialBackoffRetry;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import com.microsoft.azure.functions.annotation.TimerTrigger;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Makes the function app's deployment package from the functions' annotations, as the Azure Functions tooling does:
 * {@code host.json}, one folder per function with its {@code function.json} (bindings and retry policy), and the jar
 * every function runs from, zipped. The build runs it after the jar is made (the Azure Functions Maven plugin is not
 * on this project's repository mirror); the tests hold it to the annotations.
 *
 * <pre>FunctionManifests &lt;host.json&gt; &lt;jar&gt; &lt;staging dir&gt; &lt;package.zip&gt;</pre>
 */
public final class FunctionManifests {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FunctionManifests() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            throw new IllegalArgumentException(
                    "usage: FunctionManifests <host.json> <jar> <staging dir> <package.zip>");
        }
        Path staging = stage(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]));
        zip(staging, Path.of(args[3]));
    }

    /** Writes the package's files under {@code staging}; returns it. */
    public static Path stage(Path hostJson, Path jar, Path staging) throws IOException {
        Files.createDirectories(staging);
        Files.copy(hostJson, staging.resolve("host.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(jar, staging.resolve(jar.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        for (Map.Entry<String, Method> function : FunctionCatalog.functions().entrySet()) {
            Path folder = Files.createDirectories(staging.resolve(function.getKey()));
            JSON.writeValue(
                    folder.resolve("function.json").toFile(),
                    manifest(function.getValue(), jar.getFileName().toString()));
        }
        return staging;
    }

    /** The {@code function.json} of one function. */
    public static Map<String, Object> manifest(Method method, String jarName) {
        var manifest = new LinkedHashMap<String, Object>();
        manifest.put("scriptFile", "../" + jarName);
        manifest.put("entryPoint", method.getDeclaringClass().getName() + "." + method.getName());
        var bindings = new ArrayList<Map<String, Object>>();
        for (Parameter parameter : method.getParameters()) {
            binding(parameter).ifPresent(bindings::add);
        }
        if (Arrays.stream(method.getParameters()).anyMatch(p -> p.isAnnotationPresent(HttpTrigger.class))) {
            bindings.add(ordered("type", "http", "direction", "out", "name", "$return"));
        }
        manifest.put("bindings", bindings);
        ExponentialBackoffRetry retry = method.getAnnotation(ExponentialBackoffRetry.class);
        if (retry != null) {
            manifest.put(
                    "retry",
                    ordered(
                            "strategy", "exponentialBackoff",
                            "maxRetryCount", retry.maxRetryCount(),
                            "minimumInterval", retry.minimumInterval(),
                            "maximumInterval", retry.maximumInterval()));
        }
        return manifest;
    }

    private static java.util.Optional<Map<String, Object>> binding(Parameter parameter) {
        EventHubTrigger eventHub = parameter.getAnnotation(EventHubTrigger.class);
        if (eventHub != null) {
            return java.util.Optional.of(ordered(
                    "type", "eventHubTrigger",
                    "direction", "in",
                    "name", eventHub.name(),
                    "dataType", eventHub.dataType(),
                    "eventHubName", eventHub.eventHubName(),
                    "consumerGroup", eventHub.consumerGroup(),
                    "connection", eventHub.connection(),
                    "cardinality", eventHub.cardinality().name().toLowerCase(Locale.ROOT)));
        }
        TimerTrigger timer = parameter.getAnnotation(TimerTrigger.class);
        if (timer != null) {
            return java.util.Optional.of(ordered(
                    "type", "timerTrigger", "direction", "in", "name", timer.name(), "schedule", timer.schedule()));
        }
        HttpTrigger http = parameter.getAnnotation(HttpTrigger.class);
        if (http != null) {
            return java.util.Optional.of(ordered(
                    "type",
                    "httpTrigger",
                    "direction",
                    "in",
                    "name",
                    http.name(),
                    "authLevel",
                    http.authLevel().name().toLowerCase(Locale.ROOT),
                    "methods",
                    Arrays.stream(http.methods())
                            .map(m -> m.name().toLowerCase(Locale.ROOT))
                            .toList(),
                    "route",
                    http.route()));
        }
        // @BindingName parameters read the trigger's metadata, and the context is the worker's: neither is a binding.
        return java.util.Optional.empty();
    }

    private static Map<String, Object> ordered(Object... pairs) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static void zip(Path staging, Path target) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(staging)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        try (OutputStream out = Files.newOutputStream(target);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Path file : files) {
                zip.putNextEntry(
                        new ZipEntry(staging.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
    }
}
