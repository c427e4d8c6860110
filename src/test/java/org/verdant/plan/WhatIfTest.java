package org.verdant.plan;

import org.verdant.compare.Comparison;
import org.verdant.compare.ComparisonReport;
import org.verdant.compare.TreeDiff;
import org.verdant.compare.VerdictView;

import org.junit.jupiter.api.Test;
import org.verdant.evaluation.Evaluator;
import org.verdant.evaluation.InvalidSubmissionException;
import org.verdant.evaluation.UsageException;
import org.verdant.text.Messages;
import org.verdant.support.TestRulebook;
import org.verdant.verdict.Verdict;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** What-if against hand-checked arithmetic, and where its errors point. */
class WhatIfTest {
    static final String FOOD = "fixtures/green-factory/gbt36132-2018/food-hebei-star-rated.yaml";

    static Scenario scenario(String file, String grading) throws Exception {
        byte[] bytes = TestRulebook.read(file).getBytes(StandardCharsets.UTF_8);
        return Scenario.of(new Evaluator(TestRulebook.compiled()), file, bytes, new Evaluator.Options(null, grading));
    }

    static Verdict.Judged judged(Verdict v, String id) {
        return v.criteria().stream().filter(j -> j.id().equals(id)).findFirst().orElseThrow();
    }

    /**
     * Hand check (fixtures/INTENT.md, food-hebei-star-rated): PRF-11 = 9000 tce ÷ 3.6e5 t = 25 kgce/t, basic tier
     * (≤ 30) but not advanced (≤ 22): 6 of 10. At 7920 tce it is 22 kgce/t: 10 of 10. PRF scores 74 → 78 of 100
     * points, × weight 30 = 22.2 → 23.4, so the total rises by 1.2, from 82.0333 to 83.2333; the grade stays ★★★★.
     */
    @Test
    void lowerEnergyMovesPrf11ToTheAdvancedTierAndTheTotalByOnePointTwo() throws Exception {
        Scenario s = scenario(FOOD, "hebei-db13t6005-2024");
        Verdict before = s.baseline();
        Verdict after = s.evaluate(List.of(Assignment.parse("products[0].energy=7920 tce")));
        assertThat(before.score()).isCloseTo(82.0333, within(1e-3));
        assertThat(after.score()).isCloseTo(83.2333, within(1e-3));
        assertThat(judged(before, "PRF-11").finding().points()).isEqualTo(6);
        assertThat(judged(after, "PRF-11").finding().points()).isEqualTo(10);
        assertThat(after.grade().label()).isEqualTo("★★★★");

        Messages m = new Messages("en");
        Comparison c = Comparison.of(VerdictView.of(before, m), VerdictView.of(after, m),
                TreeDiff.between(s.root(), s.edited(List.of(Assignment.parse("products[0].energy=7920 tce")))));
        assertThat(c.scoreDelta()).isCloseTo(1.2, within(1e-9));
        assertThat(c.items()).extracting(Comparison.ItemChange::id).containsExactly("PRF-11");
        assertThat(c.items().get(0).values()).contains(new TreeDiff.Leaf("value", "25", "22"));
        assertThat(c.inputs()).containsExactly(new TreeDiff.Leaf("products[0].energy", "9000 tce", "7920 tce"));
        assertThat(c.parameters()).isEmpty();
        String text = ComparisonReport.text(c, new ComparisonReport.Heading("t", "before", "after", List.of()), m);
        assertThat(text).contains("82.03                  83.23  (+1.2)").contains("PRF-11  partly met → met 6/10 → 10/10  (+4 points)");
    }

    /** Hand check: INF-06 declared not met → met with evidence: INF 95 → 100 of 100, × 20 = +1. */
    @Test
    void aClaimMadeMetWithEvidenceEarnsItsCategoryShare() throws Exception {
        Scenario s = scenario(FOOD, null);
        Verdict after = s.evaluate(List.of(Assignment.parse("claims.INF-06={met: true, evidence: [二期厂房多层改造验收]}")));
        assertThat(after.score() - s.baseline().score()).isCloseTo(1.0, within(1e-9));
        assertThat(judged(after, "INF-06").finding().status().code()).isEqualTo("met");
    }

    @Test
    void anInvalidValueIsLocatedAtItsSetAndOtherProblemsInTheFile() throws Exception {
        Scenario s = scenario(FOOD, null);
        assertThatThrownBy(() -> s.evaluate(List.of(Assignment.parse("energy.comprehensive=abc"))))
                .isInstanceOfSatisfying(InvalidSubmissionException.class, e -> assertThat(e.problems().get(0).toString())
                        .startsWith("--set energy.comprehensive=abc: energy.comprehensive: 'abc' is not a number with a unit"));
        // a land area the footprint no longer fits in: the problem is the footprint's, at its line in the file
        assertThatThrownBy(() -> s.evaluate(List.of(Assignment.parse("site.land_area=10 m2"))))
                .isInstanceOfSatisfying(InvalidSubmissionException.class, e -> assertThat(e.problems().get(0).toString())
                        .matches(".*food-hebei-star-rated\\.yaml:31:\\d+: site\\.footprint_area: site\\.footprint_area \\+ site\\.open_storage_area .* exceeds site\\.land_area .*"));
        assertThatThrownBy(() -> s.evaluate(List.of(Assignment.parse("energy.comprehensiv=1 tce"))))
                .isInstanceOf(UsageException.class).hasMessageContaining("did you mean 'comprehensive'");
    }
}
