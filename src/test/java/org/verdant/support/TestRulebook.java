package org.verdant.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import org.verdant.evaluation.Evaluator;
import org.verdant.findings.Finding;
import org.verdant.findings.Status;
import org.verdant.rulebook.CompiledRulebook;
import org.verdant.rulebook.RulebookLoader;
import org.verdant.verdict.Verdict;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The project's own rulebook (rules/ and scorecards/ of the checkout), compiled once for all tests. */
public final class TestRulebook {
    private static CompiledRulebook compiled;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private TestRulebook() {
    }

    public static synchronized CompiledRulebook compiled() {
        if (compiled == null) {
            try {
                compiled = new CompiledRulebook(RulebookLoader.load(Path.of("rules"), Path.of("scorecards")));
            } catch (Exception e) {
                throw new IllegalStateException("the project rulebook does not load: " + e, e);
            }
        }
        return compiled;
    }

    /** A copy of the project's scorecards under {@code dir}, to edit for one test. */
    public static Path copyScorecards(Path dir) throws IOException {
        Path scorecards = dir.resolve("scorecards");
        try (java.util.stream.Stream<Path> walk = Files.walk(Path.of("scorecards"))) {
            for (Path p : walk.toList()) {
                Path target = scorecards.resolve(Path.of("scorecards").relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
        return scorecards;
    }

    public static String read(String path) {
        try {
            return Files.readString(Path.of(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The all-met test submission. */
    public static String base() {
        return read("src/test/resources/submissions/all-met.yaml");
    }

    public static Verdict evaluate(String yaml) {
        return evaluate(yaml, new Evaluator.Options(null, null));
    }

    public static Verdict evaluate(String yaml, Evaluator.Options options) {
        try {
            return new Evaluator(compiled()).evaluate("test.yaml", yaml.getBytes(StandardCharsets.UTF_8), options);
        } catch (Exception e) {
            throw new AssertionError("evaluation failed: " + e + (e instanceof org.verdant.evaluation.InvalidSubmissionException i ? " " + i.problems() : ""), e);
        }
    }

    public static Finding finding(Verdict v, String id) {
        return v.gates().stream().filter(j -> j.id().equals(id)).findFirst()
                .or(() -> v.criteria().stream().filter(j -> j.id().equals(id)).findFirst())
                .orElseThrow(() -> new AssertionError("no criterion " + id)).finding();
    }

    public static Status status(Verdict v, String id) {
        return finding(v, id).status();
    }

    /**
     * Returns the YAML with the value at a dotted path replaced (a YAML snippet), or removed when
     * the snippet is null. Paths may index lists: "products.0.energy".
     */
    public static String with(String yaml, String path, String snippet) {
        try {
            JsonNode root = YAML.readTree(yaml);
            String[] parts = path.split("\\.");
            JsonNode parent = root;
            for (int i = 0; i < parts.length - 1; i++) {
                parent = parent.isArray() ? parent.get(Integer.parseInt(parts[i])) : parent.get(parts[i]);
                if (parent == null) throw new IllegalArgumentException("no " + path);
            }
            String last = parts[parts.length - 1];
            if (snippet == null) {
                if (parent.isArray()) ((ArrayNode) parent).remove(Integer.parseInt(last));
                else ((ObjectNode) parent).remove(last);
            } else {
                JsonNode value = YAML.readTree("v: " + snippet).get("v");
                if (parent.isArray()) ((ArrayNode) parent).set(Integer.parseInt(last), value);
                else ((ObjectNode) parent).set(last, value);
            }
            return YAML.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
