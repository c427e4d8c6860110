package org.verdant.yaml;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class YamlReaderTest {
    private static List<Problem> problems(byte[] bytes) {
        Problems p = new Problems();
        YamlReader.read("in.yaml", bytes, p);
        return p.sorted();
    }

    private static List<Problem> problems(String text) {
        return problems(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void keepsLinesAndPaths() {
        Problems p = new Problems();
        YamlNode root = YamlReader.read("in.yaml", "a: 1\nb:\n  c: x\n  d: [1, 2]\n".getBytes(StandardCharsets.UTF_8), p);
        assertThat(p.isEmpty()).isTrue();
        YamlNode.Mapping b = (YamlNode.Mapping) ((YamlNode.Mapping) root).get("b");
        assertThat(b.get("c").location().line()).isEqualTo(3);
        assertThat(b.get("c").path()).isEqualTo("b.c");
        assertThat(((YamlNode.Sequence) b.get("d")).items().get(1).path()).isEqualTo("b.d[1]");
    }

    @Test
    void reportsDuplicateKeysWithBothLines() {
        assertThat(problems("a: 1\nb: 2\na: 3\n")).singleElement().hasToString("in.yaml:3:1: a: duplicate key (first at line 1)");
    }

    @Test
    void refusesAliases() {
        assertThat(problems("a: &x 1\nb: *x\n")).singleElement().satisfies(p -> {
            assertThat(p.location().line()).isEqualTo(2);
            assertThat(p.message()).contains("aliases");
        });
    }

    @Test
    void refusesABillionLaughs() {
        String bomb = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
                + "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n";
        assertThat(problems(bomb)).isNotEmpty().allSatisfy(p -> assertThat(p.message()).contains("aliases"));
    }

    @Test
    void refusesEmptyBinaryAndBadEncoding() {
        assertThat(problems("")).singleElement().satisfies(p -> assertThat(p.message()).contains("empty"));
        assertThat(problems("   \n\n")).singleElement().satisfies(p -> assertThat(p.message()).contains("empty"));
        assertThat(problems(new byte[]{'a', ':', ' ', 0, 1, 2})).singleElement().satisfies(p -> assertThat(p.message()).contains("binary"));
        byte[] latin1 = "a: 1\nb: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(problems(latin1)).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("UTF-8");
            assertThat(p.location().line()).isEqualTo(2);
        });
    }

    @Test
    void acceptsABomAndWindowsLineEndings() {
        byte[] bom = "\uFEFFa: 1\r\nb: 2\r\n".getBytes(StandardCharsets.UTF_8);
        assertThat(problems(bom)).isEmpty();
    }

    @Test
    void refusesDeepNestingLongStringsAndSeveralDocuments() {
        String deep = "a: " + "[".repeat(30) + "]".repeat(30) + "\n";
        assertThat(problems(deep)).isNotEmpty().anySatisfy(p -> assertThat(p.message()).containsAnyOf("nesting", "depth"));
        assertThat(problems("a: " + "x".repeat(20_000) + "\n")).singleElement().satisfies(p -> assertThat(p.message()).contains("limit"));
        assertThat(problems("a: 1\n---\nb: 2\n")).singleElement().satisfies(p -> assertThat(p.message()).contains("more than one"));
    }

    @Test
    void reportsSyntaxErrorsWithTheirLine() {
        assertThat(problems("a: 1\n\tb: 2\n")).singleElement().satisfies(p -> {
            assertThat(p.message()).startsWith("not valid YAML");
            assertThat(p.location().line()).isEqualTo(2);
        });
    }

    /** Issue 16: past SnakeYAML's 1 024-character plain-key limit the parser said "could not find expected ':'". */
    @Test
    void aKeyPastTheParsersLimitIsReportedAsTooLongAtItsStart() {
        for (int length : new int[]{1_001, 1_025, 3_000}) {
            List<Problem> found = problems("scheme: green-factory\nsite:\n  " + "k".repeat(length) + ": 1\n");
            assertThat(found).as("%d", length).hasSize(1);
            assertThat(found.get(0).location().line()).isEqualTo(3);
            assertThat(found.get(0).location().column()).isEqualTo(3);
            assertThat(found.get(0).message("zh")).isEqualTo("键长 " + length + " 个字符，上限为 1000");
            assertThat(found.get(0).message("en")).isEqualTo("a key of " + length + " characters; the limit is 1000");
        }
        List<Problem> top = problems("scheme: green-factory\n" + "k".repeat(1_025) + ": 1\n");
        assertThat(top).singleElement().satisfies(p -> {
            assertThat(p.location().line()).isEqualTo(2);
            assertThat(p.location().column()).isEqualTo(1);
            assertThat(p.message("zh")).isEqualTo("键长 1025 个字符，上限为 1000");
        });
    }
}
