package org.verdant.facts;

import java.util.List;

/**
 * One reporting year of a park index indicator: its value (null when not reported), how it was
 * computed, and its ratio to the leading value (null when not reported).
 */
public record IndexYear(int year, Double value, String unit, String computation, Double ratio, boolean reported,
                        List<String> missingInputs) {
}
