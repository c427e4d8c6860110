package org.verdant.verdict;

import org.junit.jupiter.api.Test;
import org.verdant.evaluation.Evaluator;
import org.verdant.evaluation.InvalidSubmissionException;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.verdant.support.TestRulebook.base;
import static org.verdant.support.TestRulebook.compiled;
import static org.verdant.support.TestRulebook.evaluate;
import static org.verdant.support.TestRulebook.read;
import static org.verdant.support.TestRulebook.with;

/**
 * A first-level category whose every criterion is declared not applicable: under GB/T 36132-2018
 * it leaves the total and the other weights scale back to 100 (hand-computed); the schemes that
 * score every indicator refuse the declaration.
 */
class CategoryNotApplicableTest {
    private static String prdNotApplicable(String yaml) {
        for (int i = 1; i <= 6; i++) yaml = with(yaml, "claims.PRD-0" + i, "{met: not_applicable, reason: 本厂仅提供来料加工服务，无自有产品}");
        return yaml;
    }

    @Test
    void aWhollyNotApplicableCategoryLeavesTheTotalAndTheWeightsAreScaledBack() {
        // PRD (weight 10) not applicable: the other 90 weight points scale to 100; all else met → 100
        Verdict v = evaluate(prdNotApplicable(base()));
        assertThat(v.score()).isCloseTo(100.0, within(1e-9));
        Verdict.CategoryResult prd = v.categories().stream().filter(c -> c.spec().id().equals("PRD")).findFirst().orElseThrow();
        assertThat(prd.weighted()).isNull();
        assertThat(v.warnings()).anySatisfy(w -> {
            assertThat(w.code()).isEqualTo("category_not_applicable");
            assertThat(w.key()).isEqualTo("warning.category_not_applicable");
            assertThat(w.args()).startsWith("PRD");
        });
        // INF-05 (10 of 100 INF points) unmet as well: (18 + 15 + 15 + 10 + 30) × 100 ÷ 90 = 97.777…
        Verdict w = evaluate(with(prdNotApplicable(base()), "claims.INF-05", "{met: false}"));
        assertThat(w.score()).isCloseTo(88.0 * 100 / 90, within(1e-9));
    }

    @Test
    void aPartlyNotApplicableCategoryIsNoWarning() {
        Verdict v = evaluate(with(base(), "claims.PRD-01", "{met: not_applicable, reason: 无}"));
        assertThat(v.warnings()).noneSatisfy(w -> assertThat(w.code()).isEqualTo("category_not_applicable"));
    }

    @Test
    void theSupplyChainIndexRefusesANotApplicableCategory() {
        // X5 is one item (X51, 10 points); GSCI scores every item, so not_applicable is refused where it is written
        String yaml = with(read("fixtures/green-supply-chain/miit-2016-586/aircon-guangdong-everything-full.yaml"),
                "claims.X51", "{met: not_applicable, reason: 无信息平台}");
        assertThatThrownBy(() -> new Evaluator(compiled()).evaluate("gsc.yaml", yaml.getBytes(StandardCharsets.UTF_8), Evaluator.Options.defaults()))
                .isInstanceOfSatisfying(InvalidSubmissionException.class, e -> assertThat(e.problems().toString())
                        .contains("claims.X51").contains("not_applicable is not accepted"));
    }
}
