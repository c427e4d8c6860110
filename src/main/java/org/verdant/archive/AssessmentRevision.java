package org.verdant.archive;

import java.time.Instant;

/**
 * One assessment an evaluator gave a stored evaluation after it was stored (table
 * assessment_revision, V9): the document's exact bytes and sha256, who gave it and when, and the
 * verdict re-evaluated with it. Revisions of an evaluation are numbered 1, 2, 3, …; the highest is
 * the one in force, the others its history.
 */
public record AssessmentRevision(long evaluationId, long revision, String creditCode, Instant recordedAt, String actor,
                                 EvidenceAssessment assessment, String verdictJson) {
}
