package org.verdant.archive;

import java.time.Instant;
import java.util.Objects;

/**
 * What {@link Archive#store} writes: the submission bytes, the verdict JSON
 * ({@code verdant.verdict/1}) the engine wrote for them, the options the evaluation was asked for,
 * and when it ran. Scheme, edition, facility, year, score, grade, eligibility and the digests are
 * read from the verdict itself, and its input digest must be the submission's sha256.
 *
 * @param file             the submission's file name (as given to the evaluator)
 * @param requestedEdition {@code --edition}, or null
 * @param requestedGrading {@code --grading}, or null
 * @param assessment       the evaluator's assessment the verdict used, or null
 */
public record ArchiveInput(byte[] submission, String file, String verdictJson,
                           String requestedEdition, String requestedGrading, Instant evaluatedAt, EvidenceAssessment assessment) {
    public ArchiveInput(byte[] submission, String file, String verdictJson, String requestedEdition, String requestedGrading, Instant evaluatedAt) {
        this(submission, file, verdictJson, requestedEdition, requestedGrading, evaluatedAt, null);
    }

    public ArchiveInput {
        Objects.requireNonNull(submission, "submission");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(verdictJson, "verdictJson");
        Objects.requireNonNull(evaluatedAt, "evaluatedAt");
    }
}
