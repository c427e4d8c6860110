package org.verdant.rules;

import org.junit.jupiter.api.Test;
import org.verdant.findings.Status;
import org.verdant.verdict.Verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verdant.support.TestRulebook.base;
import static org.verdant.support.TestRulebook.evaluate;
import static org.verdant.support.TestRulebook.status;
import static org.verdant.support.TestRulebook.with;

/** The cultivation measures' gates (工信部节〔2024〕13号), layered over evaluations dated on or after 2024-01-19. */
class CultivationRulesTest {

    @Test
    void evaluationsBeforeTheMeasuresHaveNoCultivationGates() {
        Verdict v = evaluate(with(base(), "evaluation_date", "2024-01-18"));
        assertThat(v.gates()).extracting(Verdict.Judged::id).doesNotContain("CUL-01");
        Verdict on = evaluate(with(base(), "evaluation_date", "2024-01-19"));
        assertThat(on.gates()).extracting(Verdict.Judged::id).contains("CUL-01", "CUL-08");
    }

    @Test
    void cul01NotOperatingNormally() {
        assertThat(status(evaluate(with(base(), "standing.production_stopped_months", "13")), "CUL-01")).isEqualTo(Status.NOT_MET);
        assertThat(status(evaluate(with(base(), "standing.production_stopped_months", "12")), "CUL-01")).isEqualTo(Status.MET);
        assertThat(status(evaluate(with(base(), "standing.abnormal_operation_list", "true")), "CUL-01")).isEqualTo(Status.NOT_MET);
        assertThat(status(evaluate(with(base(), "standing.operating_status", "suspended")), "CUL-01")).isEqualTo(Status.NOT_MET);
    }

    @Test
    void cul02AnyKindOfAccidentAtTheBarVetoes() {
        String yaml = with(base(), "accidents.events", "[{date: 2023-03-01, kind: network_data_security, severity: serious}]");
        Verdict v = evaluate(yaml);
        assertThat(status(v, "CUL-02")).isEqualTo(Status.NOT_MET);
        assertThat(v.eligible()).isFalse();
    }

    @Test
    void cul03to05EventsInsideTheWindowVeto() {
        assertThat(status(evaluate(with(base(), "standing.violations", "[{date: 2022-05-01, kind: tax_evasion}]")), "CUL-03"))
                .isEqualTo(Status.NOT_MET);
        // 2024-06-30 minus three years is 2021-06-30: a removal before it is outside the window
        assertThat(status(evaluate(with(base(), "standing.removals", "[{date: 2021-06-29, list: 省级绿色工厂}]")), "CUL-04"))
                .isEqualTo(Status.MET);
        assertThat(status(evaluate(with(base(), "standing.removals", "[{date: 2021-06-30, list: 省级绿色工厂}]")), "CUL-04"))
                .isEqualTo(Status.NOT_MET);
        assertThat(status(evaluate(with(base(), "standing.inspection_findings",
                "[{date: 2023-09-01, inspection: 国务院大督查, serious: false}]")), "CUL-05")).isEqualTo(Status.MET);
        assertThat(status(evaluate(with(base(), "standing.inspection_findings",
                "[{date: 2023-09-01, inspection: 国务院大督查, serious: true}]")), "CUL-05")).isEqualTo(Status.NOT_MET);
    }

    @Test
    void cul06AndCul07() {
        assertThat(status(evaluate(with(base(), "standing.energy_rectification", "{listed: true, completed: false}")), "CUL-06"))
                .isEqualTo(Status.NOT_MET);
        assertThat(status(evaluate(with(base(), "standing.energy_rectification", "{listed: true, completed: true}")), "CUL-06"))
                .isEqualTo(Status.MET);
        assertThat(status(evaluate(with(base(), "standing.dishonest_debtor", "true")), "CUL-07")).isEqualTo(Status.NOT_MET);
    }

    @Test
    void missingStandingOrListIsMissingData() {
        assertThat(status(evaluate(with(base(), "standing.evidence", "[]")), "CUL-07")).isEqualTo(Status.MISSING_DATA);
        String noViolations = base().replace("  violations: []\n", "");
        assertThat(status(evaluate(noViolations), "CUL-03")).isEqualTo(Status.MISSING_DATA);
    }

    @Test
    void cul08NationalTierNeedsTheProvincialListingFromThe2025Round() {
        String national = with(base(), "application", "{tier: national, round: 2025}");
        assertThat(status(evaluate(national), "CUL-08")).isEqualTo(Status.NOT_MET);
        assertThat(status(evaluate(with(base(), "application", "{tier: national, round: 2024}")), "CUL-08"))
                .isEqualTo(Status.NOT_APPLICABLE);
        assertThat(status(evaluate(with(base(), "application",
                "{tier: national, round: 2025, provincial_listing: {year: 2023, document: 苏工信节能〔2023〕12号}}")), "CUL-08"))
                .isEqualTo(Status.MET);
        assertThat(status(evaluate(with(base(), "application", "{tier: provincial}")), "CUL-08")).isEqualTo(Status.NOT_APPLICABLE);
    }
}
