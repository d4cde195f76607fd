package io.taskflow.testsupport;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import com.bertramlabs.plugins.hcl4j.HCLParserException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Terraform of one cloud under {@code iac/terraform/<cloud>}, parsed (no terraform binary or provider is needed).
 * Interpolated strings come out garbled, so checks read structure and literals: the locals that name handlers, topics
 * and schedules are kept literal for that reason.
 */
public final class TerraformFiles {
    private static final Pattern LITERAL_SECRET = Pattern.compile(
            "(?i)^\\s*\\w*(password|secret|token|access_key|private_key|connection_string)\\w*\\s*=\\s*\"(?!\\$\\{)[^\"]+\"");
    private static final Pattern KEY_MATERIAL = Pattern.compile("(AKIA|ASIA)[0-9A-Z]{16}|-----BEGIN|AccountKey=");

    private final Path root;
    private final Map<Path, Map<String, Object>> parsed = new LinkedHashMap<>();

    private TerraformFiles(Path root) {
        this.root = root;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".tf")).sorted().toList()) {
                parsed.put(file, new HCLParser().parse(file.toFile(), "UTF-8"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (HCLParserException e) {
            throw new IllegalStateException("Terraform that does not parse under " + root, e);
        }
    }

    /** {@code iac/terraform/<cloud>} of the checkout the tests run in, parsed. */
    public static TerraformFiles of(String cloud) {
        return new TerraformFiles(RepoRoot.path("iac/terraform/" + cloud));
    }

    /** Every root under {@code iac/terraform}, by cloud name. */
    public static List<String> clouds() {
        try (Stream<Path> dirs = Files.list(RepoRoot.path("iac/terraform"))) {
            return dirs.filter(Files::isDirectory)
                    .map(d -> d.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path root() {
        return root;
    }

    public Map<Path, Map<String, Object>> files() {
        return parsed;
    }

    /** The root module's blocks of one kind ({@code locals}, {@code variable}, …) merged over its files. */
    public Map<String, Object> root(String kind) {
        var merged = new LinkedHashMap<String, Object>();
        parsed.forEach((file, blocks) -> {
            if (file.getParent().equals(root) && blocks.get(kind) instanceof Map<?, ?> map) {
                map.forEach((k, v) -> merged.put(k.toString(), v));
            }
        });
        return merged;
    }

    /** Resources of a type in the root module, by name. */
    @SuppressWarnings("unchecked")
    public Map<String, Map<String, Object>> resources(String type) {
        var found = new LinkedHashMap<String, Map<String, Object>>();
        Map<String, Object> resources = root("resource");
        if (resources.get(type) instanceof Map<?, ?> byName) {
            byName.forEach((name, body) -> found.put(name.toString(), (Map<String, Object>) body));
        }
        return found;
    }

    /** Variables and outputs, in any module, without a description: {@code file: kind name}. */
    public List<String> undescribed() {
        var undescribed = new ArrayList<String>();
        parsed.forEach((file, blocks) -> {
            for (String kind : List.of("variable", "output")) {
                if (blocks.get(kind) instanceof Map<?, ?> byName) {
                    byName.forEach((name, body) -> {
                        Object description = ((Map<?, ?>) body).get("description");
                        if (description == null || description.toString().isBlank()) {
                            undescribed.add(root.relativize(file) + ": " + kind + " " + name);
                        }
                    });
                }
            }
        });
        return undescribed;
    }

    /** Lines that write a credential as a literal (a password, a key, a connection string): {@code file:line: text}. */
    public List<String> literalCredentials() throws IOException {
        var found = new ArrayList<String>();
        for (Path file : parsed.keySet()) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (LITERAL_SECRET.matcher(line).find()
                        || KEY_MATERIAL.matcher(line).find()) {
                    found.add(root.relativize(file) + ":" + (i + 1) + ": " + line.strip());
                }
            }
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value) {
        return (List<Object>) value;
    }
}
