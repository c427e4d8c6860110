package org.verdant.verdict;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.verdant.support.TestRulebook.base;
import static org.verdant.support.TestRulebook.evaluate;
import static org.verdant.support.TestRulebook.with;

/**
 * Totals computed by hand. Weights: INF 20, MGT 15, ENR 15, PRD 10, EMI 10, PRF 30; a category
 * scores its points out of the points of its applicable criteria, scaled to 100.
 */
class ScoringArithmeticTest {
    private static double category(Verdict v, String id) {
        return v.categories().stream().filter(c -> c.spec().id().equals(id)).findFirst().orElseThrow().score();
    }

    @Test
    void everythingMetScoresOneHundred() {
        assertThat(evaluate(base()).score()).isCloseTo(100.0, within(1e-9));
    }

    @Test
    void anUnmetOptionalRequirementCostsItsWeightedPoints() {
        // INF-05 (10 of 100 INF points) unmet: INF 90; total 100 − 20 × 0.10 = 98
        Verdict v = evaluate(with(base(), "claims.INF-05", "{met: false}"));
        assertThat(category(v, "INF")).isCloseTo(90.0, within(1e-9));
        assertThat(v.score()).isCloseTo(98.0, within(1e-9));
    }

    @Test
    void notApplicableCriteriaLeaveTheMaximum() {
        // INF-04 (3 points) not applicable: INF 97/97 = 100
        Verdict na = evaluate(with(base(), "claims.INF-04", "{met: not_applicable, reason: 无危险品}"));
        assertThat(category(na, "INF")).isCloseTo(100.0, within(1e-9));
        assertThat(na.score()).isCloseTo(100.0, within(1e-9));
        // and INF-05 unmet as well: INF 87/97 = 89.690722…; total 80 + 20 × 0.89690722 = 97.938144…
        Verdict both = evaluate(with(with(base(), "claims.INF-04", "{met: not_applicable, reason: 无危险品}"),
                "claims.INF-05", "{met: false}"));
        assertThat(category(both, "INF")).isCloseTo(8700.0 / 97, within(1e-9));
        assertThat(both.score()).isCloseTo(80 + 20 * 87.0 / 97, within(1e-9));
    }

    @Test
    void performanceTiersAddBasicAndAdvancedPoints() {
        // PRF-02 at basic only: 97 of 100 PRF points; total 70 + 30 × 0.97 = 99.1
        Verdict v = evaluate(with(base(), "site.footprint_area", "32000 m2"));
        assertThat(category(v, "PRF")).isCloseTo(97.0, within(1e-9));
        assertThat(v.score()).isCloseTo(99.1, within(1e-9));
        // PRF-11 below its basic level as well: PRF 97 − 10 = 87; total 70 + 26.1 = 96.1
        Verdict w = evaluate(with(with(base(), "site.footprint_area", "32000 m2"), "products.0.energy", "120000 tce"));
        assertThat(w.score()).isCloseTo(96.1, within(1e-9));
    }

    @Test
    void severalCategoriesAtOnce() {
        // MGT-09 (20) unmet: MGT 80 → −3; PRD-02 (20) missing: PRD 80 → −2; EMI-08 (10) unmet: EMI 90 → −1
        String yaml = with(with(with(base(), "social_responsibility_reports.years", "[2022]"),
                "claims.PRD-02", null), "claims.EMI-08", "{met: false}");
        assertThat(evaluate(yaml).score()).isCloseTo(94.0, within(1e-9));
    }
}
