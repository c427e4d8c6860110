package org.verdant.rules;

import org.junit.jupiter.api.Test;
import org.verdant.facts.IndexYear;
import org.verdant.findings.Finding;
import org.verdant.findings.Status;
import org.verdant.verdict.Verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.verdant.support.TestRulebook.evaluate;
import static org.verdant.support.TestRulebook.finding;
import static org.verdant.support.TestRulebook.read;
import static org.verdant.support.TestRulebook.with;

/**
 * Park index: a figure reported as 0 is reported (not "未报告"), and a negative higher-is-better
 * value is floored at ratio 0 with the floor stated in the reason. Figures by hand.
 */
class ParkIndexZeroAndFloorTest {
    private static final String TONGXIANG = "fixtures/green-park/miit-2016-586/zhejiang-tongxiang-water-outstanding.yaml";

    private static IndexYear year(Finding f, int year) {
        return f.indexYears().stream().filter(y -> y.year() == year).findFirst().orElseThrow();
    }

    @Test
    void aParkThatReportsZeroWastewaterTreatedHasReportedTheYear() {
        // 2025 (park.years[3]): 0 reclaimed of 0 treated; RG5 = 0 ÷ 0 has no value, but nothing is missing
        String yaml = with(with(read(TONGXIANG), "park.years.3.statistics.wastewater_treated", "0 万m3"),
                "park.years.3.statistics.reclaimed_water_reused", "0 万m3");
        Verdict v = evaluate(yaml);
        Finding rg5 = finding(v, "RG5");
        IndexYear y2025 = year(rg5, 2025);
        assertThat(y2025.reported()).isTrue();
        assertThat(y2025.missingInputs()).isEmpty();
        assertThat(y2025.ratio()).isEqualTo(0.0);
        assertThat(rg5.status()).isEqualTo(Status.NOT_MET);
        assertThat(rg5.reasonKey()).isEqualTo("index.undefined");
        assertThat(org.verdant.findings.Values.text(rg5.reasonArgs().get(1), new org.verdant.text.Messages("en"))).contains("division by zero");
        // assessed: the 2025 index counts it at ratio 0
        assertThat(v.greenIndex().last().shares()).containsKey("RG5");
        assertThat(rg5.points()).isZero();
    }

    @Test
    void anAbsentFigureIsStillNotReported() {
        String yaml = with(with(read(TONGXIANG), "park.years.3.statistics.wastewater_treated", null),
                "park.years.3.statistics.reclaimed_water_reused", null);
        Finding rg5 = finding(evaluate(yaml), "RG5");
        assertThat(year(rg5, 2025).reported()).isFalse();
        assertThat(rg5.status()).isEqualTo(Status.NOT_APPLICABLE); // optional, not reported: not assessed
    }

    @Test
    void aNegativeCarbonIntensityReductionIsFlooredAtZeroAndTheReasonSaysSo() {
        // 2024: 148.5 ÷ 270 = 0.55 tCO2/万元; 2025: 183.6 ÷ 306 = 0.6; reduction (0.55 − 0.6) ÷ 0.55 = −9.0909 %
        Verdict v = evaluate(with(read(TONGXIANG), "park.years.3.statistics.co2", "183.6 万tCO2"));
        Finding hg2 = finding(v, "HG2");
        assertThat(hg2.status()).isEqualTo(Status.NOT_MET);
        assertThat(hg2.reasonKey()).isEqualTo("index.floored");
        assertThat((Double) hg2.reasonArgs().get(1)).isCloseTo(-100.0 / 11, within(1e-9));
        double leading = ((Number) hg2.values().get("leading")).doubleValue();
        assertThat((Double) hg2.reasonArgs().get(2)).isCloseTo(-100.0 / 11 / leading, within(1e-9));
        assertThat(year(hg2, 2025).ratio()).isEqualTo(0.0);
    }
}
