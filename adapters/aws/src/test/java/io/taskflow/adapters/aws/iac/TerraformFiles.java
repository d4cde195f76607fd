package io.taskflow.adapters.aws.iac;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import com.bertramlabs.plugins.hcl4j.HCLParserException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Terraform of iac/terraform/aws, parsed (no terraform binary or provider is needed). Interpolated strings come
 * out garbled, so checks read structure and literals: the locals that name handlers, topics and schedules are kept
 * literal for that reason.
 */
final class TerraformFiles {
    static final Path ROOT = findRoot();

    private final Map<Path, Map<String, Object>> parsed = new LinkedHashMap<>();

    TerraformFiles() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".tf")).sorted().toList()) {
                parsed.put(file, new HCLParser().parse(file.toFile(), "UTF-8"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (HCLParserException e) {
            throw new IllegalStateException("Terraform that does not parse", e);
        }
    }

    Map<Path, Map<String, Object>> files() {
        return parsed;
    }

    /** The root module's blocks of one kind ({@code locals}, {@code variable}, …) merged over its files. */
    Map<String, Object> root(String kind) {
        var merged = new LinkedHashMap<String, Object>();
        parsed.forEach((file, blocks) -> {
            if (file.getParent().equals(ROOT) && blocks.get(kind) instanceof Map<?, ?> map) {
                map.forEach((k, v) -> merged.put(k.toString(), v));
            }
        });
        return merged;
    }

    /** Resources of a type in the root module, by name. */
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> resources(String type) {
        var found = new LinkedHashMap<String, Map<String, Object>>();
        Map<String, Object> resources = root("resource");
        if (resources.get(type) instanceof Map<?, ?> byName) {
            byName.forEach((name, body) -> found.put(name.toString(), (Map<String, Object>) body));
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("iac/terraform/aws"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "iac/terraform/aws not found above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("iac/terraform/aws");
    }
}
