package org.verdant.facts;

import org.verdant.text.Messages.Phrase;

import java.util.List;

/**
 * A value derived from the submission's raw figures, with its formula and the computation with
 * the numbers substituted. When inputs are absent, {@code value} is null and {@code missingInputs}
 * lists the submission fields needed, as field paths (codes); either of two fields is written
 * {@code "A | B"} ({@link #either}). {@code notes} are phrases, written in the reader's language. {@code inputs} names the submission fields the computation
 * read (paths such as {@code site.land_area}), so a trace can point at their lines. The computation
 * is a text of figures, paths and symbols, or a phrase ({@link org.verdant.text.Messages.Phrase})
 * where it needs words, written in the reader's language where shown.
 */
public record IndicatorValue(String indicator, Double value, String unit, String formula, Object computation,
                             List<String> missingInputs, List<Phrase> notes, List<String> inputs) {

    public IndicatorValue(String indicator, Double value, String unit, String formula, Object computation,
                          List<String> missingInputs, List<Phrase> notes) {
        this(indicator, value, unit, formula, computation, missingInputs, notes, List.of());
    }

    /** The same value with more notes (the inputs stay). */
    public IndicatorValue withNotes(List<Phrase> more) {
        List<Phrase> all = new java.util.ArrayList<>(notes);
        more.stream().filter(n -> !all.contains(n)).forEach(all::add);
        return new IndicatorValue(indicator, value, unit, formula, computation, missingInputs, all, inputs);
    }

    /** A missing input that either of two (or more) fields supplies: their paths joined by " | ", as the JSON writes it. */
    public static String either(String... paths) {
        return String.join(" | ", paths);
    }

    public boolean isAvailable() {
        return value != null;
    }
}
