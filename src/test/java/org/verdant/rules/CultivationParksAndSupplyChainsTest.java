package org.verdant.rules;

import org.junit.jupiter.api.Test;
import org.verdant.evaluation.Evaluator;
import org.verdant.evaluation.InvalidSubmissionException;
import org.verdant.findings.Status;
import org.verdant.verdict.Verdict;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.verdant.support.TestRulebook.compiled;
import static org.verdant.support.TestRulebook.evaluate;
import static org.verdant.support.TestRulebook.read;
import static org.verdant.support.TestRulebook.status;
import static org.verdant.support.TestRulebook.with;

/**
 * The cultivation measures (工信部节〔2024〕13号) give green industrial parks and green supply-chain
 * enterprises the factories' veto list and tier prerequisite: the overlay's gates join both schemes
 * from 2024-01-19, decided from the same top-level standing, application and accidents sections.
 */
class CultivationParksAndSupplyChainsTest {
    private static final String PARK = "fixtures/green-park/miit-2016-586/zhenjiang-etdz-national-strong.yaml";
    private static final String GSC = "fixtures/green-supply-chain/miit-2016-586/aircon-guangdong-everything-full.yaml";
    private static final String ZERO_CARBON = "fixtures/zero-carbon-park/ndrc-2025-910/";
    private static final String CLEAN_STANDING = "{operating_status: normal, production_stopped_months: 0, abnormal_operation_list: false,"
            + " violations: [], removals: [], inspection_findings: [], energy_rectification: {listed: false}, dishonest_debtor: false,"
            + " evidence: [信用中国 专项信用报告]}";
    private static final String NO_ACCIDENTS = "{evidence: [应急管理局 安全生产情况证明], events: []}";

    private static String clean(String path) {
        String yaml = with(read(path), "standing", CLEAN_STANDING);
        yaml = with(yaml, "application", "{tier: provincial}");
        return with(yaml, "accidents", NO_ACCIDENTS);
    }

    @Test
    void aParkAndASupplyChainGetEveryCultivationGate() {
        for (String path : new String[]{PARK, GSC}) {
            Verdict v = evaluate(clean(path));
            assertThat(v.gates()).as(path).extracting(Verdict.Judged::id)
                    .contains("CUL-01", "CUL-02", "CUL-03", "CUL-04", "CUL-05", "CUL-06", "CUL-07", "CUL-08");
            for (String id : new String[]{"CUL-01", "CUL-02", "CUL-03", "CUL-04", "CUL-05", "CUL-06", "CUL-07"}) {
                assertThat(status(v, id)).as(path + " " + id).isEqualTo(Status.MET);
            }
            assertThat(status(v, "CUL-08")).as(path).isEqualTo(Status.NOT_APPLICABLE);
            assertThat(v.eligible()).as(path).isTrue();
        }
    }

    @Test
    void withoutItsStandingAParkOrSupplyChainIsNotShownEligible() {
        for (String path : new String[]{PARK, GSC}) {
            Verdict v = evaluate(with(clean(path), "standing", null));
            assertThat(status(v, "CUL-01")).as(path).isEqualTo(Status.MISSING_DATA);
            assertThat(status(v, "CUL-07")).as(path).isEqualTo(Status.MISSING_DATA);
            assertThat(v.eligible()).as(path).isNotEqualTo(Boolean.TRUE);
        }
    }

    @Test
    void theVetoListVetoesAParkAndASupplyChain() {
        Verdict park = evaluate(with(clean(PARK), "standing.dishonest_debtor", "true"));
        assertThat(status(park, "CUL-07")).isEqualTo(Status.NOT_MET);
        assertThat(park.eligible()).isFalse();
        Verdict gsc = evaluate(with(clean(GSC), "standing.violations", "[{date: 2025-02-10, kind: tax_evasion}]"));
        assertThat(status(gsc, "CUL-03")).isEqualTo(Status.NOT_MET);
        assertThat(gsc.eligible()).isFalse();
    }

    /** The supply-chain scheme's own G3 bar is 重大; the measures' bar is 较大: a 较大 accident passes one and fails the other. */
    @Test
    void aSeriousAccidentPassesTheSupplyChainGateButNotTheMeasures() {
        Verdict v = evaluate(with(clean(GSC), "accidents.events", "[{date: 2025-03-01, kind: safety, severity: serious}]"));
        assertThat(status(v, "G3")).isEqualTo(Status.MET);
        assertThat(status(v, "CUL-02")).isEqualTo(Status.NOT_MET);
        assertThat(v.eligible()).isFalse();
    }

    @Test
    void theNationalTierNeedsTheProvincialListingForParksAndSupplyChainsToo() {
        for (String path : new String[]{PARK, GSC}) {
            assertThat(status(evaluate(with(clean(path), "application", "{tier: national, round: 2026}")), "CUL-08")).as(path)
                    .isEqualTo(Status.NOT_MET);
            assertThat(status(evaluate(with(clean(path), "application",
                    "{tier: national, round: 2026, provincial_listing: {year: 2024, document: 省级名单}}")), "CUL-08")).as(path)
                    .isEqualTo(Status.MET);
            assertThat(status(evaluate(with(clean(path), "application", null)), "CUL-08")).as(path)
                    .isEqualTo(Status.MISSING_DATA);
        }
    }

    @Test
    void aSupplyChainEvaluatedBeforeTheMeasuresHasNoCultivationGates() {
        String before = with(with(clean(GSC), "evaluation_date", "2024-01-18"), "reporting_year", "2023");
        assertThat(evaluate(before).gates()).extracting(Verdict.Judged::id).doesNotContain("CUL-01", "CUL-08");
        String on = with(with(clean(GSC), "evaluation_date", "2024-01-19"), "reporting_year", "2023");
        assertThat(evaluate(on).gates()).extracting(Verdict.Judged::id).contains("CUL-01", "CUL-08");
    }

    /** The measures do not name zero-carbon parks: no gates, and its submission keeps refusing a standing section. */
    @Test
    void aZeroCarbonParkHasNoCultivationGates() throws Exception {
        java.nio.file.Path file;
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of(ZERO_CARBON))) {
            file = files.filter(p -> p.toString().endsWith(".yaml") && !p.toString().endsWith(".expect.yaml")).sorted().findFirst().orElseThrow();
        }
        String yaml = read(file.toString());
        assertThat(evaluate(yaml).gates()).extracting(Verdict.Judged::id).doesNotContain("CUL-01");
        byte[] withStanding = with(yaml, "standing", CLEAN_STANDING).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new Evaluator(compiled()).evaluate("z.yaml", withStanding, new Evaluator.Options(null, null)))
                .isInstanceOfSatisfying(InvalidSubmissionException.class,
                        e -> assertThat(e.problems().toString()).contains("'standing' is a section of"));
    }
}
