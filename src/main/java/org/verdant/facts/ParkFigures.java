package org.verdant.facts;

import org.verdant.text.Numbers;
import org.verdant.submission.Submission;
import org.verdant.units.Quantity;

import java.util.ArrayList;
import java.util.List;

/**
 * Park statistics as operands of the indicator formulas, each named by its path in the
 * submission so that a missing figure says exactly which field to fill in.
 */
public final class ParkFigures {
    private ParkFigures() {
    }

    public static Derive.Term term(Submission.ParkYear year, String statistic) {
        return Derive.term(path(year, statistic), year.statistic(statistic));
    }

    public static String path(Submission.ParkYear year, String statistic) {
        return "park.years[" + year.year() + "].statistics." + statistic;
    }

    /** {@code part ÷ whole} of one year, as the indicator's value for that year. */
    public static YearValue quotient(Submission.ParkYear year, String indicator, String formula, String part, String whole, String unit) {
        return new YearValue(year.year(), Derive.quotient(indicator, formula, term(year, part), term(year, whole), unit));
    }

    /** {@code part ÷ (part + other)}: reuse rates. */
    public static YearValue shareOfSum(Submission.ParkYear year, String indicator, String formula, String part, String other, String unit) {
        return new YearValue(year.year(), Derive.quotient(indicator, formula, term(year, part),
                Derive.sum(term(year, part), term(year, other)), unit));
    }

    /** A value the park states for the year, in the indicator's unit (yes/no as 1 or 0). */
    public static YearValue stated(IndexIndicator indicator, Submission.StatedIndicator s) {
        String path = "park.years[" + s.year() + "].indicators." + s.id();
        if (s.yes() != null) {
            return new YearValue(s.year(), new IndicatorValue(indicator.indicator(), s.yes() ? 1.0 : 0.0, "", indicator.id(),
                    path + " = " + (s.yes() ? "yes" : "no"), List.of(), List.of(), List.of(path)));
        }
        return new YearValue(s.year(), Derive.stated(indicator.indicator(), indicator.id(), path, s.quantity(), indicator.unit()));
    }

    /**
     * The year-on-year reduction of CO2 per unit of industrial value added:
     * (I(y−1) − I(y)) ÷ I(y−1), in %.
     */
    public static YearValue carbonIntensityReduction(Submission.ParkYear year, Submission.ParkYear previous, String indicator,
                                                     String formula) {
        IndicatorValue now = intensity(year);
        IndicatorValue before = previous == null ? null : intensity(previous);
        List<String> missing = new ArrayList<>();
        if (previous == null) missing.add("park.years[" + (year.year() - 1) + "] (co2, industrial_value_added)");
        else missing.addAll(before.missingInputs());
        missing.addAll(now.missingInputs());
        List<String> inputs = new ArrayList<>(before == null ? List.of() : before.inputs());
        inputs.addAll(now.inputs());
        if (!missing.isEmpty() || before.value() == null || now.value() == null || before.value() == 0) {
            return new YearValue(year.year(), new IndicatorValue(indicator, null, "%", formula,
                    before != null && before.value() != null && before.value() == 0 ? Phrases.of("derive.previous_zero") : null, missing, List.of(),
                    inputs));
        }
        double reduction = (before.value() - now.value()) / before.value() * 100;
        String computation = "(" + Numbers.format(before.value()) + " − " + Numbers.format(now.value()) + ") ÷ " + Numbers.format(before.value())
                + " tCO2/万元 (" + previous.year() + " → " + year.year() + ") = " + Numbers.format(reduction) + " %";
        return new YearValue(year.year(), new IndicatorValue(indicator, reduction, "%", formula, computation, List.of(), List.of(), inputs));
    }

    /** CO2 per unit of industrial value added in one year (tCO2/万元). */
    public static IndicatorValue intensity(Submission.ParkYear year) {
        return Derive.quotient("carbon_intensity", "CO2 ÷ 工业增加值", term(year, "co2"), term(year, "industrial_value_added"), "tCO2e/万元");
    }
}
