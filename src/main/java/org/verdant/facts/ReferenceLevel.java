package org.verdant.facts;

import org.verdant.rulebook.Figure;
import org.verdant.text.Messages.Phrase;

import java.util.List;

/**
 * The level one tier of a performance criterion is compared with, in the indicator's unit, and
 * where it came from. When it cannot be found, {@code value} is null and {@code missing} says
 * what would supply it. {@code inputs} are the submission fields it was read or corrected from.
 * Origin, missing and warnings are phrases, written in the reader's language where they are shown.
 */
public record ReferenceLevel(String criterionId, String tier, Double value, String unit, Phrase origin, String source,
                             String status, List<Figure> figures, Phrase missing, List<Phrase> warnings, List<String> inputs) {

    public ReferenceLevel(String criterionId, String tier, Double value, String unit, Phrase origin, String source,
                          String status, List<Figure> figures, Phrase missing, List<Phrase> warnings) {
        this(criterionId, tier, value, unit, origin, source, status, figures, missing, warnings, List.of());
    }

    public boolean isAvailable() {
        return value != null;
    }

    public boolean isReachedBy(IndicatorValue v, PerformanceIndicator p) {
        return value != null && v.value() != null && p.reaches(v.value(), value);
    }
}
