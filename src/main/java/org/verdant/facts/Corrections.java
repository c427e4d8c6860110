package org.verdant.facts;

import org.verdant.rulebook.Benchmarks;
import org.verdant.rulebook.Figure;
import org.verdant.rulebook.Vocabulary;
import org.verdant.text.Messages.Phrase;
import org.verdant.text.Numbers;
import org.verdant.units.Quantity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies an energy-limit standard's corrections (altitude, clinker share, ore mix, feed grade,
 * coke charge, steel grade, …) to one of its levels, in the order the row lists them. A
 * correction adjusts the reference, never the plant's value; when its input is missing the
 * uncorrected level stands and a warning says so. The written-out computation and the warnings are
 * phrases, in the reader's language where shown; inputs' names and figures stay codes.
 */
public final class Corrections {
    private Corrections() {
    }

    /** A corrected level; {@code trace} its computation (null: no correction changed it); {@code inputs} the paths of the correction inputs it read. */
    public record Corrected(double value, Phrase trace, List<Phrase> warnings, List<Figure> figures, List<String> inputs) {
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
        /** The computation so far: the level as written, then each correction wrapped around it. */
        private Object trace;
        private boolean corrected;
        private final List<Phrase> warnings = new ArrayList<>();
        private final List<Figure> figures = new ArrayList<>();
        private final List<String> used = new ArrayList<>();
        private final java.util.Set<String> warnedMissing = new java.util.HashSet<>();

        Run(Benchmarks.EnergyLimitRow row, int level, String productPath) {
            this.row = row;
            this.level = level;
            this.productPath = productPath;
            this.value = row.levels().get(level);
            this.trace = Numbers.format(value);
        }

        Corrected apply(Map<String, Quantity> inputs) {
            for (Benchmarks.Adjustment a : row.adjustments()) {
                if (!a.levels().contains(level)) continue;
                Quantity input = inputs.get(a.input());
                String inputPath = path(a.input());
                if (input == null) {
                    if (!warnedMissing.add(a.input())) continue; // one input may drive two corrections (steel grade)
                    boolean untouched = value == row.levels().get(level);
                    warn(Phrases.of(untouched ? "correction.not_stated" : "correction.not_stated_after_others", inputPath, a.input(),
                            Numbers.format(value)));
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
            Phrase shown = corrected ? Phrases.of("correction.result", trace, Numbers.format(value), row.unit()) : null;
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
            String pivot = Numbers.format(p.pivot());
            Phrase why = switch (p.direction()) {
                case BELOW -> Phrases.of("correction.below", p.input(), input.text(), pivot);
                case ABOVE -> p.pivot() == 0 ? Phrases.of("correction.input", p.input(), input.text()) : Phrases.of("correction.above", p.input(), input.text(), pivot);
                case AWAY -> Phrases.of("correction.versus", p.input(), input.text(), pivot);
            };
            if (p.maxPoints() != null) why = Phrases.of("correction.at_most", why, Numbers.format(p.maxPoints()));
            add(perPoint * points, Phrases.of("correction.per_point", Numbers.format(Math.abs(perPoint)), Numbers.format(Math.abs(points)), why));
        }

        private void factorAbove(Benchmarks.FactorAbove f, Quantity input, Map<String, Quantity> inputs) {
            double x = number(f.input(), input, Benchmarks.Scale.POINTS);
            if (x <= f.pivot()) return;
            Quantity factor = inputs.get(f.factorInput());
            if (factor == null) {
                warn(Phrases.of("correction.factor_not_stated", f.input(), input.text(), Numbers.format(f.pivot()), path(f.factorInput())));
                return;
            }
            double k = factor.base();
            if (k < f.factorMin() || k > f.factorMax()) {
                warn(Phrases.of("correction.factor_outside", path(f.factorInput()), factor.text(), Numbers.format(f.factorMin()),
                        Numbers.format(f.factorMax()), f.citation().where()));
                return;
            }
            used.add(path(f.factorInput()));
            multiply(k, Phrases.of("correction.factor_of", f.factorInput(), Phrases.of("correction.input", f.input(), input.text())));
        }

        private void interpolated(Benchmarks.Interpolated t, Quantity input) {
            double x = number(t.input(), input, Benchmarks.Scale.POINTS);
            var below = t.points().floorEntry(x);
            var above = t.points().ceilingEntry(x);
            if (below == null || above == null) {
                warn(Phrases.of("correction.outside_table", path(t.input()), input.text(), t.citation().where(),
                        Numbers.format(t.points().firstKey()), Numbers.format(t.points().lastKey()), t.input()));
                return;
            }
            figures.add(figure(t, below.getValue()));
            double addition;
            Phrase how;
            if (below.getKey().equals(above.getKey())) {
                addition = below.getValue();
                how = Phrases.of("correction.input", t.input(), input.text());
            } else {
                double slope = (above.getValue() - below.getValue()) / (above.getKey() - below.getKey());
                addition = below.getValue() + (x - below.getKey()) * slope;
                how = Phrases.of("correction.between", t.input(), input.text(), Numbers.format(below.getKey()), Numbers.format(below.getValue()),
                        Numbers.format(above.getKey()), Numbers.format(above.getValue()));
            }
            if (addition != 0) add(addition, Phrases.of("correction.amount", Numbers.format(Math.abs(addition)), how));
        }

        private void bands(Benchmarks.Bands b, Quantity input) {
            double x = number(b.input(), input, Benchmarks.Scale.POINTS);
            for (Benchmarks.Band band : b.bands()) {
                if (!band.contains(x)) continue;
                figures.add(figure(b, band.add()));
                Phrase which = band.upTo() == null ? Phrases.of("correction.band_above", b.input(), input.text(), Numbers.format(band.above()))
                        : Phrases.of("correction.band", b.input(), input.text(), Numbers.format(band.above()), Numbers.format(band.upTo()));
                add(band.add(), Phrases.of("correction.amount", Numbers.format(Math.abs(band.add())), which));
                return;
            }
        }

        private void additionIf(Benchmarks.AdditionIf c, Quantity input) {
            Double addition = c.additions().get(input.text());
            if (addition == null) return;
            figures.add(figure(c, addition));
            add(addition, Phrases.of("correction.amount", Numbers.format(Math.abs(addition)), Phrases.of("correction.input", c.input(), input.text())));
        }

        private void multiplierIf(Benchmarks.MultiplierIf m, Quantity input) {
            if (!m.when().equals(input.text())) return;
            figures.add(figure(m, m.factor()));
            multiply(m.factor(), Phrases.of("correction.input", m.input(), input.text()));
        }

        private void add(double amount, Phrase written) {
            value += amount;
            trace = Phrases.of(amount >= 0 ? "correction.plus" : "correction.minus", trace, written);
            corrected = true;
        }

        private void multiply(double factor, Phrase why) {
            value *= factor;
            trace = Phrases.of("correction.times", trace, Numbers.format(factor), why);
            corrected = true;
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

        private void warn(Phrase message) {
            warnings.add(Phrases.of("correction.warning", row.standard(), row.id(), level, message));
        }
    }
}
