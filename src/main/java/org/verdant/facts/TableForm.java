package org.verdant.facts;

import java.util.Map;

/**
 * One way an indicator of a GB/T 36132-2025 indicator table is computed: the formula (Appendix B
 * id, or a named quantity), the unit it is expressed in, and the inputs the table gives it (e.g.
 * which pollutant). The derive rules insert an {@link IndicatorValue} keyed by {@link #key()}.
 */
public record TableForm(String indicatorId, int index, String formula, String unit, Map<String, String> inputs) {
    public TableForm {
        inputs = Map.copyOf(inputs);
    }

    /** What the derived value is keyed by: the indicator and the form, e.g. "E1/0". */
    public String key() {
        return indicatorId + "/" + index;
    }

    public String input(String name) {
        return inputs.get(name);
    }
}
