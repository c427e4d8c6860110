package org.verdant.plan;

import org.verdant.compare.TreeDiff;

import org.junit.jupiter.api.Test;
import org.verdant.evaluation.UsageException;
import org.verdant.yaml.Problems;
import org.verdant.yaml.YamlNode;
import org.verdant.yaml.YamlReader;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Paths as users write them, and edits that keep the file's locations for what they do not touch. */
class TreeEditTest {
    private static final String PARK = """
            scheme: green-park
            park:
              years:
                - year: 2024
                  statistics: {energy: 5.0e5 tce}
                - year: 2025
                  statistics:
                    energy: 5.5e5 tce
            products:
              - {name: a, energy: 10 tce}
              - {name: b, energy: 20 tce}
            """;

    private static YamlNode read(String yaml) {
        return YamlReader.read("f.yaml", yaml.getBytes(StandardCharsets.UTF_8), new Problems());
    }

    private static String text(YamlNode root, String path) throws UsageException {
        return ((YamlNode.Scalar) TreeEdit.find(root, SetPath.parse(path))).text();
    }

    @Test
    void pathsParseKeysIndexesAndYears() throws UsageException {
        assertThat(SetPath.parse("products[0].energy").steps())
                .containsExactly(new SetPath.Key("products"), new SetPath.Item(0), new SetPath.Key("energy"));
        assertThat(SetPath.parse("claims.INF-11.met").steps())
                .containsExactly(new SetPath.Key("claims"), new SetPath.Key("INF-11"), new SetPath.Key("met"));
        for (String bad : List.of("", "a..b", "a.", "[0].a", "a[x]", "a[0]b", "a]")) {
            assertThatThrownBy(() -> SetPath.parse(bad)).as(bad).isInstanceOf(UsageException.class);
        }
        assertThatThrownBy(() -> Assignment.parse("energy.comprehensive")).hasMessageContaining("PATH=VALUE");
        assertThatThrownBy(() -> Assignment.parse("energy.comprehensive=")).hasMessageContaining("no value");
    }

    @Test
    void aYearInBracketsSelectsTheItemWithThatYear() throws UsageException {
        YamlNode root = TreeEdit.apply(read(PARK), List.of(Assignment.parse("park.years[2025].statistics.energy=5.2e5 tce"),
                Assignment.parse("products[1].energy=18 tce")));
        assertThat(text(root, "park.years[1].statistics.energy")).isEqualTo("5.2e5 tce");
        assertThat(text(root, "park.years[0].statistics.energy")).isEqualTo("5.0e5 tce");
        assertThat(text(root, "products[1].energy")).isEqualTo("18 tce");
        assertThatThrownBy(() -> TreeEdit.apply(read(PARK), List.of(Assignment.parse("park.years[2030].statistics.energy=1 tce"))))
                .hasMessageContaining("no item with year 2030; years: 2024, 2025");
        assertThatThrownBy(() -> TreeEdit.apply(read(PARK), List.of(Assignment.parse("products[5].energy=1 tce"))))
                .hasMessageContaining("products has 2 item(s)");
        assertThatThrownBy(() -> TreeEdit.apply(read(PARK), List.of(Assignment.parse("scheme.x=1"))))
                .hasMessageContaining("scheme is text, not a section");
        assertThatThrownBy(() -> TreeEdit.apply(read(PARK), List.of(Assignment.parse("scheme={a: [}"))))
                .hasMessageContaining("not YAML");
    }

    @Test
    void untouchedNodesKeepTheirLinesAndNewOnesPointAtTheirSet() throws UsageException {
        YamlNode root = TreeEdit.apply(read(PARK), List.of(Assignment.parse("products[0].energy=9 tce"),
                Assignment.parse("claims.B1={met: true, evidence: [licence]}")));
        YamlNode kept = TreeEdit.find(root, SetPath.parse("products[1].energy"));
        assertThat(kept.location().toString()).startsWith("f.yaml:11:");
        YamlNode changed = TreeEdit.find(root, SetPath.parse("products[0].energy"));
        assertThat(changed.location().toString()).isEqualTo("--set products[0].energy=9 tce");
        assertThat(changed.path()).isEqualTo("products[0].energy");
        YamlNode created = TreeEdit.find(root, SetPath.parse("claims.B1.evidence[0]"));
        assertThat(created.path()).isEqualTo("claims.B1.evidence[0]");
        assertThat(created.location().file()).startsWith("--set claims.B1=");
    }

    @Test
    void treeDiffListsEveryDifferingLeafAndMatchesYearsByYear() {
        String other = PARK.replace("- year: 2024\n      statistics: {energy: 5.0e5 tce}\n    - year: 2025", "- year: 2025")
                .replace("5.5e5 tce", "5.4e5 tce") + "claims: {B1: {met: true}}\n";
        List<TreeDiff.Leaf> leaves = TreeDiff.between(read(PARK), read(other));
        assertThat(leaves).containsExactlyInAnyOrder(
                new TreeDiff.Leaf("park.years[2024].year", "2024", null),
                new TreeDiff.Leaf("park.years[2024].statistics.energy", "5.0e5 tce", null),
                new TreeDiff.Leaf("park.years[2025].statistics.energy", "5.5e5 tce", "5.4e5 tce"),
                new TreeDiff.Leaf("claims.B1.met", null, "true"));
    }
}
