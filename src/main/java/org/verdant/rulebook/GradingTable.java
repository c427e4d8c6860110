package org.verdant.rulebook;

import org.verdant.text.Text;
import java.util.List;

/** A grading table applied after scoring: bands of the total score, highest first. */
public record GradingTable(String file, String id, Text title, List<AppliesTo> appliesTo, List<String> requires,
                           String status, String source, List<String> notes, List<Band> bands) {

    public boolean appliesTo(String scheme, String edition) {
        return appliesTo.stream().anyMatch(a -> a.scheme().equals(scheme) && (a.edition() == null || a.edition().equals(edition)));
    }

    public record AppliesTo(String scheme, String edition) {
    }

    /** {@code min} inclusive, {@code below} exclusive (null: no upper bound). */
    public record Band(String label, double min, Double below) {
        public boolean contains(double score) {
            return score >= min && (below == null || score < below);
        }
    }
}
