package org.verdant.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.verdant.hostile.Cli.Run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Mutates the valid fixtures (delete, duplicate or swap lines, replace a number with a random
 * token, insert random bytes or characters, truncate, change indentation) and requires every
 * outcome to be either a verdict (exit 0, JSON on stdout) or a clean refusal (exit 3 with every
 * problem located, or a usage error), never an internal error, a stack trace or a hang.
 */
class MutatedFixturesPropertyTest {
    private static final List<Fixture> FIXTURES = fixtures();
    /** Tokens that replace a number: the notations and values a hostile or careless file holds. */
    private static final List<String> TOKENS = List.of("NaN", ".nan", ".inf", "-.Inf", "Infinity", "1e400", "-1e400", "1e300",
            "1e-300", "4.9e-324", "1e15", "1e-12", "0", "-0", "-1", "0.0", "98,000", "1.234,5", "1 234", "1,5", "３１２", "0x1F", "0o17",
            "1_000", "", "~", "null", "true", "no", "[]", "{}", "\"\"", "'", "\"", "&a", "*a", "!!binary", "%", "%%", "1e", "e5", "--1",
            "+.5", "9".repeat(400), "1" + "0".repeat(20), "2024-02-30", "12:30", "# x", ": x", "- x", "|", ">", "@", "`", "\t", "\\");
    private static Path dir;

    record Fixture(String name, byte[] bytes) {
    }

    /** A mutated fixture; its description says what was done, for a failure's report. */
    record Mutant(String fixture, List<String> steps, byte[] bytes) {
        @Override
        public String toString() {
            return fixture + " " + steps;
        }
    }

    /** One change to a file held as ISO-8859-1 text, so that any byte survives every step. */
    record Mutation(String description, UnaryOperator<String> apply) {
    }

    @BeforeContainer
    static void createDirectory() throws IOException {
        dir = Files.createTempDirectory("verdant-mutants");
    }

    @AfterContainer
    static void deleteDirectory() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    @Property(tries = 300, shrinking = ShrinkingMode.BOUNDED)
    void everyMutantEndsInAVerdictOrALocatedRefusal(@ForAll("mutants") Mutant mutant) throws IOException {
        Path file = Files.write(dir.resolve("mutant.yaml"), mutant.bytes());
        Run r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Cli.evaluate(file), "no answer in 10 s: a hang");
        Cli.assertNoStackTrace(r);
        Statistics.label("exit").collect(r.code());
        switch (r.code()) {
            case 0 -> {
                JsonNode v = Cli.assertVerdict(r);
                assertThat(v.path("score").asDouble()).isBetween(0.0, 100.0);
            }
            case 3 -> {
                Cli.assertRefused(r, file);
                Pattern located = Pattern.compile(Pattern.quote(file.toString()) + ":\\d+:\\d+: .+");
                Pattern overflow = Pattern.compile(Pattern.quote(file.toString()) + ": … and \\d+ more problem\\(s\\) not listed.*");
                assertThat(r.problemLines()).as(r.err()).allSatisfy(l -> assertThat(located.matcher(l).matches() || overflow.matcher(l).matches())
                        .as("located: %s", l).isTrue());
            }
            case 2 -> {
                assertThat(r.out()).isEmpty();
                assertThat(r.err()).startsWith("用法错误：");
            }
            default -> throw new AssertionError("exit " + r.code() + " for " + mutant + ":\n" + Cli.head(r.err()));
        }
    }

    @Provide
    Arbitrary<Mutant> mutants() {
        Arbitrary<Fixture> fixture = Arbitraries.of(FIXTURES);
        Arbitrary<List<Mutation>> steps = mutation().list().ofMinSize(1).ofMaxSize(3);
        return Combinators.combine(fixture, steps).as((f, ms) -> {
            String text = new String(f.bytes(), StandardCharsets.ISO_8859_1);
            List<String> done = new ArrayList<>();
            for (Mutation m : ms) {
                text = m.apply().apply(text);
                done.add(m.description());
            }
            return new Mutant(f.name(), done, text.getBytes(StandardCharsets.ISO_8859_1));
        });
    }

    private static Arbitrary<Mutation> mutation() {
        Arbitrary<Integer> a = Arbitraries.integers().between(0, 1_000_000);
        Arbitrary<Integer> b = Arbitraries.integers().between(0, 1_000_000);
        Arbitrary<String> token = Arbitraries.oneOf(Arbitraries.of(TOKENS),
                Arbitraries.strings().ofMaxLength(8),
                Arbitraries.doubles().map(d -> Double.toString(d)),
                Arbitraries.strings().withCharRange('0', '9').withChars('.', ',', 'e', '-', ' ').ofMinLength(1).ofMaxLength(12));
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(8);
        Arbitrary<String> unicode = Arbitraries.oneOf(Arbitraries.strings().all().ofMinLength(1).ofMaxLength(6),
                Arbitraries.of("\u0000", "\uFEFF", "\u2028", "\u0085", "\t", "\r", "\r\n", "\n", "#", ": ", "- ", "&x ", "*x", "!t ", "|",
                        ">", "%", "@", "`", "? ", "---\n", "...\n", "{", "}", "[", "]", ",", "\"", "'", "\\", "\u202E", "\uD83D\uDE00",
                        "\uD800", "　", "：", "，"));
        Arbitrary<Integer> indent = Arbitraries.integers().between(-4, 4);
        return Arbitraries.oneOf(
                a.map(i -> lines("delete line", i, (ls, n) -> ls.remove(n))),
                a.map(i -> lines("duplicate line", i, (ls, n) -> ls.add(n, ls.get(n)))),
                Combinators.combine(a, b).as((i, j) -> new Mutation("swap lines " + i + "/" + j, t -> {
                    List<String> ls = split(t);
                    int x = i % ls.size();
                    int y = j % ls.size();
                    String l = ls.get(x);
                    ls.set(x, ls.get(y));
                    ls.set(y, l);
                    return String.join("\n", ls);
                })),
                Combinators.combine(a, token).as((i, tok) -> new Mutation("replace number " + i + " with '" + tok + "'",
                        t -> replaceNumber(t, i, latin1(tok)))),
                Combinators.combine(a, bytes).as((i, bs) -> new Mutation("insert " + bs.length + " bytes at " + i,
                        t -> insert(t, i, new String(bs, StandardCharsets.ISO_8859_1)))),
                Combinators.combine(a, unicode).as((i, s) -> new Mutation("insert '" + escape(s) + "' at " + i,
                        t -> insert(t, i, latin1(s)))),
                a.map(i -> new Mutation("truncate at " + i, t -> t.substring(0, i % (t.length() + 1)))),
                Combinators.combine(a, indent).as((i, d) -> lines("indent " + (d == 0 ? "with a tab" : d), i, (ls, n) -> {
                    String l = ls.get(n);
                    String body = l.stripLeading();
                    int width = l.length() - body.length();
                    ls.set(n, d == 0 ? "\t" + body : " ".repeat(Math.max(0, width + d)) + body);
                })));
    }

    private interface LineEdit {
        void apply(List<String> lines, int index);
    }

    private static Mutation lines(String what, int i, LineEdit edit) {
        return new Mutation(what + " " + i, t -> {
            List<String> ls = split(t);
            edit.apply(ls, i % ls.size());
            return String.join("\n", ls);
        });
    }

    private static List<String> split(String t) {
        return new ArrayList<>(List.of(t.split("\n", -1)));
    }

    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    private static String replaceNumber(String t, int i, String token) {
        Matcher m = NUMBER.matcher(t);
        List<int[]> found = new ArrayList<>();
        while (m.find()) found.add(new int[]{m.start(), m.end()});
        if (found.isEmpty()) return t;
        int[] at = found.get(i % found.size());
        return t.substring(0, at[0]) + token + t.substring(at[1]);
    }

    private static String insert(String t, int i, String s) {
        int at = i % (t.length() + 1);
        return t.substring(0, at) + s + t.substring(at);
    }

    /** A string's UTF-8 bytes as ISO-8859-1 characters. */
    private static String latin1(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> b.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\u%04X", c)));
        return b.toString();
    }

    private static List<Fixture> fixtures() {
        try (Stream<Path> walk = Files.walk(Path.of("fixtures/green-factory"))) {
            List<Fixture> out = new ArrayList<>();
            for (Path p : walk.filter(p -> org.verdant.coverage.Fixture.isSubmission(p) && !p.toString().contains("invalid")).sorted().toList()) {
                out.add(new Fixture(p.toString(), Files.readAllBytes(p)));
            }
            assertThat(out).hasSizeGreaterThanOrEqualTo(10);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
