package org.verdant.rulebook;

import org.verdant.text.Text;
import org.verdant.text.Location;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Energy-limit (能耗限额) rows: levels 1 (most advanced) to 3 (the limit). */
public record Benchmarks(String file, String id, String version, List<String> notes, List<EnergyLimitRow> rows) {

    public static Benchmarks empty() {
        return new Benchmarks(null, "benchmarks/energy-limits", "none", List.of(), List.of());
    }

    public Optional<EnergyLimitRow> row(String id) {
        return rows.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /**
     * {@code corrections} describes, in words, what the standard corrects for; {@code adjustments}
     * are the corrections this rulebook applies, each driven by one input of the product.
     * {@code location} is where the row stands in the benchmarks file.
     */
    public record EnergyLimitRow(String id, String standard, String clause, Text product, String unit,
                                 Map<Integer, Double> levels, String status, String source, String corrections,
                                 List<Adjustment> adjustments, Location location) {
        public EnergyLimitRow(String id, String standard, String clause, Text product, String unit, Map<Integer, Double> levels,
                              String status, String source, String corrections, List<Adjustment> adjustments) {
            this(id, standard, clause, product, unit, levels, status, source, corrections, adjustments, null);
        }
    }

    /**
     * A correction of the reference levels. Kinds: {@code per_point_below} adds
     * {@code perPoint} for each point the input falls below {@code pivot}, at most
     * {@code maxPoints}; {@code per_point_away} adds {@code perPoint × (input − pivot)};
     * {@code factor_above} multiplies by the product's {@code factorInput} when the input exceeds
     * {@code pivot}.
     */
    public record Adjustment(String input, String kind, double pivot, Figure perPoint, Double maxPoints,
                             String factorInput, List<Integer> levels, String clause) {
    }
}
