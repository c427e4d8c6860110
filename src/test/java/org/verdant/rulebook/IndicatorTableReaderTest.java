package org.verdant.rulebook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdant.support.TestRulebook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped indicator tables read as typed tables, and a broken table is refused at its file:line. */
class IndicatorTableReaderTest {
    @TempDir
    Path tmp;

    @Test
    void theShippedTablesReadWithTheirTypesRulesAndReferences() {
        Rulebook rb = TestRulebook.compiled().rulebook();
        assertThat(rb.tables()).containsKeys("national-general", "gbt36132-2025-c1", "jiangsu-2025");
        IndicatorTable c1 = rb.tables().get("gbt36132-2025-c1");
        assertThat(c1.kind()).isEqualTo(IndicatorTable.Kind.STANDARD_EXAMPLE);
        assertThat(c1.indicators()).hasSize(14);
        assertThat(c1.dimensions().stream().map(d -> d.weight().number()).toList()).containsExactly(30.0, 30.0, 16.0, 16.0, 8.0);
        IndicatorTable.Indicator e1 = c1.indicators().get(0);
        assertThat(e1.type()).isEqualTo(IndicatorTable.IndicatorType.NEGATIVE_QUANTITATIVE);
        assertThat(e1.forms()).extracting(IndicatorTable.Form::formula).containsExactly("B.1", "B.2");
        assertThat(e1.forms().get(0).leading()).isEqualTo(new IndicatorTable.EnergyLimit(1));
        assertThat(e1.forms().get(1).baseline()).isEqualTo(new IndicatorTable.Industry(false));
        assertThat(c1.indicators().get(12).rule()).isInstanceOf(IndicatorTable.Degree.class);
        IndicatorTable js = rb.tables().get("jiangsu-2025");
        assertThat(js.kind()).isEqualTo(IndicatorTable.Kind.PROVINCIAL);
        assertThat(js.province()).isEqualTo("江苏");
        assertThat(js.bonus().max().number()).isEqualTo(5);
        assertThat(js.gates()).extracting(Scorecard.GateSpec::id).containsExactly("JS-1");
        assertThat(rb.tables().get("national-general").passLine()).as("the standard sets no pass line; the form states none").isNull();
    }

    @Test
    void anUnknownRuleAFormulaAndWeightsThatDoNotAddUpAreRefusedWhereTheyStand() throws IOException {
        Path scorecards = TestRulebook.copyScorecards(tmp);
        Path table = scorecards.resolve("green-factory/gbt36132-2025/tables/gbt36132-2025-c1.yaml");
        String text = Files.readString(table, StandardCharsets.UTF_8);
        String broken = text.replaceFirst("rule: count", "rule: counted")
                .replaceFirst("formula: B.26", "formula: B.29")
                .replaceFirst("points: \\{value: 8, status: verified, source: c1\\}\n        rule: linear\n        formula: B.6",
                        "points: {value: 9, status: verified, source: c1}\n        rule: linear\n        formula: B.6");
        Files.writeString(table, broken, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> RulebookLoader.load(Path.of("rules"), scorecards))
                .isInstanceOfSatisfying(RulebookException.class, e -> {
                    String all = e.problems().stream().map(Object::toString).collect(Collectors.joining("\n"));
                    assertThat(all).contains(table + ":" + line(broken, "rule: counted") + ":15: dimensions[0].indicators[3].rule: unknown scoring rule 'counted'");
                    assertThat(all).contains("did you mean 'count'?");
                    assertThat(all).contains(table + ":" + line(broken, "formula: B.29") + ":18: dimensions[4].indicators[0].formula: unknown formula 'B.29'");
                    assertThat(all).contains("the points of dimension R sum to 31, not its weight 30");
                });
    }

    @Test
    void aTableFileIsReadOncePerProcessAndAgainWhenItChanges() throws IOException, RulebookException {
        Path file = tmp.resolve("table.yaml");
        String text = Files.readString(Path.of("scorecards/green-factory/gbt36132-2025/tables/gbt36132-2025-c1.yaml"), StandardCharsets.UTF_8);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        CompiledRulebook compiled = TestRulebook.compiled();
        IndicatorTable first = compiled.tableFile(file);
        assertThat(compiled.tableFile(file)).as("the same file: read once").isSameAs(first);
        Files.writeString(file, text.replace("version: \"2026.12.0\"", "version: \"2026.12.1-edited\""), StandardCharsets.UTF_8);
        assertThat(compiled.tableFile(file).version()).as("an edited file is read again").isEqualTo("2026.12.1-edited");
    }

    private static int line(String text, String needle) {
        return text.substring(0, text.indexOf(needle)).split("\n", -1).length;
    }
}
