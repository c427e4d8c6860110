package org.verdant.verdict;

import org.junit.jupiter.api.Test;
import org.verdant.support.TestRulebook;
import org.verdant.text.Json;
import org.verdant.text.Messages;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scorecard's own figure warnings are worked out once per scorecard and shared by its
 * verdicts (the same instances), and their JSON, written once and copied, is what the generator
 * writes field by field: in the first verdict and in every later one, in both languages and forms.
 */
class VerdictConstantsTest {
    @Test
    void twoVerdictsOfOneScorecardShareItsFigureWarnings() {
        Verdict first = TestRulebook.evaluate(TestRulebook.base());
        Verdict second = TestRulebook.evaluate(TestRulebook.base());
        assertThat(second.scorecard()).isSameAs(first.scorecard());
        assertThat(second.warnings()).isEqualTo(first.warnings());
        // the criteria's points are the scorecard's own figures: their warnings are the same instances
        java.util.Set<String> pointRefs = new java.util.HashSet<>();
        first.scorecard().criteria().forEach(c -> {
            if (c.points() != null) pointRefs.add(c.points().ref());
        });
        List<Verdict.Warning> points = first.warnings().stream().filter(w -> w.figure() != null && pointRefs.contains(w.figure().ref())).toList();
        assertThat(points).hasSizeGreaterThan(20);
        List<Verdict.Warning> again = second.warnings().stream().filter(w -> w.figure() != null && pointRefs.contains(w.figure().ref())).toList();
        assertThat(again).hasSameSizeAs(points);
        for (int i = 0; i < points.size(); i++) assertThat(again.get(i)).isSameAs(points.get(i));
        assertThat(second.sources()).isSameAs(first.sources());
    }

    @Test
    void copiedWarningsWriteWhatTheTreeWrites() {
        for (int round = 0; round < 2; round++) { // the first writes and keeps each warning's JSON, the second copies it
            Verdict v = TestRulebook.evaluate(TestRulebook.base());
            for (String lang : List.of("zh", "en")) {
                Messages m = new Messages(lang);
                assertThat(VerdictJson.write(v, m)).as(lang + " round " + round).isEqualTo(VerdictJson.text(VerdictJson.toJson(v, m)));
                assertThat(new String(VerdictJson.compact(v, m), StandardCharsets.UTF_8)).as(lang + " compact round " + round)
                        .isEqualTo(new String(Json.compact(VerdictJson.toJson(v, m)), StandardCharsets.UTF_8));
            }
        }
    }
}
