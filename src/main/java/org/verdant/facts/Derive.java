package org.verdant.facts;

import org.verdant.submission.Submission;
import org.verdant.text.Messages.Phrase;
import org.verdant.units.Quantity;
import org.verdant.units.Unit;
import org.verdant.units.Units;

import java.util.ArrayList;
import java.util.List;
import org.verdant.text.Numbers;

/**
 * Arithmetic the derivation rules use to compute indicators from raw figures, keeping the
 * computation with its numbers so a verdict can show it.
 */
public final class Derive {
    private Derive() {
    }

    /**
     * An operand: a sum of submission figures (text for display), or the fields it lacks.
     * {@code inputs} are the paths of the figures it was made of.
     */
    public record Term(double base, String dimension, String text, List<String> missing, List<Phrase> notes,
                       List<String> inputs) {
        public Term(double base, String dimension, String text, List<String> missing, List<Phrase> notes) {
            this(base, dimension, text, missing, notes, List.of());
        }

        public boolean isMissing() {
            return !missing.isEmpty();
        }
    }

    public static Term term(String path, Quantity q) {
        if (q == null) return new Term(0, null, path, List.of(path), List.of());
        return new Term(q.base(), q.unit().dimension(), q.text(), List.of(), notes(q.unit()), List.of(path));
    }

    /** A plain count as an operand; missing when null. */
    public static Term number(String path, Integer n) {
        if (n == null) return new Term(0, null, path, List.of(path), List.of());
        return new Term(n, "1", String.valueOf(n), List.of(), List.of(), List.of(path));
    }

    /** A figure that counts as zero when absent (e.g. open storage yards a site does not have). */
    public static Term optional(String path, Quantity q, String dimension) {
        return q == null ? new Term(0, dimension, "0", List.of(), List.of()) : term(path, q);
    }

    public static Term sum(Term a, Term b) {
        List<String> missing = new ArrayList<>(a.missing());
        missing.addAll(b.missing());
        List<Phrase> notes = new ArrayList<>(a.notes());
        b.notes().stream().filter(n -> !notes.contains(n)).forEach(notes::add);
        String dim = a.dimension() != null ? a.dimension() : b.dimension();
        return new Term(a.base() + b.base(), dim, "(" + a.text() + " + " + b.text() + ")", missing, notes,
                merge(a.inputs(), b.inputs()));
    }

    /**
     * numerator ÷ denominator, expressed in {@code unit} ("" for a plain ratio, "%" for a share,
     * "万元/亩", "kgce/t", …).
     */
    public static IndicatorValue quotient(String indicator, String formula, Term numerator, Term denominator, String unit) {
        List<String> missing = new ArrayList<>(numerator.missing());
        denominator.missing().stream().filter(m -> !missing.contains(m)).forEach(missing::add);
        List<Phrase> notes = new ArrayList<>(numerator.notes());
        denominator.notes().stream().filter(n -> !notes.contains(n)).forEach(notes::add);
        List<String> inputs = merge(numerator.inputs(), denominator.inputs());
        if (!missing.isEmpty()) {
            return new IndicatorValue(indicator, null, unit, formula, null, List.copyOf(missing), notes, inputs);
        }
        if (denominator.base() == 0) {
            return new IndicatorValue(indicator, null, unit, formula, Phrases.of("derive.division_by_zero", numerator.text(), denominator.text()),
                    List.of(), notes, inputs);
        }
        double ratioInBase = numerator.base() / denominator.base();
        Unit target = Units.require(unit);
        double value = target.fromBase(ratioInBase);
        if (!Double.isFinite(value)) {
            return new IndicatorValue(indicator, null, unit, formula, Phrases.of("derive.too_large", numerator.text(), denominator.text()),
                    List.of(), notes);
        }
        String computation = numerator.text() + " ÷ " + denominator.text() + " = " + Numbers.format(value) + (unit.isEmpty() ? "" : " " + unit);
        return new IndicatorValue(indicator, value, unit, formula, computation, List.of(), notes, inputs);
    }

    /** A value the submission states directly, converted to {@code unit}. */
    public static IndicatorValue stated(String indicator, String formula, String path, Quantity q, String unit) {
        double value = q.in(unit);
        String computation = path + " = " + q.text() + (q.unit().symbol().equals(unit) ? "" : " = " + Numbers.format(value) + " " + unit);
        return new IndicatorValue(indicator, value, unit, formula, computation, List.of(), notes(q.unit()), List.of(path));
    }

    /**
     * Energy per unit of the main product: the stated unit figure; else the product's
     * comprehensive energy ÷ output; else, for a single-product factory, the factory's
     * comprehensive energy ÷ output.
     */
    public static IndicatorValue energyPerUnit(String formula, MainProduct main, Term factoryEnergy) {
        String unit = main.perUnit("kgce");
        if (main.energyPerUnit() != null) {
            return stated("energy_per_unit", formula, main.path() + ".energy_per_unit", main.energyPerUnit(), unit);
        }
        Term output = term(main.path() + ".output", main.output());
        if (main.energy() != null) {
            return quotient("energy_per_unit", formula, term(main.path() + ".energy", main.energy()), output, unit);
        }
        if (main.onlyProduct() && !factoryEnergy.isMissing()) {
            return quotient("energy_per_unit", formula, factoryEnergy, output, unit)
                    .withNotes(List.of(Phrases.of("note.single_product_factory")));
        }
        return quotient("energy_per_unit", formula, term(IndicatorValue.either(main.path() + ".energy", main.path() + ".energy_per_unit"), null), output, unit);
    }

    /**
     * The factory's comprehensive energy consumption: as stated, else the sum of its carriers,
     * each converted to standard coal with its stated factor (electricity at the calorific
     * equivalent unless a factor is given).
     */
    public static Term factoryEnergy(Submission.Energy energy) {
        if (energy.comprehensive() != null || energy.carriers().isEmpty()) {
            return term("energy.comprehensive", energy.comprehensive());
        }
        double base = 0;
        List<String> parts = new ArrayList<>();
        List<Phrase> notes = new ArrayList<>();
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < energy.carriers().size(); i++) {
            Term t = carrier(energy.carriers().get(i), i);
            if (t.isMissing()) return t;
            base += t.base();
            parts.add(t.text());
            notes = merge(notes, t.notes());
            inputs.addAll(t.inputs());
        }
        return new Term(base, "energy", "Σ energy.carriers (" + String.join(" + ", parts) + ")", List.of(), notes, inputs);
    }

    /**
     * A value with its unit, as the rules write figures into reasons: kept a number, so the reason
     * shows it beside the levels it is compared with and as a person writes it (text reads as {@link Numbers#show}).
     */
    public static org.verdant.text.Amount show(Double value, String unit) {
        return new org.verdant.text.Amount(value, unit);
    }

    /** How many items a list holds; missing when the submission does not state the list. */
    public static IndicatorValue count(String indicator, String formula, String path, java.util.Collection<?> items) {
        if (items == null) return new IndicatorValue(indicator, null, "", formula, null, List.of(path), List.of());
        return new IndicatorValue(indicator, (double) items.size(), "", formula, path + ": " + items.size(), List.of(), List.of(),
                List.of(path));
    }

    /** Projects in the reporting year and the two before it, ÷ 3. */
    public static IndicatorValue projectsPerYear(String indicator, String formula, Submission.CleanerProduction c, int reportingYear) {
        String path = "cleaner_production.retrofit_projects";
        if (c.retrofitProjects() == null) return new IndicatorValue(indicator, null, "", formula, null, List.of(path), List.of());
        List<String> counted = new ArrayList<>(List.of("reporting_year"));
        for (int i = 0; i < c.retrofitProjects().size(); i++) {
            int year = c.retrofitProjects().get(i).year();
            if (year >= reportingYear - 2 && year <= reportingYear) counted.add(path + "[" + i + "].year");
        }
        long n = counted.size() - 1;
        double value = n / 3.0;
        return new IndicatorValue(indicator, value, "", formula, Phrases.of("derive.projects_per_year", n, reportingYear - 2, reportingYear,
                Numbers.format(value)), List.of(), List.of(), counted);
    }

    /** The smallest (limit − concentration) ÷ limit over the stated pollutants, in %. */
    public static IndicatorValue pollutantMargin(String indicator, String formula, Submission.Emissions e) {
        if (e.concentrations().isEmpty()) {
            return new IndicatorValue(indicator, null, "%", formula, null, List.of("emissions.concentrations"), List.of());
        }
        double min = Double.MAX_VALUE;
        String worst = null;
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < e.concentrations().size(); i++) {
            Submission.PollutantConcentration c = e.concentrations().get(i);
            String at = "emissions.concentrations[" + i + "]";
            inputs.addAll(List.of(at + ".concentration", at + ".limit"));
            double margin = (c.limit().base() - c.concentration().base()) / c.limit().base() * 100;
            if (margin < min) {
                min = margin;
                worst = c.pollutant() + (c.outlet() == null ? "" : " @ " + c.outlet()) + ": (" + c.limit().text() + " − "
                        + c.concentration().text() + ") ÷ " + c.limit().text();
            }
        }
        return new IndicatorValue(indicator, min, "%", formula, Phrases.of("derive.smallest_margin", e.concentrations().size(), worst,
                Numbers.format(min)), List.of(), List.of(), inputs);
    }

    /** Renewable carriers' energy ÷ all carriers' energy, in %. */
    public static IndicatorValue renewableShare(String indicator, String formula, Submission.Energy energy) {
        if (energy.carriers().isEmpty()) {
            return new IndicatorValue(indicator, null, "%", formula, null, List.of("energy.carriers"), List.of());
        }
        Term all = new Term(0, "energy", "", List.of(), List.of());
        Term renewable = new Term(0, "energy", "", List.of(), List.of());
        List<String> allParts = new ArrayList<>();
        List<String> renewableParts = new ArrayList<>();
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < energy.carriers().size(); i++) {
            Submission.Carrier c = energy.carriers().get(i);
            Term t = carrier(c, i);
            if (t.isMissing()) return new IndicatorValue(indicator, null, "%", formula, null, t.missing(), List.of(), inputs);
            inputs.addAll(t.inputs());
            if (c.renewable()) inputs.add("energy.carriers[" + i + "].renewable");
            all = new Term(all.base() + t.base(), "energy", "", List.of(), merge(all.notes(), t.notes()));
            allParts.add(t.text());
            if (c.renewable()) {
                renewable = new Term(renewable.base() + t.base(), "energy", "", List.of(), merge(renewable.notes(), t.notes()));
                renewableParts.add(t.text());
            }
        }
        Term num = new Term(renewable.base(), "energy", renewableParts.isEmpty() ? "0" : "(" + String.join(" + ", renewableParts) + ")",
                List.of(), renewable.notes(), inputs);
        Term den = new Term(all.base(), "energy", "(" + String.join(" + ", allParts) + ")", List.of(), all.notes());
        return quotient(indicator, formula, num, den, "%");
    }

    /** The factory's comprehensive energy in tce: it picks the renewable-share tier. */
    public static IndicatorValue annualEnergy(Submission.Energy energy) {
        Term t = factoryEnergy(energy);
        if (t.isMissing()) return new IndicatorValue("annual_energy", null, "tce", "年综合能源消费量", null, t.missing(), List.of());
        double tce = t.base() / 1000;
        return new IndicatorValue("annual_energy", tce, "tce", "年综合能源消费量", t.text() + " = " + Numbers.format(tce) + " tce", List.of(), t.notes(),
                t.inputs());
    }

    /** One carrier's energy: its amount, times its factor to standard coal when it has one. */
    private static Term carrier(Submission.Carrier c, int index) {
        String at = "energy.carriers[" + index + "]";
        if (c.amount() == null) return term("energy.carriers[].amount", null);
        if (c.factor() != null) {
            return new Term(c.amount().base() * c.factor().base(), "energy", c.amount().text() + " × " + c.factor().text(), List.of(), List.of(),
                    List.of(at + ".amount", at + ".factor"));
        }
        return new Term(c.amount().base(), "energy", c.amount().text(), List.of(), notes(c.amount().unit()), List.of(at + ".amount"));
    }

    /** A unit's conversion note ({@link Unit#note}, a message key) as a phrase; none when it has none. */
    public static List<Phrase> notes(Unit unit) {
        return unit.note() == null ? List.of() : List.of(Phrases.of(unit.note()));
    }

    private static <T> List<T> merge(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        b.stream().filter(x -> !out.contains(x)).forEach(out::add);
        return out;
    }
}
