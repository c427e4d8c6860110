package org.verdant.facts;

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
        return new ReferenceLevel(spec.criterionId(), spec.tier(), level, value.unit(), "scorecard", f.source(),
                f.status(), List.of(f), null);
    }

    public static ReferenceLevel stated(ReferenceSpec spec, Submission.StatedReference stated, IndicatorValue value) {
        Quantity q = "basic".equals(spec.tier()) ? stated.basic() : stated.advanced();
        if (q == null) {
            return missing(spec, value, "references." + spec.indicator() + "." + spec.tier());
        }
        double level = value.unit().isEmpty() && q.unit().dimension().equals("1") ? q.base() : q.in(Units.require(value.unit()));
        return new ReferenceLevel(spec.criterionId(), spec.tier(), level, value.unit(),
                "submission (references." + spec.indicator() + "." + spec.tier() + " = " + q.text() + ")",
                stated.source(), "stated", List.of(), null);
    }

    public static ReferenceLevel factorOfBasic(ReferenceSpec spec, ReferenceLevel basic) {
        Figure factor = spec.factor();
        List<Figure> figures = new ArrayList<>(basic.figures());
        figures.add(factor);
        return new ReferenceLevel(spec.criterionId(), spec.tier(), basic.value() * factor.number(), basic.unit(),
                Derive.format(factor.number()) + " × basic level " + Derive.format(basic.value()), basic.source(),
                factor.status(), figures, null);
    }

    public static ReferenceLevel energyLimit(ReferenceSpec spec, Benchmarks.EnergyLimitRow row, IndicatorValue value) {
        double level = row.levels().get(spec.level());
        double converted = Units.require(row.unit()).dimension().equals(Units.require(value.unit()).dimension())
                ? Units.require(value.unit()).fromBase(Units.require(row.unit()).toBase(level)) : level;
        Figure f = new Figure("energy-limit." + row.id() + ".level" + spec.level(), level, row.unit(), row.status(),
                row.standard() + " " + row.product().zh() + ", level " + spec.level() + " — " + row.source(), row.clause(), null);
        return new ReferenceLevel(spec.criterionId(), spec.tier(), converted, value.unit(),
                row.standard() + " level " + spec.level() + " (" + row.id() + ")", f.source(), row.status(), List.of(f), null);
    }

    public static ReferenceLevel missing(ReferenceSpec spec, IndicatorValue value, String what) {
        return new ReferenceLevel(spec.criterionId(), spec.tier(), null, value == null ? null : value.unit(), null, null,
                null, List.of(), what);
    }

    public static ReferenceLevel missingBecauseBasicMissing(ReferenceSpec spec, ReferenceLevel basic) {
        return new ReferenceLevel(spec.criterionId(), spec.tier(), null, basic.unit(), null, null, null, List.of(),
                basic.missing() + " (the advanced level is derived from it)");
    }
}
