package org.verdant.dispute;

import java.util.List;
import java.util.Objects;

/**
 * What an enterprise or its evaluator objects to in a stored evaluation: the criteria (gate and
 * criterion ids of the verdict), why, the new evidence (named documents) and, optionally,
 * corrected figures as a whole corrected submission.
 *
 * @param correctedFile the corrected submission's file name, or null when no figures are corrected
 * @param corrected     the corrected submission's bytes, or null
 */
public record Objection(List<String> criteria, String reason, List<String> evidence, String correctedFile, byte[] corrected) {
    public Objection {
        criteria = List.copyOf(criteria);
        evidence = List.copyOf(evidence);
        Objects.requireNonNull(reason, "reason");
        if ((correctedFile == null) != (corrected == null)) throw new IllegalArgumentException("a corrected submission needs its name and bytes");
    }

    public boolean hasCorrection() {
        return corrected != null;
    }
}
