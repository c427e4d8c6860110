package org.verdant.facts;

import org.verdant.rulebook.Figure;
import org.verdant.text.Messages.Phrase;

import java.util.List;

/**
 * A scaled indicator scored in parts: GB/T 36132-2025 E1 per product, each product against its
 * own energy-limit levels and weighted by its share of the covered products' energy use.
 */
public record ScaledParts(String criterionId, String form, List<Part> parts, List<String> missingInputs,
                          List<Phrase> warnings, List<Figure> figures) {

    /** One product compared with its levels; {@code inputs} are the submission fields its value and levels were read from. */
    public record Part(String product, String path, double value, String unit, String computation, double baseline,
                       Phrase baselineOrigin, double leading, Phrase leadingOrigin, double weightShare,
                       Phrase weightComputation, List<String> inputs) {
    }

    public boolean isComplete() {
        return missingInputs.isEmpty() && !parts.isEmpty();
    }
}
