package org.verdant.facts;

import java.util.List;

/**
 * One reporting year of a park index indicator: its value (null when not reported), its formula
 * and how it was computed, its ratio to the leading value (null when not reported), and the
 * submission fields it was computed from. The computation is a text or a phrase, as {@link IndicatorValue}'s.
 */
public record IndexYear(int year, Double value, String unit, Object computation, Double ratio, boolean reported,
                        List<String> missingInputs, String formula, List<String> inputs) {
}
