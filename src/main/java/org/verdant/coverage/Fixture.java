package org.verdant.coverage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One evaluation of a fixture and what it is compared with: NAME.yaml alone (options from
 * NAME.args if present) or a variant NAME.VARIANT.args. A valid fixture has the figures a reviewer
 * checks, written by hand (NAME.expect.yaml, NAME.VARIANT.expect.yaml; see {@link Expectations}),
 * and a snapshot of its whole verdict without digests (NAME.expected.json,
 * NAME.VARIANT.expected.json). Under a folder named {@code invalid} the snapshot is the exit code
 * and messages (NAME.expected.txt) and there are no figures.
 *
 * @param yaml        the submission
 * @param expectation NAME or NAME.VARIANT: the stem of the .args and .expected.* files
 * @param variant     VARIANT, or null for the plain evaluation
 * @param args        extra command-line options from the .args file (empty when there is none)
 * @param invalid     true when the submission is meant to be refused (exit 3)
 */
public record Fixture(Path yaml, String expectation, String variant, List<String> args, boolean invalid) {
    private static final Pattern TOKEN = Pattern.compile("\"([^\"]*)\"|(\\S+)");

    /** Ends the name of a hand-written expectation file, which is YAML but not a submission. */
    public static final String EXPECT_SUFFIX = ".expect.yaml";

    /** Ends the name of an evaluator's assessment a variant's .args names (docs/assessment.md): YAML, not a submission. */
    public static final String ASSESSMENT_SUFFIX = ".assessment.yaml";

    /** The checked-in snapshot: the verdict without digests, or an invalid fixture's exit code and messages. */
    public Path expected() {
        return yaml.resolveSibling(expectation + (invalid ? ".expected.txt" : ".expected.json"));
    }

    /** The hand-written figures this evaluation must show (valid fixtures only). */
    public Path expect() {
        return yaml.resolveSibling(expectation + EXPECT_SUFFIX);
    }

    /** Whether {@code p} is a fixture's submission: a .yaml file that is not an expectation file or an assessment. */
    public static boolean isSubmission(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(".yaml") && !name.endsWith(EXPECT_SUFFIX) && !name.endsWith(ASSESSMENT_SUFFIX);
    }

    /** How the fixture is named in reports: the file, and the variant in brackets. */
    public String label() {
        return yaml.toString().replace('\\', '/') + (variant == null ? "" : " [" + variant + "]");
    }

    /** Every fixture under {@code dir}, in path order, each followed by its variants. */
    public static List<Fixture> discover(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> isSubmission(p) && Files.isRegularFile(p)).sorted().toList();
        }
        List<Fixture> out = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString().replaceFirst("\\.yaml$", "");
            boolean invalid = underInvalid(f);
            out.add(new Fixture(f, name, null, args(f.resolveSibling(name + ".args")), invalid));
            Pattern variant = Pattern.compile(Pattern.quote(name) + "\\.([^.]+)\\.args");
            List<Path> siblings;
            try (Stream<Path> list = Files.list(f.getParent())) {
                siblings = list.sorted().toList();
            }
            for (Path s : siblings) {
                Matcher m = variant.matcher(s.getFileName().toString());
                if (m.matches()) out.add(new Fixture(f, name + "." + m.group(1), m.group(1), args(s), invalid));
            }
        }
        return out;
    }

    private static boolean underInvalid(Path f) {
        for (Path part : f.getParent() == null ? Path.of("") : f.getParent()) {
            if (part.toString().equals("invalid")) return true;
        }
        return false;
    }

    private static List<String> args(Path file) throws IOException {
        return Files.exists(file) ? tokens(Files.readString(file, StandardCharsets.UTF_8)) : List.of();
    }

    /** The options on an .args line; double quotes keep a value with spaces together. */
    public static List<String> tokens(String line) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(line.strip());
        while (m.find()) out.add(m.group(1) != null ? m.group(1) : m.group(2));
        return out;
    }
}
