package org.verdant.verdict;

import org.verdant.findings.Finding;
import org.verdant.rulebook.Figure;
import org.verdant.rulebook.Scorecard;
import org.verdant.submission.Submission;

import java.util.List;

/**
 * Stage 4: the graded outcome of one evaluation. Scores are unrounded here; rendering rounds.
 * {@code sources} are the citations of the rulebook it was judged by, in both languages: renderers
 * for people read each figure's source from them (the figures carry the English text).
 */
public record Verdict(
        Submission submission,
        Scorecard scorecard,
        Boolean eligible,
        boolean mandatoryMet,
        Double score,
        Grade grade,
        List<CategoryResult> categories,
        List<Judged> gates,
        List<Judged> criteria,
        List<Warning> warnings,
        String rulebookDigest,
        List<String> rulebookParts,
        List<String> rulebookFiles,
        String inputDigest,
        String engineVersion,
        GreenIndex greenIndex,
        org.verdant.rulebook.RuleIndex rulebookIndex,
        org.verdant.rulebook.Sources sources,
        org.verdant.assessment.Assessment assessment) {

    /** The same verdict reached with an evaluator's assessment of the claims (null: none). */
    public Verdict withAssessment(org.verdant.assessment.Assessment a) {
        return new Verdict(submission, scorecard, eligible, mandatoryMet, score, grade, categories, gates, criteria, warnings,
                rulebookDigest, rulebookParts, rulebookFiles, inputDigest, engineVersion, greenIndex, rulebookIndex, sources, a);
    }

    /** Eligibility: true, false, or null when a core gate's threshold is not defined for the facility (nothing guessed). */
    public boolean isEligible() {
        return Boolean.TRUE.equals(eligible);
    }

    public boolean hasScore() {
        return score != null;
    }

    /** A finding beside the scorecard entry it judged. */
    public record Judged(String id, String category, String type, org.verdant.text.Text name, String clause,
                         Finding finding, Figure pointsFigure) {
    }

    /** A category's points; {@code score} and {@code weighted} are null where the scorecard weighs nothing. */
    public record CategoryResult(Scorecard.CategorySpec spec, double points, double max, Double score, Double weighted) {
    }

    /** The grading table applied (null table: none selected), its label, and why none applies. */
    public record Grade(String tableId, org.verdant.text.Text tableTitle, String label, String whyNone) {
    }

    /**
     * Something the reader must know: a provisional or placeholder figure relied on, a missing
     * reference, an assumption. {@code key} and {@code args} render in the reader's language.
     */
    public record Warning(String code, String criterion, Figure figure, String key, List<Object> args) {
    }
}
