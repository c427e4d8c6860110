package org.verdant.hostile;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.verdant.hostile.Cli.Run;
import org.verdant.yaml.Problems;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verdant.hostile.Cli.assertEveryProblemLocated;
import static org.verdant.hostile.Cli.assertRefused;
import static org.verdant.hostile.Cli.assertRefusedAt;
import static org.verdant.hostile.Cli.assertVerdict;
import static org.verdant.hostile.Cli.evaluate;
import static org.verdant.hostile.Cli.fixture;
import static org.verdant.hostile.Cli.lineOf;
import static org.verdant.hostile.Cli.replaceOnce;

/**
 * Hostile and broken submissions through {@code verdant evaluate FILE --format json}: each is
 * refused with exit 3, every problem located, nothing on stdout and no stack trace; the encodings
 * and notations a real tool produces (a BOM, CRLF, JSON) are accepted and score as the original.
 * The timeout guards against hangs; it is not a speed target.
 */
@Timeout(10)
class HostileInputTest {
    @TempDir
    Path tmp;

    private static String original;
    private static JsonNode originalVerdict;

    @BeforeAll
    static void evaluateTheOriginal() {
        original = fixture();
        originalVerdict = assertVerdict(evaluate(Cli.FIXTURE));
        assertThat(originalVerdict.path("score").asDouble()).isEqualTo(98.33);
    }

    private Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = tmp.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The verdict, less the input's name and digest, is the original's. */
    private static void assertSameVerdictAsOriginal(JsonNode v) {
        ObjectNode a = v.deepCopy();
        ObjectNode b = originalVerdict.deepCopy();
        a.remove("input");
        b.remove("input");
        assertThat(a).isEqualTo(b);
    }

    // --- aliases -------------------------------------------------------------------------------

    @Test
    void billionLaughsIsRefusedWithoutExpandingAnything() throws IOException {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            char prev = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [");
            bomb.append(String.join(",", java.util.Collections.nCopies(9, "*" + prev))).append("]\n");
        }
        Path f = write("laughs.yaml", bomb.toString());
        Run r = evaluate(f);
        assertRefusedAt(r, f, 2, "b[0]: YAML aliases (*a) are not accepted; write the value out");
        assertRefusedAt(r, f, 9, "i[8]: YAML aliases (*h) are not accepted");
        assertEveryProblemLocated(r, f);
    }

    @Test
    void anAliasBombIsRefusedWithABoundedReport() throws IOException {
        // One anchor, 100,000 aliases of it: each is a problem; the report lists the first ones and counts the rest.
        StringBuilder bomb = new StringBuilder(replaceOnce(original, "claims:\n", "claims:\n  B1: &b1\n    met: true\n    evidence: [x]\n"));
        bomb.append("standing_extra:\n");
        for (int i = 0; i < 100_000; i++) bomb.append("  - *b1\n");
        Path f = write("alias-bomb.yaml", bomb.toString());
        Run r = evaluate(f);
        assertRefused(r, f);
        int firstAlias = lineOf(bomb.toString(), "  - *b1");
        assertRefusedAt(r, f, firstAlias, "standing_extra[0]: YAML aliases (*b1) are not accepted");
        assertThat(r.err()).contains("more problem(s) not listed");
        assertThat(r.problemLines()).hasSizeLessThanOrEqualTo(Problems.MAX_LISTED + 1);
        assertThat(r.err().length()).isLessThan(100_000);
    }

    // --- size and depth ------------------------------------------------------------------------

    @Test
    void deepFlowNestingIsRefusedAtTheFirstLevelTooDeep() throws IOException {
        // 10,000 nested lists, one bracket a line (a single line that long is refused for its length).
        String deep = "format: verdant.submission/1\nsite:\n  land_area:\n" + "    [\n".repeat(10_000) + "    ]\n".repeat(10_000);
        Path f = write("deep-flow.yaml", deep);
        Run r = evaluate(f);
        assertRefusedAt(r, f, 3 + 19, "nesting deeper than 20 levels");
        assertThat(r.problemLines()).filteredOn(l -> l.contains("nesting")).hasSize(1);
        assertEveryProblemLocated(r, f);
    }

    @Test
    void deepBlockNestingIsRefused() throws IOException {
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 500; i++) deep.append(" ".repeat(i)).append("k").append(i).append(":\n");
        deep.append(" ".repeat(500)).append("leaf\n");
        Path f = write("deep-block.yaml", deep.toString());
        Run r = evaluate(f);
        assertRefusedAt(r, f, 21, "nesting deeper than 20 levels");
        assertEveryProblemLocated(r, f);
    }

    @Test
    void aFiftyMegabyteStringIsRefusedBeforeItIsRead() throws IOException {
        Path f = tmp.resolve("fifty-megabytes.yaml");
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write(original);
            w.write("note: \"");
            char[] chunk = new char[1 << 20];
            Arrays.fill(chunk, '绿');
            for (int i = 0; i < 17; i++) w.write(chunk); // 17 Mi characters of 3 bytes: over 50 MB
            w.write("\"\n");
        }
        assertThat(Files.size(f)).isGreaterThan(50L * 1000 * 1000);
        Run r = evaluate(f);
        assertRefused(r, f);
        assertThat(r.err()).contains(f + ": the file is larger than 2097152 bytes (2 MiB), the limit for a submission");
    }

    @Test
    void longTextIsRefusedWithItsPathAndLength() throws IOException {
        String text = replaceOnce(original, "  address: 江苏省镇江市句容市下蜀镇华岳路 8 号", "  address: " + "华岳路8号".repeat(14_000));
        Path f = write("long-text.yaml", text);
        Run r = evaluate(f);
        assertRefusedAt(r, f, lineOf(text, "  address:"), "facility.address: text of 70000 characters; the limit is 10000");
    }

    @Test
    void aLineTooLongToScanIsRefused() throws IOException {
        // One 1 MB line: the YAML scanner's cost grows with the square of a line's length, so it is not scanned.
        String text = replaceOnce(original, "  address: 江苏省镇江市句容市下蜀镇华岳路 8 号", "  address: " + "x".repeat(1_000_000));
        Path f = write("long-line.yaml", text);
        Run r = evaluate(f);
        assertRefusedAt(r, f, lineOf(text, "  address:"), "a line of 1000011 characters; the limit is 100000");
    }

    // --- keys ----------------------------------------------------------------------------------

    @Test
    void duplicateKeysAreRefusedWithBothLines() throws IOException {
        String text = replaceOnce(original, "  land_area: 900 亩\n", "  land_area: 900 亩\n  land_area: 90 亩\n");
        Path f = write("duplicate.yaml", text);
        Run r = evaluate(f);
        int first = lineOf(text, "  land_area:");
        assertRefusedAt(r, f, first + 1, "site.land_area: duplicate key (first at line " + first + ")");
        assertEveryProblemLocated(r, f);
    }

    @Test
    void duplicateTopLevelSectionsAreRefused() throws IOException {
        String text = original + "\nsite:\n  land_area: 1 亩\n";
        Path f = write("duplicate-section.yaml", text);
        Run r = evaluate(f);
        int second = (int) original.lines().count() + 2;
        assertRefusedAt(r, f, second, "site: duplicate key (first at line " + lineOf(text, "site:") + ")");
    }

    // --- numbers -------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}: {1} → {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "  land_area: 900 亩" | "  land_area: .nan" | site.land_area | '.nan' is not a number with a unit
            "  land_area: 900 亩" | "  land_area: NaN 亩" | site.land_area | 'NaN 亩' is not a number with a unit
            "  land_area: 900 亩" | "  land_area: .inf" | site.land_area | '.inf' is not a number with a unit
            "  land_area: 900 亩" | "  land_area: -.Inf 亩" | site.land_area | '-.Inf 亩' is not a number with a unit
            "  land_area: 900 亩" | "  land_area: Infinity 亩" | site.land_area | 'Infinity 亩' is not a number with a unit
            "  land_area: 900 亩" | "  land_area: 1e400 亩" | site.land_area | '1e400 亩' is too large a number
            "  land_area: 900 亩" | "  land_area: 1e300 亩" | site.land_area | '1e300 亩' is too large a number
            "    output: 3.12e6 t" | "    output: 1e-320 t" | products[0].output | '1e-320 t' is too small a number
            "  output_value: 186000 万元" | "  output_value: 1e308 亿元" | economics.output_value | '1e308 亿元' is too large a number
            "    basic: 0.7" | "    basic: .NaN" | references.plot_ratio.basic | '.NaN' is not a number
            "    basic: 0.7" | "    basic: 1e400" | references.plot_ratio.basic | '1e400' is too large a number
            "  building_floor_area: 540000 m2" | "  building_floor_area: 98,000 m2" | site.building_floor_area | '98,000 m2': thousands separators are not accepted; write the number without them (e.g. 98000)
            "  footprint_area: 228000 m2" | "  footprint_area: 228 000 m2" | site.footprint_area | '228 000 m2': thousands separators are not accepted; write 228000 m2
            "    output: 3.12e6 t" | "    output: 1.234,5 t" | products[0].output | '1.234,5 t': '.' as a thousands separator and ',' as a decimal mark are not accepted; write 1234.5 t
            "    output: 3.12e6 t" | "    output: 3.120.000 t" | products[0].output | '3.120.000 t': '.' as a thousands separator is not accepted; write 3120000 t
            "  footprint_area: 228000 m2" | "  footprint_area: 228000,5 m2" | site.footprint_area | '228000,5 m2': ',' as a decimal mark is not accepted; write 228000.5 m2
            "  footprint_area: 228000 m2" | "  footprint_area: 22８000 m2" | site.footprint_area | '22８000 m2': full-width digits are not accepted; write 228000 m2
            """)
    void badNumbersAreRefusedAtTheirField(String from, String to, String path, String message) throws IOException {
        String text = replaceOnce(original, from, to);
        Path f = write("number.yaml", text);
        Run r = evaluate(f);
        assertRefusedAt(r, f, lineOf(text, to), path + ": " + message);
        assertThat(r.problemLines()).hasSize(1);
    }

    // --- encodings -----------------------------------------------------------------------------

    @Test
    void invalidUtf8IsRefusedAtTheBadByte() throws IOException {
        int line = lineOf(original, "  lead: ");
        String before = original.substring(0, original.indexOf("  lead: ") + "  lead: 顾".length());
        byte[] bytes = concat(utf8(before), new byte[]{(byte) 0xFF, (byte) 0xFE}, utf8(original.substring(before.length())));
        Path f = write("latin.yaml", bytes);
        Run r = evaluate(f);
        assertRefusedAt(r, f, line, "the file is not valid UTF-8 (byte " + utf8(before).length + "); save it as UTF-8");
        assertThat(r.err()).contains(f + ":" + line + ":" + ("  lead: 顾".length() + 1) + ":");
    }

    @Test
    void otherInvalidUtf8IsRefused() throws IOException {
        // an encoded surrogate, an overlong '/', a truncated sequence at the end
        for (byte[] bad : new byte[][]{{(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE7, (byte) 0xBB}}) {
            Path f = write("bad-" + bad.length + ".yaml", concat(utf8(original), bad));
            Run r = evaluate(f);
            assertRefusedAt(r, f, (int) original.lines().count() + 1, "not valid UTF-8");
        }
    }

    @Test
    void aBadByteAtTheEndOfANearlyFullFileIsFoundInOnePass() throws IOException {
        // just under the 2 MiB limit, one bad byte at the very end (the old search took minutes here)
        StringBuilder text = new StringBuilder(original);
        String comment = "# " + "填充".repeat(30) + "\n";
        while (text.length() * 3L + comment.length() * 3L < 2_000_000) text.append(comment);
        byte[] body = utf8(text.toString());
        assertThat(body.length).isBetween(1_500_000, 2_097_151);
        Path f = write("late-bad-byte.yaml", concat(body, new byte[]{(byte) 0xFF}));
        Run r = evaluate(f);
        assertRefusedAt(r, f, (int) text.toString().lines().count() + 1, "the file is not valid UTF-8 (byte " + body.length + ")");
    }

    @Test
    void aLatin1FileIsRefusedWithItsLine() throws IOException {
        byte[] latin1 = replaceOnce(original, "  lead: 顾建明", "  lead: José").getBytes(StandardCharsets.ISO_8859_1);
        Path f = write("latin1.yaml", latin1);
        Run r = evaluate(f);
        assertRefused(r, f);
        // the first non-ASCII character in ISO-8859-1 that is not UTF-8 (the fixture's Chinese became '?')
        assertThat(r.err()).containsPattern(java.util.regex.Pattern.quote(f.toString()) + ":\\d+:\\d+: the file is not valid UTF-8");
    }

    @Test
    void aByteOrderMarkIsAccepted() throws IOException {
        Path f = write("bom.yaml", concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(original)));
        assertSameVerdictAsOriginal(assertVerdict(evaluate(f)));
    }

    @Test
    void windowsLineEndingsAreAccepted() throws IOException {
        Path f = write("crlf.yaml", original.replace("\n", "\r\n"));
        assertSameVerdictAsOriginal(assertVerdict(evaluate(f)));
        Path both = write("bom-crlf.yaml", concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(original.replace("\n", "\r\n"))));
        assertSameVerdictAsOriginal(assertVerdict(evaluate(both)));
        Path mac = write("cr.yaml", original.replace("\n", "\r")); // classic Mac OS
        assertSameVerdictAsOriginal(assertVerdict(evaluate(mac)));
    }

    @Test
    void problemsInACrlfFileAreLocatedOnTheirLine() throws IOException {
        String text = replaceOnce(original, "  land_area: 900 亩", "  land_area: 900 acres").replace("\n", "\r\n");
        Path f = write("crlf-bad.yaml", text);
        Run r = evaluate(f);
        assertRefusedAt(r, f, lineOf(original, "  land_area:"), "site.land_area: unknown unit 'acres'");
    }

    @Test
    void utf16IsRefusedWithTheEncodingNamed() throws IOException {
        Path f = write("utf16.yaml", original.getBytes(StandardCharsets.UTF_16)); // big-endian with a BOM
        Run r = evaluate(f);
        assertRefusedAt(r, f, 1, "the file is UTF-16 encoded; save it as UTF-8");
        Path le = write("utf16le.yaml", concat(new byte[]{(byte) 0xFF, (byte) 0xFE}, original.getBytes(StandardCharsets.UTF_16LE)));
        assertRefusedAt(evaluate(le), le, 1, "UTF-16");
    }

    // --- layout --------------------------------------------------------------------------------

    @Test
    void tabIndentationIsRefusedAtTheTab() throws IOException {
        String text = replaceOnce(original, "  land_area: 900 亩", "\tland_area: 900 亩");
        Path f = write("tabs.yaml", text);
        Run r = evaluate(f);
        assertRefusedAt(r, f, lineOf(text, "\tland_area"), "not valid YAML: a tab character where YAML needs spaces");
        assertEveryProblemLocated(r, f);
    }

    @Test
    void aTabAfterAColonIsRefusedToo() throws IOException {
        String text = replaceOnce(original, "  land_area: 900 亩", "  land_area:\t900 亩");
        Path f = write("tab-value.yaml", text);
        Run r = evaluate(f);
        assertRefusedAt(r, f, lineOf(text, "  land_area:"), "tab");
    }

    @Test
    void emptyFilesAreRefused() throws IOException {
        for (String[] c : new String[][]{{"empty.yaml", ""}, {"blank.yaml", "  \n\n\t\n"}, {"comment.yaml", "# nothing\n"},
                {"marker.yaml", "---\n"}, {"null.yaml", "~\n"}}) {
            Path f = write(c[0], c[1]);
            Run r = evaluate(f);
            assertRefused(r, f);
            assertEveryProblemLocated(r, f);
            assertThat(r.problemLines()).as(c[0]).singleElement().satisfies(l -> assertThat(l).containsAnyOf("empty", "no YAML document"));
        }
    }

    @Test
    void severalDocumentsAreRefused() throws IOException {
        String text = original + "---\n" + original;
        Path f = write("two.yaml", text);
        Run r = evaluate(f);
        // located at the second document's first key
        assertRefusedAt(r, f, (int) original.lines().count() + 1 + lineOf(original, "format:"), "the file holds more than one YAML document");
    }

    @Test
    void controlCharactersAreRefusedWhereTheyStand() throws IOException {
        String text = replaceOnce(original, "  lead: 顾建明", "  lead: 顾\u0007建明");
        Path f = write("bell.yaml", text);
        Run r = evaluate(f);
        assertRefusedAt(r, f, lineOf(text, "  lead:"), "a control character (U+0007) is not allowed");
        assertThat(r.err()).contains(f + ":" + lineOf(text, "  lead:") + ":10:");
    }

    @Test
    void unicodeLineSeparatorsAreRefusedWhereTheyStand() throws IOException {
        // YAML 1.1 reads U+2028 as a line break where an editor shows none: the lines would no longer match
        String text = replaceOnce(original, "  lead: 顾建明", "  lead: 顾\u2028建明");
        Path f = write("line-separator.yaml", text);
        Run r = evaluate(f);
        assertRefusedAt(r, f, lineOf(text, "  lead:"), "a Unicode line separator (U+2028) is not accepted");
        assertThat(r.err()).contains(f + ":" + lineOf(text, "  lead:") + ":10:");
    }

    @Test
    void yamlTagsAreRefused() throws IOException {
        String text = replaceOnce(original, "evaluator:\n", "evaluator: !!java.net.URL\n");
        Path f = write("tag.yaml", text);
        Run r = evaluate(f);
        assertRefusedAt(r, f, lineOf(text, "evaluator:"), "evaluator: YAML tags (!!java.net.URL) are not accepted");
    }

    @Test
    void aComplexKeyIsRefused() throws IOException {
        String text = replaceOnce(original, "scheme: green-factory\n", "scheme: green-factory\n? [a, b]\n: c\n");
        Path f = write("complex-key.yaml", text);
        Run r = evaluate(f);
        assertRefusedAt(r, f, lineOf(text, "? [a, b]"), "a key must be plain text, not a list or a mapping");
    }

    // --- JSON ----------------------------------------------------------------------------------

    @Test
    void jsonThatIsNotASubmissionIsRefused() throws IOException {
        Path f = write("package.json", "{\n  \"name\": \"left-pad\",\n  \"version\": \"1.3.0\",\n  \"dependencies\": {}\n}\n");
        Run r = evaluate(f);
        assertRefusedAt(r, f, 2, "name: unknown key");
        assertRefusedAt(r, f, 1, "scheme: required field is missing");
        assertEveryProblemLocated(r, f);
        Path list = write("list.json", "[1, 2, 3]\n");
        assertRefusedAt(evaluate(list), list, 1, "a submission is a mapping of sections");
        Path string = write("string.json", "\"verdant.submission/1\"\n");
        assertRefusedAt(evaluate(string), string, 1, "a submission is a mapping of sections");
    }

    @Test
    void aValidSubmissionWrittenAsJsonIsAccepted() throws IOException {
        JsonNode tree = new YAMLMapper().readTree(original);
        ObjectMapper json = new ObjectMapper();
        // tab-indented, as Python's json.dump(indent="\t") and Go's MarshalIndent write it
        DefaultIndenter tabs = new DefaultIndenter("\t", "\n");
        String tabbed = json.writer(new DefaultPrettyPrinter().withObjectIndenter(tabs).withArrayIndenter(tabs)).writeValueAsString(tree);
        for (String[] c : new String[][]{{"pretty.json", json.writerWithDefaultPrettyPrinter().writeValueAsString(tree)},
                {"minified.json", json.writeValueAsString(tree)}, {"tabs.json", tabbed},
                {"tab-separated.json", json.writeValueAsString(tree).replace("\":", "\":\t").replace(",\"", ",\t\"")}}) {
            Path f = write(c[0], c[1]);
            JsonNode v = assertVerdict(evaluate(f));
            assertThat(v.path("score")).isEqualTo(originalVerdict.path("score"));
            for (String field : new String[]{"eligible", "mandatory_met", "grade", "categories", "edition"}) {
                assertThat(v.path(field)).as(field).isEqualTo(originalVerdict.path(field));
            }
        }
    }

    @Test
    void problemsInJsonAreLocated() throws IOException {
        String pretty = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(new YAMLMapper().readTree(original));
        String text = replaceOnce(pretty, "\"land_area\" : \"900 亩\"", "\"land_area\" : \"NaN 亩\"");
        Path f = write("bad.json", text);
        Run r = evaluate(f);
        assertRefusedAt(r, f, lineOf(text, "    \"land_area\""), "site.land_area: 'NaN 亩' is not a number with a unit");
    }

    // --- binary --------------------------------------------------------------------------------

    @Test
    void binaryFilesAreRefused() throws IOException {
        byte[] png = new byte[4096];
        new Random(7).nextBytes(png);
        System.arraycopy(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13}, 0, png, 0, 12);
        Path f = write("picture.png", png);
        Run r = evaluate(f);
        assertRefusedAt(r, f, 3, "this is a binary file, not YAML text (a NUL byte at byte 8)");

        byte[] noise = new byte[4096];
        new Random(11).nextBytes(noise);
        for (int i = 0; i < noise.length; i++) if (noise[i] == 0) noise[i] = (byte) 0xFF;
        Path g = write("noise.bin", noise);
        Run s = evaluate(g);
        assertRefused(s, g);
        assertEveryProblemLocated(s, g);
        assertThat(s.err()).contains("not valid UTF-8");

        Path zip = write("archive.zip", new byte[]{'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0});
        assertRefusedAt(evaluate(zip), zip, 1, "binary file");
    }

    // --- not a file ----------------------------------------------------------------------------

    @Test
    void aDanglingLinkIsAUsageError() throws IOException {
        Path link = Files.createSymbolicLink(tmp.resolve("link.yaml"), tmp.resolve("gone.yaml"));
        Run r = evaluateInChinese(link);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("用法错误：" + link + "：没有此文件" + System.lineSeparator());
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aDirectoryOrMissingFileIsAUsageError() {
        Run dir = evaluateInChinese(tmp);
        assertThat(dir.code()).isEqualTo(2);
        assertThat(dir.err()).startsWith("用法错误：" + tmp + "：不是文件");
        assertThat(dir.out()).isEmpty();
        Path missing = tmp.resolve("missing.yaml");
        Run none = evaluateInChinese(missing);
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains(missing + "：没有此文件");
        Cli.assertNoStackTrace(none);
    }

    /** As {@code evaluate}, in the default language: the usage errors a user sees first are Chinese. */
    private static Run evaluateInChinese(Path file) {
        return Cli.run("evaluate", file.toString(), "--format", "json", "--rules", "rules", "--scorecards", "scorecards");
    }
}
