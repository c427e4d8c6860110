package org.verdant.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.verdant.cli.VerdantCli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the command line in-process and checks what a refusal or a verdict must look like. */
final class Cli {
    static final Path FIXTURE = Path.of("fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What a Java stack trace or an exception name leaks onto stderr. */
    private static final Pattern STACK_TRACE = Pattern.compile("\\tat |\\bat (org|java|jdk|com|sun)\\.|Exception|Error:|\\.java:\\d+\\)");

    private Cli() {
    }

    record Run(int code, String out, String err) {
        /** The problem lines: every stderr line but the closing summary. */
        List<String> problemLines() {
            List<String> lines = err.lines().toList();
            return lines.isEmpty() ? lines : lines.subList(0, lines.size() - 1);
        }

        JsonNode verdict() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("stdout is not a JSON verdict: " + out.substring(0, Math.min(out.length(), 500)), e);
            }
        }
    }

    /** {@code verdant evaluate FILE --format json --lang en} against this checkout's rulebook: the problems are checked in English. */
    static Run evaluate(Path file) {
        return run("evaluate", file.toString(), "--format", "json", "--lang", "en", "--rules", "rules", "--scorecards", "scorecards");
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = VerdantCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    static String fixture() {
        try {
            return Files.readString(FIXTURE, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 1-based number of the first line of {@code text} that starts with {@code prefix}. */
    static int lineOf(String text, String prefix) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) return i + 1;
        }
        throw new AssertionError("no line starts with '" + prefix + "'");
    }

    /** {@code text} with its single occurrence of {@code from} replaced. */
    static String replaceOnce(String text, String from, String to) {
        int at = text.indexOf(from);
        assertThat(at).as("'" + from + "' occurs in the fixture").isNotNegative();
        assertThat(text.indexOf(from, at + 1)).as("'" + from + "' occurs once in the fixture").isNegative();
        return text.substring(0, at) + to + text.substring(at + from.length());
    }

    static void assertNoStackTrace(Run r) {
        assertThat(STACK_TRACE.matcher(r.err()).find()).as("stderr looks like a stack trace:%n%s", head(r.err())).isFalse();
        assertThat(r.err()).doesNotContain("internal error");
    }

    /**
     * Exit 3, nothing on stdout, stderr ending with the one-line summary for {@code file}, every
     * problem line starting with the file's name, no stack trace.
     */
    static void assertRefused(Run r, Path file) {
        assertThat(r.code()).as("exit code; stderr:%n%s", head(r.err())).isEqualTo(3);
        assertThat(r.out()).as("stdout of a refused submission").isEmpty();
        assertNoStackTrace(r);
        List<String> lines = r.err().lines().toList();
        assertThat(lines).isNotEmpty();
        assertThat(lines.get(lines.size() - 1)).matches(Pattern.quote(file.toString())
                + ": invalid submission \\(\\d+ problem\\(s\\)\\); nothing was scored"); // evaluate() runs with --lang en
        assertThat(r.problemLines()).isNotEmpty().allSatisfy(l -> assertThat(l).startsWith(file + ":"));
    }

    /** Refused, with a problem at {@code line} (any column) whose text contains every fragment. */
    static void assertRefusedAt(Run r, Path file, int line, String... fragments) {
        assertRefused(r, file);
        String prefix = file + ":" + line + ":";
        assertThat(r.problemLines()).as(r.err()).anySatisfy(l -> {
            assertThat(l).startsWith(prefix).containsPattern("^" + Pattern.quote(prefix) + "\\d+: ");
            for (String f : fragments) assertThat(l).contains(f);
        });
    }

    /** Every problem line is {@code file:line:column: …}. */
    static void assertEveryProblemLocated(Run r, Path file) {
        Pattern located = Pattern.compile(Pattern.quote(file.toString()) + ":\\d+:\\d+: .+");
        assertThat(r.problemLines()).as(r.err()).allSatisfy(l -> assertThat(l).matches(located));
    }

    /** Exit 0 and a JSON verdict on stdout, nothing on stderr. */
    static JsonNode assertVerdict(Run r) {
        assertThat(r.code()).as("exit code; stderr:%n%s", head(r.err())).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode v = r.verdict();
        assertThat(v.path("format").asText()).isEqualTo("verdant.verdict/1");
        assertThat(v.path("score").isNumber()).as("the verdict has a score").isTrue();
        return v;
    }

    static String head(String s) {
        return s.length() <= 2000 ? s : s.substring(0, 2000) + "… (" + s.length() + " characters)";
    }
}
