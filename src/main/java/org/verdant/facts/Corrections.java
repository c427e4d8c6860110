package org.verdant.facts;

import org.verdant.text.Numbers;
import org.verdant.rulebook.Benchmarks;
import org.verdant.rulebook.Figure;
import org.verdant.units.Quantity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies an energy-limit standard's corrections (altitude, clinker ratio, feed grade) to one of
 * its levels. A correction adjusts the reference, never the plant's value; when its input is
 * missing the uncorrected level stands and a warning says so.
 */
public final class Corrections {
    private Corrections() {
    }

    /** A corrected level; {@code inputs} are the paths of the correction inputs it read. */
    public record Corrected(double value, String trace, List<String> warnings, List<Figure> figures, List<String> inputs) {
    }

    public static Corrected level(Benchmarks.EnergyLimitRow row, int level, Map<String, Quantity> inputs, String productPath) {
        double value = row.levels().get(level);
        StringBuilder trace = new StringBuilder(Numbers.format(value));
        List<String> warnings = new ArrayList<>();
        List<Figure> figures = new ArrayList<>();
        List<String> used = new ArrayList<>();
        for (Benchmarks.Adjustment a : row.adjustments()) {
            if (!a.levels().contains(level)) continue;
            Quantity input = inputs.get(a.input());
            String inputPath = productPath + ".corrections." + a.input();
            if (input == null) {
                warnings.add(row.standard() + " " + row.id() + " level " + level + ": " + inputPath
                        + " not stated, so the " + a.input() + " correction is not applied (uncorrected level " + Numbers.format(value) + ")");
                continue;
            }
            used.add(inputPath);
            double x = "altitude".equals(a.input()) ? input.in("m") : input.base() * 100;
            switch (a.kind()) {
                case "per_point_below" -> {
                    double points = Math.max(0, a.pivot() - x);
                    if (a.maxPoints() != null) points = Math.min(points, a.maxPoints());
                    if (points > 0) {
                        value += a.perPoint().number() * points;
                        trace.append(" + ").append(Numbers.format(a.perPoint().number())).append(" × ")
                                .append(Numbers.format(points)).append(" (").append(a.input()).append(' ')
                                .append(input.text()).append(" below ").append(Numbers.format(a.pivot()))
                                .append(a.maxPoints() == null ? "" : ", at most " + Numbers.format(a.maxPoints())).append(')');
                    }
                    figures.add(a.perPoint());
                }
                case "per_point_away" -> {
                    double points = x - a.pivot();
                    if (points != 0) {
                        value += a.perPoint().number() * points;
                        trace.append(points > 0 ? " + " : " − ").append(Numbers.format(a.perPoint().number())).append(" × ")
                                .append(Numbers.format(Math.abs(points))).append(" (").append(a.input()).append(' ')
                                .append(input.text()).append(" vs ").append(Numbers.format(a.pivot())).append(')');
                    }
                    figures.add(a.perPoint());
                }
                default -> {
                    if (x <= a.pivot()) break;
                    Quantity factor = inputs.get(a.factorInput());
                    if (factor == null) {
                        warnings.add(row.standard() + " " + row.id() + " level " + level + ": " + a.input() + " " + input.text()
                                + " is above " + Numbers.format(a.pivot()) + " but " + productPath + ".corrections." + a.factorInput()
                                + " is not stated, so the level is not corrected");
                        break;
                    }
                    used.add(productPath + ".corrections." + a.factorInput());
                    value *= factor.base();
                    trace.insert(0, "(").append(") × ").append(Numbers.format(factor.base())).append(" (")
                            .append(a.factorInput()).append(", ").append(a.input()).append(' ').append(input.text()).append(')');
                }
            }
        }
        String shown = trace.toString().equals(Numbers.format(row.levels().get(level))) ? null
                : trace + " = " + Numbers.format(value) + " " + row.unit();
        return new Corrected(value, shown, warnings, figures, used);
    }
}
