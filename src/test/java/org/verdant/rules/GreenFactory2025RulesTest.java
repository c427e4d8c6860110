package org.verdant.rules;

import org.junit.jupiter.api.Test;
import org.verdant.evaluation.Evaluator;
import org.verdant.findings.Finding;
import org.verdant.findings.Status;
import org.verdant.verdict.DataToCollect;
import org.verdant.verdict.Verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.verdant.support.TestRulebook.base;
import static org.verdant.support.TestRulebook.evaluate;
import static org.verdant.support.TestRulebook.finding;
import static org.verdant.support.TestRulebook.with;

/** GB/T 36132-2025: edition choice, re-benchmarking a 2018 submission, forms and scaled scoring. */
class GreenFactory2025RulesTest {
    private static final Evaluator.Options EDITION_2025 = new Evaluator.Options("GB/T 36132-2025", null);
    private static final String COVERED_CLINKER = "    energy_limit: cement-clinker\n";

    @Test
    void theEvaluationDatePicksTheEdition() {
        assertThat(evaluate(with(base(), "evaluation_date", "2025-12-30")).scorecard().edition()).isEqualTo("GB/T 36132-2018");
        assertThat(evaluate(with(base(), "evaluation_date", "2025-12-31")).scorecard().edition()).isEqualTo("GB/T 36132-2025");
    }

    @Test
    void aSubmissionWrittenFor2018IsReBenchmarkedAsFarAsItsFactsAllow() {
        Verdict v = evaluate(base(), EDITION_2025);
        assertThat(v.scorecard().edition()).isEqualTo("GB/T 36132-2025");
        assertThat(v.criteria()).hasSize(18);
        // figures both editions read are scored; the new ones are listed to collect
        assertThat(finding(v, "R5").status()).isNotEqualTo(Status.MISSING_DATA);
        assertThat(finding(v, "L3").status()).isNotEqualTo(Status.MISSING_DATA);
        assertThat(DataToCollect.of(v, new org.verdant.text.Messages("zh"))).extracting(DataToCollect.Item::id).contains("E4", "C1", "C4", "P2", "R1", "G2");
        assertThat(DataToCollect.of(v, new org.verdant.text.Messages("zh")).stream().filter(i -> i.id().equals("E4")).findFirst().orElseThrow().fields())
                .containsExactly("energy_carbon_management.functions");
        assertThat(v.warnings()).anySatisfy(w -> assertThat(w.code()).isEqualTo("claims_not_used"));
        assertThat(v.score()).isEqualTo(v.categories().stream().mapToDouble(Verdict.CategoryResult::weighted).sum());
    }

    @Test
    void e1IsPerProductWhenAStandardCoversTheProduct() {
        assertThat(base()).contains(COVERED_CLINKER); // the all-met clinker names its energy-limit standard
        Finding e1 = finding(evaluate(base(), EDITION_2025), "E1");
        assertThat(e1.values().get("form")).as("B.1 against the energy-limit levels").isEqualTo("B.1");
    }

    @Test
    void e1IsPerOutputValueWhenNoStandardCoversTheProduct() {
        String uncovered = base().replace(COVERED_CLINKER, "");
        assertThat(uncovered).doesNotContain("energy_limit:");
        Finding e1 = finding(evaluate(uncovered, EDITION_2025), "E1");
        assertThat(e1.values().get("form")).as("the national form's fallback, per output value").isEqualTo("B.2");
    }

    @Test
    void e4CountsFunctionsBetweenZeroAndEight() {
        // four of Table C.1 row 4's twelve functions, by id and by the name the table prints; a function it does not list is not counted
        String yaml = with(base(), "energy_carbon_management", "{functions: [energy_query, 能源消费量和强度计算, energy_analysis, carbon_emissions, metering]}");
        Finding e4 = finding(evaluate(yaml, EDITION_2025), "E4");
        assertThat(e4.status()).isEqualTo(Status.PARTLY_MET);
        assertThat(e4.points()).isCloseTo(3, within(1e-9)); // 6 × (4 − 0)/(8 − 0)
        assertThat(e4.notes().stream().map(n -> new org.verdant.text.Messages("en").get(n.key(), n.args())).toList()).anySatisfy(n -> assertThat(n).contains("metering"));
    }

    @Test
    void e3LeadingValueFollowsTheAnnualEnergyTier() {
        // 2.5e6 kWh × 0.1229 = 307.25 tce of solar power + 9692.75 tce of coal = exactly 10 000 tce: the top tier
        String at10000 = with(base(), "energy", "{carriers: [{type: 光伏电力, amount: 2.5e6 kWh, renewable: true},"
                + " {type: 原煤, amount: 9692.75 tce}]}");
        Finding e3 = finding(evaluate(at10000, EDITION_2025), "E3");
        assertThat(org.verdant.findings.Values.text(e3.values().get("leading_from"), new org.verdant.text.Messages("en"))).contains("≥ 10,000 tce");
        assertThat((Double) e3.values().get("leading")).isEqualTo(5.0);
        assertThat(e3.points()).isCloseTo(8 * 3.0725 / 5, within(1e-4)); // share 3.0725 % of L = 5 %
        String below = at10000.replace("9692.75 tce", "9692.74 tce");
        assertThat((Double) finding(evaluate(below, EDITION_2025), "E3").values().get("leading")).isEqualTo(8.0);
    }

    @Test
    void notApplicableIsRefusedFor2025Cases() {
        String yaml = with(base(), "claims.P1", "{met: not_applicable, reason: 无产品设计}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> evaluate(yaml, EDITION_2025))
                .hasMessageContaining("not_applicable is not accepted");
    }
}
