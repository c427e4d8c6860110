package org.verdant.coverage;

import org.verdant.compare.VerdictDiff;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs fixtures through the command line exactly as a user would ({@code evaluate FILE --format
 * json} plus the fixture's options) and compares the output with the checked-in expectation.
 * The golden-fixture test and {@code verdant test} both use it, so they cannot drift apart.
 */
public final class FixtureRunner {
    /** The command line, injected so this package does not depend on the CLI that uses it. */
    public interface Cli {
        Output run(List<String> args);
    }

    /** What one command line printed, and its exit code. */
    public record Output(int code, String out, String err) {
    }

    public enum Outcome { PASS, FAIL, NO_EXPECTATION, WRONG_EXIT }

    /**
     * @param actual   what the evaluation produced in the expectation's form (the JSON verdict, or
     *                 "exit N" and the messages for an invalid fixture)
     * @param expected the checked-in expectation, null when there is none
     */
    public record Result(Fixture fixture, Outcome outcome, int code, String actual, String expected, String err) {
        public boolean passed() {
            return outcome == Outcome.PASS;
        }

        /** A short explanation of a failure: what differs, in a few lines. */
        public String explanation() {
            return switch (outcome) {
                case PASS -> "";
                case NO_EXPECTATION -> "no " + fixture.expected().getFileName() + " (create it with --update and review it)";
                case WRONG_EXIT -> "exit " + code + ", expected " + (fixture.invalid() ? 3 : 0)
                        + (err.isBlank() ? "" : ": " + err.strip().lines().limit(5).reduce((a, b) -> a + "\n" + b).orElse(""));
                case FAIL -> diff();
            };
        }

        private String diff() {
            List<String> lines = new ArrayList<>();
            if (!fixture.invalid()) lines.addAll(VerdictDiff.compare(expected, actual).lines());
            lines.add("lines (- expected, + actual):");
            lines.addAll(LineDiff.shortDiff(expected, actual, 12));
            return String.join("\n", lines);
        }
    }

    private final Cli cli;
    private final List<String> rulebookArgs;

    /** {@code rulebookArgs}: options naming the rulebook (e.g. --rules DIR --scorecards DIR), added to every evaluation. */
    public FixtureRunner(Cli cli, List<String> rulebookArgs) {
        this.cli = cli;
        this.rulebookArgs = List.copyOf(rulebookArgs);
    }

    public Result run(Fixture f) throws IOException {
        List<String> args = new ArrayList<>(List.of("evaluate", f.yaml().toString(), "--format", "json"));
        args.addAll(rulebookArgs);
        args.addAll(f.args());
        Output o = cli.run(args);
        String actual = f.invalid() ? "exit " + o.code() + "\n" + o.err() : o.out();
        int wanted = f.invalid() ? 3 : 0;
        Path expectedFile = f.expected();
        String expected = Files.exists(expectedFile) ? Files.readString(expectedFile, StandardCharsets.UTF_8) : null;
        Outcome outcome = o.code() != wanted ? Outcome.WRONG_EXIT
                : expected == null ? Outcome.NO_EXPECTATION
                : expected.equals(actual) ? Outcome.PASS : Outcome.FAIL;
        return new Result(f, outcome, o.code(), actual, expected, o.err());
    }

    /**
     * Writes the actual output as the new expectation; returns false when nothing changed. A
     * fixture that exits with the wrong code is not written: its output is not a verdict to keep.
     */
    public static boolean update(Result r) throws IOException {
        if (r.outcome() == Outcome.WRONG_EXIT) throw new IllegalArgumentException("not an output to keep: " + r.fixture().label());
        if (r.actual().equals(r.expected())) return false;
        Files.writeString(r.fixture().expected(), r.actual(), StandardCharsets.UTF_8);
        return true;
    }
}
