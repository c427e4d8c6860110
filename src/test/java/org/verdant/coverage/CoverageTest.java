package org.verdant.coverage;

import org.junit.jupiter.api.Test;
import org.verdant.findings.Status;
import org.verdant.support.TestRulebook;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The coverage arithmetic on hand-made verdicts. */
class CoverageTest {
    private static String verdict(String scheme, String edition, String gates, String criteria) {
        return "{\"format\":\"verdant.verdict/1\",\"scheme\":\"" + scheme + "\",\"edition\":\"" + edition + "\",\"gates\":[" + gates
                + "],\"criteria\":[" + criteria + "]}";
    }

    private static String j(String id, String status) {
        return "{\"id\":\"" + id + "\",\"status\":\"" + status + "\"}";
    }

    @Test
    void aCriterionIsCoveredOnlyByAMetAndAnUnmetOutcome() {
        Map<String, String> verdicts = new LinkedHashMap<>();
        verdicts.put("a", verdict("zero-carbon-park", "NDRC-2025-910", j("Z0", "met") + "," + j("EL1", "met"),
                j("Z1", "met") + "," + j("Z2", "not_applicable") + "," + j("Z3", "partly_met")));
        verdicts.put("b", verdict("zero-carbon-park", "NDRC-2025-910", j("Z0", "missing_data"), j("Z1", "not_met") + "," + j("Z2", "met")));
        verdicts.put("invalid", "exit 3\nsomething: wrong\n");
        Coverage.Group g = Coverage.of(TestRulebook.compiled().rulebook(), verdicts).group("zero-carbon-park/ndrc-2025-910");
        Map<String, Coverage.Criterion> byId = new LinkedHashMap<>();
        g.criteria().forEach(c -> byId.put(c.id(), c));
        assertThat(byId.get("Z0").covered()).isTrue();                 // met + missing data
        assertThat(byId.get("Z1").covered()).isTrue();                 // met + not met
        assertThat(byId.get("Z2").covered()).as("not applicable is not unmet").isFalse();
        assertThat(byId.get("Z3").covered()).as("partly met alone is not met").isFalse();
        assertThat(byId.get("EL1").covered()).isFalse();
        assertThat(byId.get("Z4").statuses()).isEmpty();
        assertThat(byId.get("Z1").seen().get(Status.NOT_MET)).containsExactly("b");
        assertThat(g.gaps()).extracting(Coverage.Criterion::id).containsExactly("EL1", "Z2", "Z3", "Z4", "Z5");
        String report = CoverageReport.render(Coverage.of(TestRulebook.compiled().rulebook(), verdicts));
        assertThat(report).contains("zero-carbon-park NDRC-2025-910 (zero-carbon-park/ndrc-2025-910): 7 criteria, covered 2/7 (met 4, unmet 3)")
                .contains("Z2       seen: met, not_applicable").contains("needs: unmet");
    }

    @Test
    void eligibilityGatesLayeredOverAnEditionCountInTheirOwnScorecard() {
        Map<String, String> verdicts = Map.of(
                "2018", verdict("green-factory", "GB/T 36132-2018", j("B1", "met") + "," + j("CUL-07", "met"), ""),
                "2025", verdict("green-factory", "GB/T 36132-2025", j("CUL-07", "not_met") + "," + j("XX-1", "met"), ""));
        Coverage c = Coverage.of(TestRulebook.compiled().rulebook(), verdicts);
        assertThat(c.group("cultivation/miit-2024-13").criteria().stream().filter(x -> x.id().equals("CUL-07")).findFirst().orElseThrow().covered()).isTrue();
        assertThat(c.group("green-factory/gbt36132-2018").criteria().stream().filter(x -> x.id().equals("CUL-07")).toList()).isEmpty();
        assertThat(c.unmatched()).containsExactly("2025: green-factory GB/T 36132-2025 XX-1");
    }
}
