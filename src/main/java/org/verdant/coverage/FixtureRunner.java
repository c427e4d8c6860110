package org.verdant.coverage;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.verdant.record.Records;
import org.verdant.compare.VerdictDiff;
import org.verdant.yaml.Msg;
import org.verdant.yaml.Problem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs fixtures through the command line exactly as a user would ({@code evaluate FILE --format
 * json} plus the fixture's options), checks the hand-written expectations (NAME.expect.yaml, see
 * {@link Expectations}) against the verdict, then compares the whole verdict with its snapshot
 * (NAME.expected.json), digests left out of both. The golden-fixture test and {@code verdant test}
 * both use it, so they cannot drift apart.
 */
public final class FixtureRunner {
    /** The command line, injected so this package does not depend on the CLI that uses it. */
    public interface Cli {
        Output run(List<String> args);
    }

    /** What one command line printed, and its exit code. */
    public record Output(int code, String out, String err) {
    }

    /**
     * One fixture evaluation.
     *
     * @param output       what the evaluation printed on standard output (the full JSON verdict)
     * @param actual       the evaluation in the snapshot's form: the verdict without digests, or
     *                     "exit N" and the messages for an invalid fixture
     * @param expected     the checked-in snapshot without digests, null when there is none
     * @param expectations every expectation that does not hold (or the expectation file's own
     *                     problems, or its absence), one line each; empty when all hold
     */
    public record Result(Fixture fixture, int code, String output, String actual, String expected, String err,
                         List<String> expectations) {
        public Result {
            expectations = List.copyOf(expectations);
        }

        public boolean wrongExit() {
            return code != (fixture.invalid() ? 3 : 0);
        }

        public boolean snapshotMatches() {
            return actual.equals(expected);
        }

        public boolean passed() {
            return !wrongExit() && expectations.isEmpty() && snapshotMatches();
        }

        /** Why the exit code is wrong, in a few lines. */
        public String exitExplanation() {
            return "exit " + code + ", expected " + (fixture.invalid() ? 3 : 0)
                    + (err.isBlank() ? "" : ": " + err.strip().lines().limit(5).reduce((a, b) -> a + "\n" + b).orElse(""));
        }

        /** What differs from the snapshot, in a few lines: the verdict's terms first, then the lines. */
        public String snapshotExplanation() {
            return snapshotExplanation("en"); // developers' diagnostics (the golden-fixture test) stay English
        }

        /** The same in {@code lang}: what {@code verdant test} shows its user. */
        public String snapshotExplanation(String lang) {
            boolean zh = !"en".equals(lang);
            if (expected == null) return zh ? "没有 " + fixture.expected().getFileName() + "（用 --update 生成并核对）"
                    : "no " + fixture.expected().getFileName() + " (create it with --update and review it)";
            if (snapshotMatches()) return "";
            List<String> lines = new ArrayList<>();
            if (!fixture.invalid()) lines.addAll(VerdictDiff.compare(expected, actual).lines(zh ? "zh" : "en"));
            lines.add(zh ? "逐行（- 预期，+ 实际）：" : "lines (- expected, + actual):");
            lines.addAll(LineDiff.shortDiff(expected, actual, 12, zh ? "zh" : "en"));
            return String.join("\n", lines);
        }

        /** Everything that failed: the exit code, else the expectations first, then the snapshot. */
        public String explanation() {
            if (wrongExit()) return exitExplanation();
            List<String> parts = new ArrayList<>(expectations);
            if (!snapshotMatches()) parts.add(snapshotExplanation());
            return String.join("\n", parts);
        }
    }

    /** The snapshot leaves these out: records and their tests cover digests, and one figure changed should not touch every golden. */
    private static final List<String> DIGESTS = List.of("rulebook", "input", "indicator_table", "assessment");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private final Cli cli;
    private final List<String> rulebookArgs;
    /** The language of the expectations' lines: en for developers (the golden-fixture test), the user's for {@code verdant test}. */
    private final String lang;

    /** {@code rulebookArgs}: options naming the rulebook (e.g. --rules DIR --scorecards DIR), added to every evaluation; lines in English. */
    public FixtureRunner(Cli cli, List<String> rulebookArgs) {
        this(cli, rulebookArgs, "en");
    }

    /** The same, the expectations' lines in {@code lang} (zh or en). */
    public FixtureRunner(Cli cli, List<String> rulebookArgs, String lang) {
        this.cli = cli;
        this.rulebookArgs = List.copyOf(rulebookArgs);
        this.lang = lang;
    }

    public Result run(Fixture f) throws IOException {
        List<String> args = new ArrayList<>(List.of("evaluate", f.yaml().toString(), "--format", "json"));
        args.addAll(rulebookArgs);
        args.addAll(f.args());
        Output o = cli.run(args);
        String actual = f.invalid() ? "exit " + o.code() + "\n" + o.err() : o.code() == 0 ? snapshot(o.out()) : o.out();
        Path expectedFile = f.expected();
        String expected = null;
        if (Files.exists(expectedFile)) {
            String text = Files.readString(expectedFile, StandardCharsets.UTF_8);
            expected = f.invalid() ? text : snapshot(text);
        }
        List<String> expectations = new ArrayList<>();
        Path expect = f.expect();
        if (f.invalid()) {
            if (Files.exists(expect)) {
                expectations.add(Msg.of("expect.invalid_not_read", expect, expectedFile.getFileName()).render(lang));
            }
        } else if (!Files.exists(expect)) {
            expectations.add(Msg.of("expect.missing_file", expect.getFileName()).render(lang));
        } else if (o.code() == 0) {
            for (Problem p : Expectations.check(expect.toString().replace('\\', '/'), Files.readAllBytes(expect), o.out())) {
                expectations.add(p.toString(lang));
            }
        }
        return new Result(f, o.code(), o.out(), actual, expected, o.err(), expectations);
    }

    /**
     * A JSON verdict as its snapshot keeps it: {@code rulebook.digest}, {@code input.digest} and {@code indicator_table.digest}
     * left out, everything else as the verdict writer printed it. Text that is not a JSON object
     * is returned unchanged, so it shows in the diff as it is.
     */
    public static String snapshot(String verdictJson) {
        JsonNode tree;
        try {
            tree = JSON.readTree(verdictJson);
        } catch (IOException e) {
            return verdictJson;
        }
        if (tree == null || !tree.isObject()) return verdictJson;
        for (String section : DIGESTS) {
            if (tree.get(section) instanceof ObjectNode o) o.remove("digest");
        }
        return Records.verdictText(tree);
    }

    /**
     * Writes the actual output as the new snapshot; returns false when nothing changed. A fixture
     * that exits with the wrong code is not written: its output is not a verdict to keep. The
     * expectation files are written by hand and never touched.
     */
    public static boolean update(Result r) throws IOException {
        if (r.wrongExit()) throw new IllegalArgumentException("not an output to keep: " + r.fixture().label());
        if (r.snapshotMatches()) {
            // the same verdict: still drop digests an older snapshot carries
            String onDisk = Files.readString(r.fixture().expected(), StandardCharsets.UTF_8);
            if (onDisk.equals(r.actual())) return false;
        }
        Files.writeString(r.fixture().expected(), r.actual(), StandardCharsets.UTF_8);
        return true;
    }
}
