package org.verdant.facts;

import org.verdant.rulebook.Figure;

import java.util.ArrayList;
import java.util.List;

/**
 * An index indicator's ratio to its leading value in each reporting year. The ratio is x ÷ L
 * (higher is better), L ÷ x (lower is better) or 1/0 (yes/no); capped at 1 when the scorecard's
 * switch says so. A lower-is-better value at or below zero reaches the leading value (ratio 1):
 * L ÷ x has no meaning there, and a zero-spill or falling-pollution park has done all it can. A
 * higher-is-better value below zero (a carbon intensity that rose) is floored at ratio 0: it earns
 * nothing and takes nothing from the other indicators. A year whose figures were all reported but
 * whose formula has no value (a zero denominator) is reported, not missing: it is assessed at
 * ratio 0 and the finding names the zero.
 */
public record IndexRatios(String criterionId, int reportingYear, List<IndexYear> years, Figure leading, boolean capped,
                          String direction) {

    public IndexYear last() {
        return years.stream().filter(y -> y.year() == reportingYear).findFirst().orElseThrow();
    }

    public boolean reportedLast() {
        return last().reported();
    }

    public double lastRatio() {
        return last().ratio() == null ? 0 : last().ratio();
    }

    /** The reporting year's figures were reported, but its formula has no value (e.g. 0 ÷ 0). */
    public boolean undefinedLast() {
        return last().reported() && last().value() == null;
    }

    /** The reporting year's higher-is-better value is below zero: its ratio x ÷ L was floored at 0. */
    public boolean flooredLast() {
        return last().value() != null && floored(last().value(), leadingValue(leading), direction);
    }

    /** The ratio before the floor, x ÷ L, for the reason that states it. */
    public double unflooredLastRatio() {
        return last().value() / leadingValue(leading);
    }

    /** True when x ÷ L is negative and {@link #ratio} floors it at 0. */
    public static boolean floored(double x, double leading, String direction) {
        return !"lower".equals(direction) && !"yes_no".equals(direction) && leading != 0 && x / leading < 0;
    }

    private static double leadingValue(Figure leading) {
        return leading == null ? 1 : leading.number();
    }

    /** Builds the ratios for the three reporting years from the values the derivation rules found. */
    public static IndexRatios of(IndexIndicator indicator, List<?> values, int reportingYear, Parameter cap) {
        boolean capped = cap == null || "true".equalsIgnoreCase(cap.word());
        List<IndexYear> years = new ArrayList<>();
        for (int year = reportingYear - 2; year <= reportingYear; year++) {
            IndicatorValue v = valueIn(values, year);
            if (v != null && !v.isAvailable() && v.missingInputs().isEmpty()) {
                // every figure was reported (some of them zero): the park reported the year
                years.add(new IndexYear(year, null, indicator.unit(), v.computation(), 0.0, true, List.of(), v.formula(), v.inputs()));
                continue;
            }
            if (v == null || !v.isAvailable()) {
                years.add(new IndexYear(year, null, indicator.unit(), v == null ? null : v.computation(), null, false,
                        v == null ? List.of() : v.missingInputs(), v == null ? null : v.formula(), v == null ? List.of() : v.inputs()));
                continue;
            }
            double ratio = ratio(v.value(), indicator.leading() == null ? 1 : indicator.leading().number(), indicator.direction());
            if (capped) ratio = Math.min(ratio, 1);
            years.add(new IndexYear(year, v.value(), v.unit(), v.computation(), ratio, true, List.of(), v.formula(), v.inputs()));
        }
        return new IndexRatios(indicator.id(), reportingYear, years, indicator.leading(), capped, indicator.direction());
    }

    /** x ÷ L (higher is better), L ÷ x (lower is better) or 1/0 (yes/no), before any cap. */
    public static double ratio(double x, double leading, String direction) {
        return switch (direction) {
            case "yes_no" -> x >= 1 ? 1 : 0;
            case "lower" -> {
                if (leading == 0) yield x <= 0 ? 1 : 0;
                yield x <= 0 ? 1 : leading / x;
            }
            // floored at 0 (see the class comment); the finding states the floor
            default -> leading == 0 ? 1 : Math.max(0, x / leading);
        };
    }

    private static IndicatorValue valueIn(List<?> values, int year) {
        for (Object o : values) {
            if (o instanceof YearValue y && y.year() == year) return y.value();
        }
        return null;
    }
}
