package org.verdant.rules;

import org.junit.jupiter.api.Test;
import org.verdant.findings.Finding;
import org.verdant.findings.Status;
import org.verdant.verdict.Verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verdant.support.TestRulebook.base;
import static org.verdant.support.TestRulebook.evaluate;
import static org.verdant.support.TestRulebook.finding;
import static org.verdant.support.TestRulebook.status;
import static org.verdant.support.TestRulebook.with;

/** Every rule of the GB/T 36132-2018 rulebook, each status it can give, one changed fact at a time. */
class GreenFactory2018RulesTest {

    @Test
    void theBaseSubmissionMeetsEverything() {
        Verdict v = evaluate(base());
        assertThat(v.scorecard().edition()).isEqualTo("GB/T 36132-2018");
        // a provincial-tier application: the national-tier prerequisite CUL-08 does not apply
        assertThat(v.gates()).allSatisfy(g -> assertThat(g.finding().status()).as(g.id())
                .isEqualTo(g.id().equals("CUL-08") ? Status.NOT_APPLICABLE : Status.MET));
        assertThat(v.criteria()).allSatisfy(c -> assertThat(c.finding().status()).as(c.id()).isEqualTo(Status.MET));
        assertThat(v.eligible()).isTrue();
        assertThat(v.mandatoryMet()).isTrue();
    }

    // B2 5.1.1 b) accidents

    @Test
    void b2SeriousAccidentWithinThreeYearsVetoes() {
        Verdict v = evaluate(with(base(), "accidents.events",
                "[{date: 2022-12-01, kind: environmental, severity: 较大, description: 废水超标排放}]"));
        Finding b2 = finding(v, "B2");
        assertThat(b2.status()).isEqualTo(Status.NOT_MET);
        assertThat(b2.values().get("accidents")).asString().contains("2022-12-01").contains("serious");
        assertThat(b2.rule()).startsWith("B2 5.1.1 b)");
        assertThat(v.eligible()).isFalse();
        assertThat(v.score()).isCloseTo(100.0, org.assertj.core.api.Assertions.within(1e-9)); // still computed
    }

    @Test
    void b2GeneralAccidentsAndOldSeriousOnesDoNotVeto() {
        assertThat(status(evaluate(with(base(), "accidents.events",
                "[{date: 2023-05-01, kind: safety, severity: general}]")), "B2")).isEqualTo(Status.MET);
        assertThat(status(evaluate(with(base(), "accidents.events",
                "[{date: 2021-06-29, kind: safety, severity: major}]")), "B2")).isEqualTo(Status.MET);
        // the window includes its first day: evaluation 2024-06-30, three years back is 2021-06-30
        assertThat(status(evaluate(with(base(), "accidents.events",
                "[{date: 2021-06-30, kind: quality, severity: serious}]")), "B2")).isEqualTo(Status.NOT_MET);
    }

    @Test
    void b2NeedsAHistoryWithEvidence() {
        assertThat(status(evaluate(with(base(), "accidents", null)), "B2")).isEqualTo(Status.MISSING_DATA);
        assertThat(status(evaluate(with(base(), "accidents.evidence", "[]")), "B2")).isEqualTo(Status.MISSING_DATA);
        assertThat(evaluate(with(base(), "accidents", null)).eligible()).isFalse();
    }

    // qualitative requirements

    @Test
    void claimsDecideQualitativeRequirements() {
        assertThat(status(evaluate(with(base(), "claims.INF-05", "{met: false, note: 未使用绿色建材}")), "INF-05")).isEqualTo(Status.NOT_MET);
        assertThat(status(evaluate(with(base(), "claims.INF-05", "{met: true}")), "INF-05")).isEqualTo(Status.MISSING_DATA);
        assertThat(status(evaluate(with(base(), "claims.INF-05", null)), "INF-05")).isEqualTo(Status.MISSING_DATA);
        Finding na = finding(evaluate(with(base(), "claims.INF-04", "{met: not_applicable, reason: 无危险品}")), "INF-04");
        assertThat(na.status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(na.reasonArgs()).containsExactly("无危险品");
    }

    @Test
    void anUnmetMandatoryRequirementBlocksTheRatingButNotTheScore() {
        Verdict v = evaluate(with(base(), "claims.INF-12", "{met: false}"));
        assertThat(status(v, "INF-12")).isEqualTo(Status.NOT_MET);
        assertThat(v.mandatoryMet()).isFalse();
        assertThat(v.eligible()).isTrue();
    }

    @Test
    void aBasicRequirementCannotBeDeclaredNotApplicable() {
        Verdict v = evaluate(with(base(), "claims.B4", "{met: not_applicable, reason: 无}"));
        assertThat(status(v, "B4")).isEqualTo(Status.NOT_MET);
        assertThat(v.eligible()).isFalse();
    }

    // 5.3 management systems

    @Test
    void managementSystemsAreEstablishedAndCertified() {
        Verdict expired = evaluate(with(base(), "management_systems.energy.certificate.valid_until", "2024-06-29"));
        assertThat(status(expired, "MGT-07")).isEqualTo(Status.MET);
        assertThat(status(expired, "MGT-08")).isEqualTo(Status.NOT_MET);
        assertThat(finding(expired, "MGT-08").reasonKey()).isEqualTo("ms.certificate_expired");
        Verdict onTheDay = evaluate(with(base(), "management_systems.energy.certificate.valid_until", "2024-06-30"));
        assertThat(status(onTheDay, "MGT-08")).isEqualTo(Status.MET);

        Verdict noCert = evaluate(with(base(), "management_systems.quality.certificate", null));
        assertThat(status(noCert, "MGT-02")).isEqualTo(Status.NOT_MET);
        assertThat(finding(noCert, "MGT-02").reasonKey()).isEqualTo("ms.no_certificate");

        Verdict notEstablished = evaluate(with(base(), "management_systems.environmental", "{established: false}"));
        assertThat(status(notEstablished, "MGT-05")).isEqualTo(Status.NOT_MET);
        assertThat(status(notEstablished, "MGT-06")).isEqualTo(Status.NOT_MET);
        assertThat(notEstablished.mandatoryMet()).isFalse();

        Verdict noEvidence = evaluate(with(base(), "management_systems.quality.evidence", "[]"));
        assertThat(status(noEvidence, "MGT-01")).isEqualTo(Status.MISSING_DATA);

        Verdict absent = evaluate(with(base(), "management_systems.occupational_health_safety", null));
        assertThat(status(absent, "MGT-03")).isEqualTo(Status.MISSING_DATA);
        assertThat(status(absent, "MGT-04")).isEqualTo(Status.MISSING_DATA);
    }

    @Test
    void csrReportMustCoverTheReportingYear() {
        assertThat(status(evaluate(with(base(), "social_responsibility_reports.years", "[2021, 2022]")), "MGT-09")).isEqualTo(Status.NOT_MET);
        assertThat(status(evaluate(with(base(), "social_responsibility_reports.evidence", "[]")), "MGT-09")).isEqualTo(Status.MISSING_DATA);
        assertThat(status(evaluate(with(base(), "social_responsibility_reports", null)), "MGT-09")).isEqualTo(Status.MISSING_DATA);
    }

    // 5.7 performance

    @Test
    void performanceTiersFollowTheReferenceLevels() {
        Finding advanced = finding(evaluate(base()), "PRF-02");
        assertThat(advanced.status()).isEqualTo(Status.MET);
        assertThat(advanced.points()).isEqualTo(8);
        assertThat(advanced.values()).containsEntry("value", 45.0).containsEntry("basic", 30.0).containsEntry("advanced", 40.0);
        assertThat((String) advanced.values().get("computation")).isEqualTo("(42000 m2 + 3000 m2) ÷ 150 亩 = 45 %");

        Finding basicOnly = finding(evaluate(with(base(), "site.footprint_area", "32000 m2")), "PRF-02");
        assertThat(basicOnly.status()).isEqualTo(Status.PARTLY_MET);
        assertThat(basicOnly.points()).isEqualTo(5);

        Verdict below = evaluate(with(base(), "site.footprint_area", "20000 m2"));
        assertThat(status(below, "PRF-02")).isEqualTo(Status.NOT_MET);
        assertThat(finding(below, "PRF-02").points()).isZero();
        assertThat(below.mandatoryMet()).isFalse();
    }

    @Test
    void lowerIsBetterIndicatorsCompareTheOtherWay() {
        Finding energy = finding(evaluate(base()), "PRF-11");
        assertThat(energy.status()).isEqualTo(Status.MET);
        assertThat(energy.values()).containsEntry("value", 98.0).containsEntry("basic", 117.0).containsEntry("advanced", 100.0);
        assertThat(status(evaluate(with(base(), "products.0.energy", "110000 tce")), "PRF-11")).isEqualTo(Status.PARTLY_MET);
        assertThat(status(evaluate(with(base(), "products.0.energy", "117000 tce")), "PRF-11")).isEqualTo(Status.PARTLY_MET);
        assertThat(status(evaluate(with(base(), "products.0.energy", "117001 tce")), "PRF-11")).isEqualTo(Status.NOT_MET);
        assertThat(status(evaluate(with(base(), "products.0.energy", "100000 tce")), "PRF-11")).isEqualTo(Status.MET);
    }

    @Test
    void missingFiguresAndReferencesAreNamed() {
        Finding noSite = finding(evaluate(with(base(), "site", null)), "PRF-01");
        assertThat(noSite.status()).isEqualTo(Status.MISSING_DATA);
        assertThat(noSite.reasonArgs().get(0)).asString().contains("site.building_floor_area").contains("site.land_area");

        Finding noRef = finding(evaluate(with(base(), "references.waste_gas_per_unit", null)), "PRF-06");
        assertThat(noRef.status()).isEqualTo(Status.MISSING_DATA);
        assertThat(org.verdant.findings.Values.text(noRef.values().get("basic_missing"), new org.verdant.text.Messages("zh"))).isEqualTo("references.waste_gas_per_unit.basic");

        Finding noAdvanced = finding(evaluate(with(base(), "references.waste_gas_per_unit", "{basic: 3000 m3/t, source: 测试}")), "PRF-06");
        assertThat(noAdvanced.status()).isEqualTo(Status.PARTLY_MET);
        assertThat(noAdvanced.reasonKey()).isEqualTo("perf.basic_no_advanced");
    }

    @Test
    void energyReferenceFallsBackToTheSubmissionWhenNoStandardCoversTheProduct() {
        String uncovered = with(base(), "products.0.energy_limit", null);
        assertThat(status(evaluate(uncovered), "PRF-11")).isEqualTo(Status.MISSING_DATA);
        Finding stated = finding(evaluate(with(uncovered, "references.energy_per_unit",
                "{basic: 105 kgce/t, advanced: 95 kgce/t, source: 行业清洁生产评价指标体系}")), "PRF-11");
        assertThat(stated.status()).isEqualTo(Status.PARTLY_MET);
        assertThat(stated.values()).containsEntry("basic", 105.0).containsEntry("advanced", 95.0);
    }

    @Test
    void advancedLevelsDerivedFromTheBasicLevel() {
        // plot ratio 1.5 against a minimum of 1.3: advanced level 1.56 not reached
        Finding f = finding(evaluate(with(base(), "references.plot_ratio", "{basic: 1.3, source: 测试}")), "PRF-01");
        assertThat(f.status()).isEqualTo(Status.PARTLY_MET);
        assertThat((Double) f.values().get("advanced")).isCloseTo(1.56, org.assertj.core.api.Assertions.within(1e-9));
        Finding missing = finding(evaluate(with(base(), "references.plot_ratio", null)), "PRF-01");
        assertThat(missing.status()).isEqualTo(Status.MISSING_DATA);
    }

    @Test
    void valuesExactlyOnABoundaryReachIt() {
        // green material exactly 50 %: advanced; exactly 30 %: basic only
        assertThat(status(evaluate(with(base(), "materials.green", "50 t")), "PRF-04")).isEqualTo(Status.MET);
        assertThat(status(evaluate(with(base(), "materials.green", "30 t")), "PRF-04")).isEqualTo(Status.PARTLY_MET);
        // reuse rate exactly the stated advanced level 95 %
        assertThat(status(evaluate(with(base(), "water.wastewater_reused", "9500 m3")), "PRF-10")).isEqualTo(Status.MET);
    }

    @Test
    void singleProductFactoryUsesFactoryEnergyWhenTheProductHasNone() {
        Finding f = finding(evaluate(with(base(), "products.0.energy", null)), "PRF-11");
        assertThat(f.status()).isEqualTo(Status.MET);
        assertThat(f.notes().stream().map(n -> new org.verdant.text.Messages("en").get(n.key(), n.args())).toList()).anySatisfy(n -> assertThat(n).contains("single-product"));
    }

    @Test
    void factoryEnergyCanBeSummedFromCarriers() {
        // 1.0e8 kWh × 0.1229 kgce/kWh = 12 290 tce; 1.2e5 t coal × 0.7143 tce/t = 85 716 tce; ÷ 1.0e6 t = 98.006 kgce/t
        String yaml = with(with(base(), "products.0.energy", null), "energy",
                "{carriers: [{type: electricity, amount: 1.0e8 kWh}, {type: coal, amount: 1.2e5 t, factor: 0.7143 tce/t}]}");
        Finding f = finding(evaluate(yaml), "PRF-11");
        assertThat((Double) f.values().get("value")).isCloseTo(98.006, org.assertj.core.api.Assertions.within(1e-9));
        assertThat((String) f.values().get("computation")).contains("1.0e8 kWh").contains("1.2e5 t × 0.7143 tce/t");
        assertThat(f.notes().stream().map(n -> new org.verdant.text.Messages("en").get(n.key(), n.args())).toList()).anySatisfy(n -> assertThat(n).contains("0.1229"));
    }
}
