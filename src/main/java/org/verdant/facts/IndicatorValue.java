package org.verdant.facts;

import java.util.List;

/**
 * A value derived from the submission's raw figures, with its formula and the computation with
 * the numbers substituted. When inputs are absent, {@code value} is null and {@code missingInputs}
 * lists the submission fields needed. {@code inputs} names the submission fields the computation
 * read (paths such as {@code site.land_area}), so a trace can point at their lines. The computation
 * is a text of figures, paths and symbols, or a phrase ({@link org.verdant.text.Messages.Phrase})
 * where it needs words, written in the reader's language where shown.
 */
public record IndicatorValue(String indicator, Double value, String unit, String formula, Object computation,
                             List<String> missingInputs, List<String> notes, List<String> inputs) {

    public IndicatorValue(String indicator, Double value, String unit, String formula, Object computation,
                          List<String> missingInputs, List<String> notes) {
        this(indicator, value, unit, formula, computation, missingInputs, notes, List.of());
    }

    /** The same value with more notes (the inputs stay). */
    public IndicatorValue withNotes(List<String> more) {
        List<String> all = new java.util.ArrayList<>(notes);
        more.stream().filter(n -> !all.contains(n)).forEach(all::add);
        return new IndicatorValue(indicator, value, unit, formula, computation, missingInputs, all, inputs);
    }

    public boolean isAvailable() {
        return value != null;
    }
}
