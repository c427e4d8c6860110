package org.verdant.facts;

import java.util.List;

/**
 * A value derived from the submission's raw figures, with its formula and the computation with
 * the numbers substituted. When inputs are absent, {@code value} is null and {@code missingInputs}
 * lists the submission fields needed.
 */
public record IndicatorValue(String indicator, Double value, String unit, String formula, String computation,
                             List<String> missingInputs, List<String> notes) {

    public boolean isAvailable() {
        return value != null;
    }
}
