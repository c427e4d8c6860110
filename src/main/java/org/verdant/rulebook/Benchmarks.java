package org.verdant.rulebook;

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

    public record EnergyLimitRow(String id, String standard, String clause, Text product, String unit,
                                 Map<Integer, Double> levels, String status, String source, String corrections) {
    }
}
