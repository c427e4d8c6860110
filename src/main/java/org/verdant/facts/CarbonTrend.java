package org.verdant.facts;

import org.verdant.text.Numbers;
import org.verdant.submission.Submission;

import java.util.ArrayList;
import java.util.List;

/**
 * A park's CO2 intensity (per unit of industrial value added) over the three reporting years,
 * and whether it falls strictly year on year (green park gate G2).
 */
public record CarbonTrend(List<Integer> years, List<Double> intensities, List<String> missingInputs, String computation,
                          List<String> inputs) {

    public boolean isComplete() {
        return missingInputs.isEmpty();
    }

    public boolean isFalling() {
        for (int i = 1; i < intensities.size(); i++) {
            if (!(intensities.get(i) < intensities.get(i - 1))) return false;
        }
        return isComplete();
    }

    /** The years in which the intensity did not fall, e.g. "2024 (0.95 ≥ 0.91)". */
    public List<String> rises() {
        List<String> out = new ArrayList<>();
        for (int i = 1; i < intensities.size(); i++) {
            if (!(intensities.get(i) < intensities.get(i - 1))) {
                out.add(years.get(i) + " (" + Numbers.format(intensities.get(i)) + " ≥ " + Numbers.format(intensities.get(i - 1)) + ")");
            }
        }
        return out;
    }

    public static CarbonTrend of(Submission.Park park, int reportingYear) {
        List<Integer> years = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        List<String> inputs = new ArrayList<>();
        for (int y = reportingYear - 2; y <= reportingYear; y++) {
            Submission.ParkYear py = park.year(y);
            if (py == null) {
                missing.add("park.years[" + y + "] (co2, industrial_value_added)");
                continue;
            }
            IndicatorValue v = ParkFigures.intensity(py);
            inputs.addAll(v.inputs());
            if (!v.isAvailable()) {
                missing.addAll(v.missingInputs());
                continue;
            }
            years.add(y);
            values.add(v.value());
            parts.add(y + ": " + v.computation());
        }
        return new CarbonTrend(years, values, missing, String.join("; ", parts), inputs);
    }
}
