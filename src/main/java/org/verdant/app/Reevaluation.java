package org.verdant.app;

import org.verdant.archive.ArchivedEvaluation;
import org.verdant.compare.VerdictComparison;

/** An archived evaluation re-run: the verdict JSON it gives now, and how it compares with the archived one. */
public record Reevaluation(ArchivedEvaluation archived, String verdictJson, VerdictComparison.Result comparison) {
    public boolean identical() {
        return comparison.identical();
    }
}
