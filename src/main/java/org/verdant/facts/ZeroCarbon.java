package org.verdant.facts;

import org.verdant.text.Numbers;
import org.verdant.submission.Submission;

import java.util.ArrayList;
import java.util.List;

/** Helpers the zero-carbon park rules name: the annual energy, a stated Z0, and Z2's per-product comparison. */
public final class ZeroCarbon {
    private ZeroCarbon() {
    }

    /** The park's annual comprehensive energy in tce: it picks Z0's tier. */
    public static IndicatorValue annualEnergy(Submission.ParkYear y) {
        Derive.Term t = ParkFigures.term(y, "energy");
        if (t.isMissing()) return new IndicatorValue("annual_energy", null, "tce", "年综合能源消费量", null, t.missing(), List.of());
        double tce = t.base() / 1000;
        return new IndicatorValue("annual_energy", tce, "tce", "年综合能源消费量", t.text() + " = " + Numbers.format(tce) + " tce",
                List.of(), t.notes(), t.inputs());
    }

    public static IndicatorValue statedIntensity(Submission.StatedIndicator s) {
        return Derive.stated("co2_per_energy", "单位能耗碳排放（申报值）", "park.years[" + s.year() + "].indicators.Z0", s.quantity(),
                "tCO2e/tce");
    }

    /** The lowest annual energy for which the scorecard defines a threshold, e.g. "200000 tce". */
    public static String lowestTier(ReferenceSpec spec) {
        return spec.tiers().stream().min(java.util.Comparator.comparingDouble(org.verdant.rulebook.Scorecard.EnergyTier::atLeast))
                .map(t -> Numbers.show(org.verdant.units.Units.require(t.unit()).fromBase(t.atLeast()), t.unit()))
                .orElse("—");
    }

    public static boolean allReach(ThresholdIndicator t, ScaledParts parts) {
        return shortOf(t, parts).isEmpty();
    }

    public static List<String> shortOf(ThresholdIndicator t, ScaledParts parts) {
        List<String> out = new ArrayList<>();
        for (ScaledParts.Part p : parts.parts()) {
            if (!t.reaches(p.value(), p.baseline())) {
                out.add(p.product() + " " + Numbers.show(p.value(), p.unit()) + " > " + Numbers.show(p.baseline(), p.unit()));
            }
        }
        return out;
    }
}
