package org.verdant.explain;

import org.verdant.text.Messages;
import java.util.List;

/**
 * How one criterion was decided, step by step: the submission fields it read (each with its
 * line), the values derived from them, the levels they were compared with (and the corrections
 * applied to those), the scorecard figures used (each with its line), what was missing, and the
 * points arithmetic. Built from a verdict by {@link TraceBuilder}.
 */
public record Trace(String criterionId, List<RuleUse> rules, List<Input> inputs, List<Derived> derived, List<Level> levels,
                    List<FigureUse> figures, List<String> missing, List<String> points) {

    /** A rule behind the finding: {@code role} decided (the one that recorded it) or derived (a figure it used); {@code at} its file:line. */
    public record RuleUse(String role, String rule, String at) {
    }

    /** A submission field: its path, its text in the file and where it stands ({@code file:line}). */
    public record Input(String path, String value, String at) {
    }

    /** A derived value: whose it is (a year, a product; null for the criterion's own value), its formula and computation. */
    public record Derived(String label, String formula, String computation) {
    }

    /**
     * A level the value was compared with: {@code role} is basic, advanced, baseline, leading or
     * threshold; {@code from} says where it came from, with any correction applied to it.
     */
    public record Level(String label, String role, Double value, String unit, String from, String source) {
    }

    /** A scorecard figure relied on, with where it stands in the rulebook ({@code file:line}; null when unknown). */
    public record FigureUse(String ref, Object value, String unit, String status, String source, String clause, String at) {
    }
}
