package org.verdant.facts;

import org.junit.jupiter.api.Test;
import org.verdant.rulebook.Benchmarks;
import org.verdant.rulebook.Figure;
import org.verdant.text.Text;
import org.verdant.units.Quantity;
import org.verdant.units.Units;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Energy-limit corrections adjust the reference level; a missing input leaves it uncorrected, with a warning. */
class CorrectionsTest {
    private static final Figure PER_POINT = new Figure("bf.adj", 3.61, "kgce/t", "provisional", "test", null, null);
    private static final Benchmarks.EnergyLimitRow BLAST_FURNACE = new Benchmarks.EnergyLimitRow("blast-furnace", "GB 21256-2025",
            null, new Text("高炉", "blast furnace"), "kgce/t", Map.of(1, 361.0, 2, 370.0, 3, 415.0), "provisional", "test", null,
            List.of(new Benchmarks.Adjustment("feed_grade", "per_point_below", 62, PER_POINT, 5.0, null, List.of(1, 2, 3), null)));
    private static final Benchmarks.EnergyLimitRow CLINKER = new Benchmarks.EnergyLimitRow("cement-clinker", "GB 16780-2021",
            null, new Text("熟料", "clinker"), "kgce/t", Map.of(1, 100.0, 2, 107.0, 3, 117.0), "provisional", "test", null,
            List.of(new Benchmarks.Adjustment("altitude", "factor_above", 1500, null, null, "altitude_factor", List.of(3), null)));

    private static Quantity q(String text) {
        String[] parts = text.split(" ");
        return new Quantity(Double.parseDouble(parts[0]), Units.require(parts.length > 1 ? parts[1] : ""), text, null);
    }

    @Test
    void feedGradeBelow62AddsPerPointUpToFivePoints() {
        var c = Corrections.level(BLAST_FURNACE, 2, Map.of("feed_grade", q("59 %")), "products[0]");
        assertThat(c.value()).isCloseTo(370 + 3 * 3.61, within(1e-9));
        assertThat(c.trace()).contains("3.61 × 3").contains("= 380.83");
        var capped = Corrections.level(BLAST_FURNACE, 2, Map.of("feed_grade", q("50 %")), "products[0]");
        assertThat(capped.value()).isCloseTo(370 + 5 * 3.61, within(1e-9));
        var rich = Corrections.level(BLAST_FURNACE, 2, Map.of("feed_grade", q("64 %")), "products[0]");
        assertThat(rich.value()).isEqualTo(370);
        assertThat(rich.trace()).isNull();
    }

    @Test
    void missingInputLeavesTheLevelUncorrectedWithAWarning() {
        var c = Corrections.level(BLAST_FURNACE, 2, Map.of(), "products[0]");
        assertThat(c.value()).isEqualTo(370);
        assertThat(c.warnings()).singleElement().asString().contains("products[0].corrections.feed_grade not stated");
    }

    @Test
    void altitudeFactorAppliesAbove1500mToLevel3Only() {
        Map<String, Quantity> high = Map.of("altitude", q("2200 m"), "altitude_factor", q("1.08"));
        assertThat(Corrections.level(CLINKER, 3, high, "products[0]").value()).isCloseTo(117 * 1.08, within(1e-9));
        assertThat(Corrections.level(CLINKER, 2, high, "products[0]").value()).isEqualTo(107);
        assertThat(Corrections.level(CLINKER, 3, Map.of("altitude", q("800 m")), "products[0]").value()).isEqualTo(117);
        var noFactor = Corrections.level(CLINKER, 3, Map.of("altitude", q("2200 m")), "products[0]");
        assertThat(noFactor.value()).isEqualTo(117);
        assertThat(noFactor.warnings()).singleElement().asString().contains("altitude_factor");
    }
}
