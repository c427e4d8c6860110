package org.verdant.facts;

import org.verdant.rulebook.Benchmarks;
import org.verdant.rulebook.Figure;
import org.verdant.rulebook.Vocabulary;
import org.verdant.text.Numbers;
import org.verdant.units.Quantity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies an energy-limit standard's corrections (altitude, clinker share, ore mix, feed grade,
 * coke charge, steel grade, …) to one of its levels, in the order the row lists them. A
 * correction adjusts the reference, never the plant's value; when its input is missing the
 * uncorrected level stands and a warning says so.
 */
public final class Corrections {
    private Corrections() {
    }

    /** A corrected level; {@code inputs} are the paths of the correction inputs it read. */
    public record Corrected(double value, String trace, List<String> warnings, List<Figure> figures, List<String> inputs) {
    }

    public static Corrected level(Benchmarks.EnergyLimitRow row, int level, Map<String, Quantity> inputs, String productPath) {
        return new Run(row, level, productPath).apply(inputs);
    }

    /** One level being corrected: the running value and its written-out computation. */
    private static final class Run {
        private final Benchmarks.EnergyLimitRow row;
        private final int level;
        private final String productPath;
        private double value;
        private final StringBuilder trace;
        private final List<String> warnings = new ArrayList<>();
        private final List<Figure> figures = new ArrayList<>();
        private final List<String> used = new ArrayList<>();
        private final java.util.Set<String> warnedMissing = new java.util.HashSet<>();

        Run(Benchmarks.EnergyLimitRow row, int level, String productPath) {
            this.row = row;
            this.level = level;
            this.productPath = productPath;
            this.value = row.levels().get(level);
            this.trace = new StringBuilder(Numbers.format(value));
        }

        Corrected apply(Map<String, Quantity> inputs) {
            for (Benchmarks.Adjustment a : row.adjustments()) {
                if (!a.levels().contains(level)) continue;
                Quantity input = inputs.get(a.input());
                String inputPath = path(a.input());
                if (input == null) {
                    if (!warnedMissing.add(a.input())) continue; // one input may drive two corrections (steel grade)
                    boolean untouched = value == row.levels().get(level);
                    warn(inputPath + " not stated, so the " + a.input() + " correction is not applied ("
                            + (untouched ? "uncorrected level " : "level without it ") + Numbers.format(value) + ")");
                    continue;
                }
                used.add(inputPath);
                if (a instanceof Benchmarks.PerPoint p) perPoint(p, input);
                else if (a instanceof Benchmarks.FactorAbove f) factorAbove(f, input, inputs);
                else if (a instanceof Benchmarks.Interpolated t) interpolated(t, input);
                else if (a instanceof Benchmarks.Bands b) bands(b, input);
                else if (a instanceof Benchmarks.AdditionIf c) additionIf(c, input);
                else if (a instanceof Benchmarks.MultiplierIf m) multiplierIf(m, input);
            }
            String shown = trace.toString().equals(Numbers.format(row.levels().get(level))) ? null
                    : trace + " = " + Numbers.format(value) + " " + row.unit();
            return new Corrected(value, shown, warnings, figures, used);
        }

        private void perPoint(Benchmarks.PerPoint p, Quantity input) {
            double x = number(p.input(), input, p.scale());
            double points = switch (p.direction()) {
                case BELOW -> Math.max(0, p.pivot() - x);
                case ABOVE -> Math.max(0, x - p.pivot());
                case AWAY -> x - p.pivot();
            };
            if (p.maxPoints() != null) points = Math.max(-p.maxPoints(), Math.min(points, p.maxPoints()));
            double perPoint = p.perPoint().get(level);
            figures.add(figure(p, perPoint));
            if (points == 0) return;
            String why = switch (p.direction()) {
                case BELOW -> " below " + Numbers.format(p.pivot());
                case ABOVE -> p.pivot() == 0 ? "" : " above " + Numbers.format(p.pivot());
                case AWAY -> " vs " + Numbers.format(p.pivot());
            };
            add(perPoint * points, Numbers.format(Math.abs(perPoint)) + " × " + Numbers.format(Math.abs(points)) + " (" + p.input() + ' '
                    + input.text() + why + (p.maxPoints() == null ? "" : ", at most " + Numbers.format(p.maxPoints())) + ')');
        }

        private void factorAbove(Benchmarks.FactorAbove f, Quantity input, Map<String, Quantity> inputs) {
            double x = number(f.input(), input, Benchmarks.Scale.POINTS);
            if (x <= f.pivot()) return;
            Quantity factor = inputs.get(f.factorInput());
            if (factor == null) {
                warn(f.input() + " " + input.text() + " is above " + Numbers.format(f.pivot()) + " but " + path(f.factorInput())
                        + " is not stated, so the level is not corrected");
                return;
            }
            double k = factor.base();
            if (k < f.factorMin() || k > f.factorMax()) {
                warn(path(f.factorInput()) + " " + factor.text() + " is outside " + Numbers.format(f.factorMin()) + "–"
                        + Numbers.format(f.factorMax()) + ", the factors " + f.citation().where() + " can give, so the level is not corrected");
                return;
            }
            used.add(path(f.factorInput()));
            value *= k;
            trace.insert(0, "(").append(") × ").append(Numbers.format(k)).append(" (")
                    .append(f.factorInput()).append(", ").append(f.input()).append(' ').append(input.text()).append(')');
        }

        private void interpolated(Benchmarks.Interpolated t, Quantity input) {
            double x = number(t.input(), input, Benchmarks.Scale.POINTS);
            var below = t.points().floorEntry(x);
            var above = t.points().ceilingEntry(x);
            if (below == null || above == null) {
                warn(path(t.input()) + " " + input.text() + " is outside the table of " + t.citation().where() + " ("
                        + Numbers.format(t.points().firstKey()) + "–" + Numbers.format(t.points().lastKey())
                        + "), so the " + t.input() + " correction is not applied");
                return;
            }
            figures.add(figure(t, below.getValue()));
            double addition;
            String how;
            if (below.getKey().equals(above.getKey())) {
                addition = below.getValue();
                how = t.input() + ' ' + input.text();
            } else {
                double slope = (above.getValue() - below.getValue()) / (above.getKey() - below.getKey());
                addition = below.getValue() + (x - below.getKey()) * slope;
                how = t.input() + ' ' + input.text() + ", between " + Numbers.format(below.getKey()) + " → " + Numbers.format(below.getValue())
                        + " and " + Numbers.format(above.getKey()) + " → " + Numbers.format(above.getValue());
            }
            if (addition != 0) add(addition, Numbers.format(Math.abs(addition)) + " (" + how + ')');
        }

        private void bands(Benchmarks.Bands b, Quantity input) {
            double x = number(b.input(), input, Benchmarks.Scale.POINTS);
            for (Benchmarks.Band band : b.bands()) {
                if (!band.contains(x)) continue;
                figures.add(figure(b, band.add()));
                add(band.add(), Numbers.format(Math.abs(band.add())) + " (" + b.input() + ' ' + input.text() + ", above "
                        + Numbers.format(band.above()) + (band.upTo() == null ? "" : " up to " + Numbers.format(band.upTo())) + ')');
                return;
            }
        }

        private void additionIf(Benchmarks.AdditionIf c, Quantity input) {
            Double addition = c.additions().get(input.text());
            if (addition == null) return;
            figures.add(figure(c, addition));
            add(addition, Numbers.format(Math.abs(addition)) + " (" + c.input() + ' ' + input.text() + ')');
        }

        private void multiplierIf(Benchmarks.MultiplierIf m, Quantity input) {
            if (!m.when().equals(input.text())) return;
            figures.add(figure(m, m.factor()));
            value *= m.factor();
            trace.insert(0, "(").append(") × ").append(Numbers.format(m.factor())).append(" (").append(m.input()).append(' ')
                    .append(input.text()).append(')');
        }

        private void add(double amount, String written) {
            value += amount;
            trace.append(amount >= 0 ? " + " : " − ").append(written);
        }

        /** A share in percentage points (or as a fraction), an altitude in metres, any other number as written. */
        private static double number(String name, Quantity input, Benchmarks.Scale scale) {
            if ("length".equals(Vocabulary.CORRECTION_INPUTS.get(name))) return input.in("m");
            if (Vocabulary.CORRECTION_SHARES.contains(name) && scale == Benchmarks.Scale.POINTS) return input.base() * 100;
            return input.base();
        }

        private Figure figure(Benchmarks.Adjustment a, double coefficient) {
            Benchmarks.Citation c = a.citation();
            String unit = a instanceof Benchmarks.MultiplierIf ? null : row.unit();
            return new Figure("energy-limit." + row.id() + ".adjustment." + a.input(), coefficient, unit, c.status(), c.source(),
                    row.standard() + " " + c.where(), c.location());
        }

        private String path(String input) {
            return productPath + ".corrections." + input;
        }

        private void warn(String message) {
            warnings.add(row.standard() + " " + row.id() + " level " + level + ": " + message);
        }
    }
}
