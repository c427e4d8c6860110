package org.verdant.record;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * A reproducible record of one evaluation (format verdant.record/1): the submission's exact
 * bytes, the options given, the rulebook files used with their digests, the engine version, and
 * the JSON verdict with the sha256 of its exact text. Enough to re-run the evaluation years later
 * and say whether, and why, the verdict would differ.
 *
 * @param edition the --edition given, null when evaluation_date chose it
 * @param table   the --table given (GB/T 36132-2025: an indicator table id or file), null when the submission or the default chose it
 * @param grading the --grading given, null for the edition's default
 * @param assessment the evaluator's assessment given (--assessment), null when the claims were taken as made
 * @param evidence   the uploaded evidence files the submission cites by digest, null when it cites none
 */
public record EvaluationRecord(
        String submissionFile,
        byte[] submission,
        String submissionSha256,
        String edition,
        String table,
        String grading,
        String lang,
        String rulebookDigest,
        List<FileDigest> rulebookFiles,
        String engineVersion,
        String verdictSha256,
        JsonNode verdict,
        Attached assessment,
        Evidence evidence) {

    public static final String FORMAT = "verdant.record/1";

    /** A record without an assessment. */
    public EvaluationRecord(String submissionFile, byte[] submission, String submissionSha256, String edition, String table,
                            String grading, String lang, String rulebookDigest, List<FileDigest> rulebookFiles, String engineVersion,
                            String verdictSha256, JsonNode verdict) {
        this(submissionFile, submission, submissionSha256, edition, table, grading, lang, rulebookDigest, rulebookFiles,
                engineVersion, verdictSha256, verdict, null, null);
    }

    /** A record without cited evidence files (as every record made before they could be cited). */
    public EvaluationRecord(String submissionFile, byte[] submission, String submissionSha256, String edition, String table,
                            String grading, String lang, String rulebookDigest, List<FileDigest> rulebookFiles, String engineVersion,
                            String verdictSha256, JsonNode verdict, Attached assessment) {
        this(submissionFile, submission, submissionSha256, edition, table, grading, lang, rulebookDigest, rulebookFiles,
                engineVersion, verdictSha256, verdict, assessment, null);
    }

    /** The same record binding {@code cited} (null: none). */
    public EvaluationRecord withEvidence(Evidence cited) {
        return new EvaluationRecord(submissionFile, submission, submissionSha256, edition, table, grading, lang, rulebookDigest,
                rulebookFiles, engineVersion, verdictSha256, verdict, assessment, cited);
    }

    /**
     * The evidence files the submission cites by digest, each with its size as the archive held it
     * (null when the evaluation had no archive to check them against: {@code checked} false).
     */
    public record Evidence(boolean checked, List<EvidenceDigest> files) {
    }

    /** One cited evidence file: its digest ({@code sha256:…}) and size in bytes (null when not checked). */
    public record EvidenceDigest(String sha256, Long size) {
    }

    /** A document the evaluation was given beside the submission: its name, exact bytes and their sha256 as recorded. */
    public record Attached(String file, byte[] bytes, String sha256) {
    }

    /** A rulebook file (path relative to the rulebook, e.g. rules/…) and the sha256 of its bytes. */
    public record FileDigest(String path, String sha256) {
    }
}
