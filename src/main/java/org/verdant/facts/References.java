package org.verdant.facts;

import org.verdant.text.Messages.Phrase;
import org.verdant.text.Numbers;
import org.verdant.rulebook.Benchmarks;
import org.verdant.rulebook.Figure;
import org.verdant.submission.Submission;
import org.verdant.units.Quantity;
import org.verdant.units.Units;

import java.util.ArrayList;
import java.util.List;

/** Builds the reference levels the reference rules insert, converted to the indicator's unit. */
public final class References {
    private References() {
    }

    public static ReferenceLevel fixed(ReferenceSpec spec, IndicatorValue value) {
        Figure f = spec.fixed();
        double level = f.number();
        return new ReferenceLevel(spec.criterionId(), spec.tier(), level, value.unit(), Phrases.of("origin.scorecard"), f.source(),
                f.status(), List.of(f), null, List.of());
    }

    public static ReferenceLevel stated(ReferenceSpec spec, Submission.StatedReference stated, IndicatorValue value) {
        Quantity q = "basic".equals(spec.tier()) ? stated.basic() : stated.advanced();
        if (q == null) {
            return missing(spec, value, "references." + spec.indicator() + "." + spec.tier());
        }
        double level = inUnitOf(q, value);
        return new ReferenceLevel(spec.criterionId(), spec.tier(), level, value.unit(),
                Phrases.of("ref.stated", "references." + spec.indicator() + "." + spec.tier(), q.text()),
                stated.source(), "stated", List.of(), null, List.of(), List.of("references." + spec.indicator() + "." + spec.tier()));
    }

    public static ReferenceLevel factorOfBasic(ReferenceSpec spec, ReferenceLevel basic) {
        Figure factor = spec.factor();
        List<Figure> figures = new ArrayList<>(basic.figures());
        figures.add(factor);
        return new ReferenceLevel(spec.criterionId(), spec.tier(), basic.value() * factor.number(), basic.unit(),
                Phrases.of("origin.factor_of_basic", Numbers.format(factor.number()), Numbers.format(basic.value())), basic.source(),
                factor.status(), figures, null, List.of(), basic.inputs());
    }

    /** A level of the main product's energy-limit row, corrected as the standard prescribes. */
    public static ReferenceLevel energyLimit(ReferenceSpec spec, Benchmarks.EnergyLimitRow row, IndicatorValue value, MainProduct product) {
        Corrections.Corrected c = Corrections.level(row, spec.level(), product.corrections(), product.path());
        double converted = Units.require(row.unit()).dimension().equals(Units.require(value.unit()).dimension())
                ? Units.require(value.unit()).fromBase(Units.require(row.unit()).toBase(c.value())) : c.value();
        List<Figure> figures = new ArrayList<>();
        figures.add(levelFigure(row, spec.level()));
        figures.addAll(c.figures());
        Phrase origin = limitLevel(row, spec.level(), c);
        List<String> inputs = new ArrayList<>(List.of(product.path() + ".energy_limit"));
        inputs.addAll(c.inputs());
        return new ReferenceLevel(spec.criterionId(), spec.tier(), converted, value.unit(), origin, figures.get(0).source(),
                row.status(), figures, null, c.warnings(), inputs);
    }

    /** Where a level of an energy-limit row came from: the standard, the level, the row, and its correction when one applied. */
    public static Phrase limitLevel(Benchmarks.EnergyLimitRow row, int level, Corrections.Corrected c) {
        return c.trace() == null ? Phrases.of("ref.limit_level", row.standard(), level, row.id())
                : Phrases.of("ref.limit_level_corrected", row.standard(), level, row.id(), c.trace());
    }

    public static Figure levelFigure(Benchmarks.EnergyLimitRow row, int level) {
        return new Figure("energy-limit." + row.id() + ".level" + level, row.levels().get(level), row.unit(), row.status(),
                row.standard() + " " + row.product().zh() + ", level " + level + " — " + row.source(), row.clause(), row.location());
    }

    /** The level the submission states (references.&lt;indicator&gt;.basic), else the scorecard's fallback figure. */
    public static ReferenceLevel statedOrFallback(ReferenceSpec spec, Submission.StatedReference stated, IndicatorValue value) {
        if (stated != null && stated.basic() != null) {
            Quantity q = stated.basic();
            double level = inUnitOf(q, value);
            return new ReferenceLevel(spec.criterionId(), spec.tier(), level, value.unit(),
                    Phrases.of("ref.stated", "references." + spec.statedKey() + ".basic", q.text()), stated.source(), "stated",
                    List.of(), null, List.of(), List.of("references." + spec.statedKey() + ".basic"));
        }
        if (spec.fixed() == null) return missing(spec, value, "references." + spec.statedKey() + ".basic");
        Figure f = spec.fixed();
        return new ReferenceLevel(spec.criterionId(), spec.tier(), f.number(), value.unit(),
                Phrases.of("origin.scorecard_default", "references." + spec.statedKey() + ".basic"), f.source(), f.status(), List.of(f), null, List.of());
    }

    /**
     * An industry level (4.4.3: 行业平均水平 for the baseline, 行业先进水平 for the leading value):
     * stated in the submission with its source (references.&lt;id&gt;.basic / .advanced), else missing
     * data naming what to supply; never a guessed figure. A calibrated table writes a figure instead.
     */
    public static ReferenceLevel industry(ReferenceSpec spec, Submission.StatedReference stated, IndicatorValue value) {
        boolean advanced = "industry_advanced".equals(spec.form());
        String field = "references." + spec.statedKey() + "." + (advanced ? "industry_advanced" : "industry_average");
        Phrase what = Phrases.of(advanced ? "ref.industry_advanced" : "ref.industry_average");
        Quantity q = stated == null ? null : advanced ? stated.advanced() : stated.basic();
        if (q == null) return missing(spec, value, Phrases.of("ref.industry_missing", field, what));
        boolean ratio = value.unit().isEmpty() && q.unit().dimension().equals("1");
        if (!ratio && (value.unit().isEmpty() || !Units.require(value.unit()).dimension().equals(q.unit().dimension()))) {
            return missing(spec, value, Phrases.of("origin.other_unit", field + " = " + q.text(),
                    value.unit().isEmpty() ? Phrases.of("origin.plain_ratio") : Phrases.code(value.unit())));
        }
        double level = inUnitOf(q, value);
        return new ReferenceLevel(spec.criterionId(), spec.tier(), level, value.unit(), Phrases.of("ref.stated_industry", field, q.text(), what),
                stated.source(), "stated", List.of(), null, List.of(), List.of(field));
    }

    /** The figure of the tier the factory's annual energy use falls in. */
    public static ReferenceLevel byAnnualEnergy(ReferenceSpec spec, IndicatorValue annualEnergy, IndicatorValue value) {
        if (!annualEnergy.isAvailable()) {
            return missing(spec, value, Phrases.of("origin.no_annual_energy", String.join(", ", annualEnergy.missingInputs())));
        }
        double kgce = annualEnergy.value() * 1000; // annual_energy is in tce
        for (org.verdant.rulebook.Scorecard.EnergyTier t : spec.tiers()) {
            if (kgce >= t.atLeast() - 1e-6) {
                Figure f = t.figure();
                return new ReferenceLevel(spec.criterionId(), spec.tier(), f.number(), value.unit(),
                        Phrases.of("origin.energy_tier", Numbers.format(Units.require(t.unit()).fromBase(t.atLeast())) + " " + t.unit(),
                                Numbers.show(annualEnergy.value(), "tce")),
                        f.source(), f.status(), List.of(f), null, List.of(), annualEnergy.inputs());
            }
        }
        return missing(spec, value, Phrases.of("origin.no_energy_tier", Numbers.show(annualEnergy.value(), "tce")));
    }

    /** The main product's water-intake quota, general (baseline) or advanced (leading). */
    public static ReferenceLevel waterQuota(ReferenceSpec spec, MainProduct product, IndicatorValue value) {
        Submission.WaterQuota quota = product.waterQuota();
        Quantity q = "advanced".equals(spec.quota()) ? quota.advanced() : quota.general();
        if (q == null) return missing(spec, value, product.path() + ".water_quota." + spec.quota());
        return new ReferenceLevel(spec.criterionId(), spec.tier(), q.in(Units.require(value.unit())), value.unit(),
                Phrases.of("ref.water_quota", quota.standard(), Phrases.of("advanced".equals(spec.quota()) ? "ref.quota_advanced" : "ref.quota_general"),
                        product.path() + ".water_quota." + spec.quota(), q.text()), quota.standard(), "stated", List.of(), null, List.of(),
                List.of(product.path() + ".water_quota." + spec.quota()));
    }

    /** A stated level in the value's unit; a plain ratio stays as it is. */
    private static double inUnitOf(Quantity q, IndicatorValue value) {
        return value.unit().isEmpty() && q.unit().dimension().equals("1") ? q.base() : q.in(Units.require(value.unit()));
    }

    /** A level not found; {@code what} names what would supply it (a field path, or a phrase). */
    public static ReferenceLevel missing(ReferenceSpec spec, IndicatorValue value, Object what) {
        return new ReferenceLevel(spec.criterionId(), spec.tier(), null, value == null ? null : value.unit(), null, null,
                null, List.of(), Phrases.orCode(what), List.of());
    }

    /** What supplies a level of the main product's energy-limit row, or the level the submission states instead. */
    public static Phrase limitOrStated(String indicator, String tier) {
        return Phrases.of("ref.limit_or_stated", "products[main].energy_limit", "references." + indicator + "." + tier);
    }

    /** What supplies a water-intake quota level: the main product's quota. */
    public static Phrase mainProductWaterQuota() {
        return Phrases.of("ref.main_water_quota", "products[].water_quota");
    }

    public static ReferenceLevel missingBecauseBasicMissing(ReferenceSpec spec, ReferenceLevel basic) {
        return new ReferenceLevel(spec.criterionId(), spec.tier(), null, basic.unit(), null, null, null, List.of(),
                Phrases.of("ref.derived_from_basic", basic.missing()), List.of());
    }

    public static boolean eitherMissing(ReferenceLevel baseline, ReferenceLevel leading) {
        return !baseline.isAvailable() || !leading.isAvailable();
    }

    /** The levels not found, each naming what would supply it (the reader's list separator joins them). */
    public static List<Phrase> whatIsMissing(ReferenceLevel baseline, ReferenceLevel leading) {
        List<Phrase> out = new ArrayList<>();
        if (!baseline.isAvailable()) out.add(baseline.missing());
        if (!leading.isAvailable()) out.add(leading.missing());
        return out;
    }
}
