package org.verdant.archive;

/**
 * One archived evaluation in full: its entry, the submission bytes exactly as evaluated, the
 * verdict JSON exactly as written, and what the evaluation was asked for.
 *
 * @param requestedEdition the {@code --edition} given, or null (chosen by evaluation_date)
 * @param requestedGrading the {@code --grading} given, or null (the edition's default)
 * @param lang             the language the verdict JSON was written in
 * @param assessment       the evaluator's assessment it was given, or null
 */
public record ArchivedEvaluation(ArchiveEntry entry, byte[] submission, String verdictJson,
                                 String lang, String requestedEdition, String requestedGrading, EvidenceAssessment assessment) {
    public ArchivedEvaluation(ArchiveEntry entry, byte[] submission, String verdictJson, String lang, String requestedEdition,
                              String requestedGrading) {
        this(entry, submission, verdictJson, lang, requestedEdition, requestedGrading, null);
    }
}
