package org.verdant.findings;

import org.junit.jupiter.api.Test;
import org.verdant.text.FormattedNumber;
import org.verdant.text.Messages;
import org.verdant.verdict.Verdict;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verdant.support.TestRulebook.evaluate;
import static org.verdant.support.TestRulebook.read;

/**
 * A scored indicator's scoring phrase keeps its figures as numbers, written only when the phrase is
 * rendered (a consequence formats nothing a verdict may never show), and reads as the figures
 * formatted by {@link org.verdant.text.Numbers#format}.
 */
class ScoringPhraseFiguresTest {
    @Test
    void scoringPhrasesHoldTheirFiguresUnformatted() {
        // a GB/T 36132-2025 factory scored on the linear proportion between baseline and leading value
        Verdict v = evaluate(read("fixtures/green-factory/gbt36132-2025/appliance-anhui-per-output-value.yaml"));
        List<Object> figures = new ArrayList<>();
        for (Verdict.Judged j : v.criteria()) {
            if (j.finding() != null && j.finding().values().get("scoring") instanceof Messages.Phrase p) collect(p, figures);
        }
        assertThat(figures).isNotEmpty();
        assertThat(figures).allSatisfy(a -> assertThat(a).isInstanceOf(FormattedNumber.class));
        Messages zh = new Messages("zh");
        for (Verdict.Judged j : v.criteria()) {
            if (j.finding() != null && j.finding().values().get("scoring") instanceof Messages.Phrase p) {
                assertThat(zh.get(p.key(), p.args())).doesNotContain("FormattedNumber").doesNotContain("{");
            }
        }
    }

    /** The arguments of a phrase and of the phrases in it, other than the literal "0" of a step not reached. */
    private static void collect(Messages.Phrase p, List<Object> out) {
        for (Object a : p.args()) {
            if (a instanceof Messages.Phrase inner) collect(inner, out);
            else if (!"0".equals(a)) out.add(a);
        }
    }
}
