package org.verdant.verdict;

import org.verdant.findings.Finding;
import org.verdant.rulebook.Figure;
import org.verdant.rulebook.Scorecard;
import org.verdant.submission.Submission;

import java.util.List;

/**
 * Stage 4: the graded outcome of one evaluation. Scores are unrounded here; rendering rounds.
 */
public record Verdict(
        Submission submission,
        Scorecard scorecard,
        boolean eligible,
        boolean mandatoryMet,
        double score,
        Grade grade,
        List<CategoryResult> categories,
        List<Judged> gates,
        List<Judged> criteria,
        List<Warning> warnings,
        String rulebookDigest,
        List<String> rulebookParts,
        List<String> rulebookFiles,
        String inputDigest,
        String engineVersion) {

    /** A finding beside the scorecard entry it judged. */
    public record Judged(String id, String category, String type, org.verdant.rulebook.Text name, String clause,
                         Finding finding, Figure pointsFigure) {
    }

    public record CategoryResult(Scorecard.CategorySpec spec, double points, double max, double score, double weighted) {
    }

    /** The grading table applied (null table: none selected), its label, and why none applies. */
    public record Grade(String tableId, org.verdant.rulebook.Text tableTitle, String label, String whyNone) {
    }

    /**
     * Something the reader must know: a provisional or placeholder figure relied on, a missing
     * reference, an assumption. {@code key} and {@code args} render in the reader's language.
     */
    public record Warning(String code, String criterion, Figure figure, String key, List<Object> args) {
    }
}
