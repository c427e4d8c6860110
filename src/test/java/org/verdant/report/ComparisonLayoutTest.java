package org.verdant.report;

import org.junit.jupiter.api.Test;
import org.verdant.evaluation.Evaluator;
import org.verdant.text.DisplayWidth;
import org.verdant.text.Messages;
import org.verdant.verdict.Verdict;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verdant.support.TestRulebook.evaluate;
import static org.verdant.support.TestRulebook.read;

/** compare-editions and table comparisons: Chinese columns aligned by display width, only the rows an edition has. */
class ComparisonLayoutTest {
    static final Messages ZH = new Messages("zh");
    static final Messages EN = new Messages("en");
    static final String CEMENT = read("fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.yaml");

    static List<Verdict> editions() {
        return List.of(evaluate(CEMENT, new Evaluator.Options("GB/T 36132-2018", null)),
                evaluate(CEMENT, new Evaluator.Options("GB/T 36132-2025", null)));
    }

    /** The display column at which {@code cell} starts on the line beginning with {@code label}. */
    static int column(String text, String label, String cell) {
        String line = text.lines().filter(l -> l.startsWith(label)).findFirst().orElseThrow(() -> new AssertionError("no line " + label + " in\n" + text));
        int at = line.indexOf(cell);
        assertThat(at).as(line).isPositive();
        return DisplayWidth.of(line.substring(0, at));
    }

    @Test
    void editionColumnsAlignByDisplayWidth() {
        List<Verdict> verdicts = editions();
        String zh = EditionComparison.render(verdicts, ZH);
        int header = column(zh, " ", "GB/T 36132-2018");
        assertThat(column(zh, "基本要求", ZH.get("label.conforms"))).isEqualTo(header);
        assertThat(column(zh, ZH.get("label.score"), org.verdant.text.Numbers.rounded(verdicts.get(0).score(), 2))).isEqualTo(header);
        // the second edition's column starts at the same column on every row
        int second = column(zh, " ", "GB/T 36132-2025");
        assertThat(column(zh, ZH.get("label.score"), org.verdant.text.Numbers.rounded(verdicts.get(1).score(), 2) + " / 100")).isEqualTo(second);
    }

    @Test
    void theMandatoryRowIsShownOnlyForEditionsThatHaveMandatoryRequirements() {
        List<Verdict> verdicts = editions();
        assertThat(verdicts.get(1).scorecard().hasMandatoryRequirements()).isFalse();
        String zh = EditionComparison.render(verdicts, ZH);
        String row = zh.lines().filter(l -> l.startsWith("必选要求")).findFirst().orElseThrow();
        assertThat(row).contains(ZH.get(verdicts.get(0).mandatoryMet() ? "label.all_met" : "label.not_all_met")).contains("（无此项）");
        // the 2025 edition alone has no such row
        assertThat(EditionComparison.render(List.of(verdicts.get(1), verdicts.get(1)), ZH)).doesNotContain("必选要求");
        assertThat(EditionComparison.render(List.of(verdicts.get(1), verdicts.get(1)), EN)).doesNotContain("Mandatory");
    }

    @Test
    void tableColumnsAlignByDisplayWidthAndFiguresAreForPeople() {
        List<Verdict> verdicts = List.of(evaluate(CEMENT, new Evaluator.Options("GB/T 36132-2025", "national-general", null)),
                evaluate(CEMENT, new Evaluator.Options("GB/T 36132-2025", "jiangsu-2025", null)));
        String zh = TableComparison.render(verdicts, ZH);
        int header = column(zh, " ", "national-general@");
        assertThat(column(zh, "基本要求", ZH.get(verdicts.get(0).isEligible() ? "label.conforms" : "label.not_conforms"))).isEqualTo(header);
        assertThat(column(zh, "合格分数线", verdicts.get(0).scorecard().table().passLine() == null ? ZH.get("tcmp.no_pass_line")
                : org.verdant.text.Numbers.format(verdicts.get(0).scorecard().table().passLine().number()))).isEqualTo(header);
        // every indicator row puts its first cell at the same column
        List<String> rows = zh.lines().filter(l -> l.matches("  [A-Z]+[0-9-]* .*")).toList();
        assertThat(rows).isNotEmpty();
        for (String r : rows) {
            int at = r.indexOf('/', 4);
            String cellStart = r.substring(0, at).replaceFirst("[0-9.]+$", "");
            assertThat(DisplayWidth.of(cellStart)).as(r).isEqualTo(28);
        }
        assertThat(zh).doesNotContainPattern("(?<![0-9A-Za-z])\\d+(\\.\\d+)?[eE][+-]?\\d+(?![0-9A-Za-z])");
    }
}
