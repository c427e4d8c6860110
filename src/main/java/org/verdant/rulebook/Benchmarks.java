package org.verdant.rulebook;

import org.verdant.text.Text;
import org.verdant.text.Location;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
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
     * are the corrections this rulebook applies, in the order written (a multiplier multiplies what
     * stands before it), each driven by one input of the product.
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

    /** Where a correction is written in the standard (clause, table) and how sure the figures are. */
    public record Citation(String clause, String table, String status, String source, Location location) {
        /** "clause 5.4, 表1". */
        public String where() {
            return (clause == null ? "" : clause) + (table == null ? "" : (clause == null ? "" : ", ") + table);
        }
    }

    /** Which way a per-point correction counts points away from its pivot. */
    public enum Direction {
        /** Points the input falls below the pivot; nothing above it. */
        BELOW,
        /** Points the input exceeds the pivot; nothing below it (a pivot of 0: per percent of a share). */
        ABOVE,
        /** Signed points (input − pivot): adds above the pivot, subtracts below. */
        AWAY
    }

    /** How a share input counts: in percentage points (85 % → 85) or as a fraction (85 % → 0.85). */
    public enum Scale { POINTS, FRACTION }

    /** A correction of the reference levels, driven by the product's {@code input}, at the listed levels only. */
    public sealed interface Adjustment permits PerPoint, FactorAbove, Interpolated, Bands, AdditionIf, MultiplierIf {
        String input();

        List<Integer> levels();

        Citation citation();
    }

    /**
     * Adds {@code perPoint(level)} for each point counted in {@code direction} from {@code pivot},
     * at most {@code maxPoints}. {@code perPoint} maps a level to its coefficient.
     */
    public record PerPoint(String input, Direction direction, double pivot, Map<Integer, Double> perPoint, Double maxPoints,
                           Scale scale, List<Integer> levels, Citation citation) implements Adjustment {
    }

    /**
     * Multiplies by the product's {@code factorInput} when {@code input} exceeds {@code pivot}; a
     * stated factor outside [{@code factorMin}, {@code factorMax}] is not applied.
     */
    public record FactorAbove(String input, double pivot, String factorInput, double factorMin, double factorMax,
                              List<Integer> levels, Citation citation) implements Adjustment {
    }

    /** Adds the value of {@code points} (input → addition) at the input, linear between them; outside them, nothing. */
    public record Interpolated(String input, NavigableMap<Double, Double> points, List<Integer> levels, Citation citation)
            implements Adjustment {
    }

    /** Adds the addition of the band the input falls in: above {@code above}, up to and including {@code upTo} (null: no end). */
    public record Bands(String input, List<Band> bands, List<Integer> levels, Citation citation) implements Adjustment {
    }

    public record Band(double above, Double upTo, double add) {
        public boolean contains(double x) {
            return x > above && (upTo == null || x <= upTo);
        }
    }

    /** Adds a fixed amount when the input (a word) is one of {@code additions}' keys; other words add nothing. */
    public record AdditionIf(String input, Map<String, Double> additions, List<Integer> levels, Citation citation)
            implements Adjustment {
    }

    /** Multiplies what stands before it by {@code factor} when the input (a word) is {@code when}. */
    public record MultiplierIf(String input, String when, double factor, List<Integer> levels, Citation citation)
            implements Adjustment {
    }
}
