package org.verdant.archive;

import org.verdant.evaluation.Evaluator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The evaluator's assessment an archived evaluation was given (verdant.assessment/1): its file
 * name, exact bytes and their sha256, kept beside the evaluation (table evaluation_assessment) so
 * the archived verdict can be reproduced.
 */
public record EvidenceAssessment(String file, byte[] bytes, String sha256) {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    public EvidenceAssessment(String file, byte[] bytes) {
        this(file, bytes.clone(), Evaluator.sha256(bytes));
    }

    /** Refuses an assessment that is not the one the verdict names (or a verdict that names one not given). */
    static void check(EvidenceAssessment a, String verdictJson) {
        String named;
        try {
            named = JSON.readTree(verdictJson).path("assessment").path("digest").asText(null);
        } catch (java.io.IOException e) {
            return; // the archive refuses a verdict that is not JSON itself
        }
        if (a == null && named != null) {
            throw new ArchiveException("评价结果依据评价意见 " + named + "，但未随附该评价意见",
                    "the verdict relies on assessment " + named + " but it was not given");
        }
        if (a != null && !a.sha256().equals(named)) {
            throw new ArchiveException("评价意见的摘要 " + a.sha256() + " 不是评价结果中的 " + named,
                    "the assessment's digest " + a.sha256() + " is not the verdict's " + named);
        }
    }

    /** Writes it in the evaluation's own transaction (nothing for none). */
    static void insert(Connection c, long evaluationId, EvidenceAssessment a) throws SQLException {
        if (a == null) return;
        TableChain.insert(c, TableChain.Table.EVALUATION_ASSESSMENT,
                java.util.Map.of("evaluation_id", evaluationId, "file", a.file(), "sha256", a.sha256(), "bytes", a.bytes()));
    }

    /** The assessment of evaluation {@code evaluationId}, or null when it was given none. */
    static EvidenceAssessment read(Connection c, long evaluationId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT file, sha256, bytes FROM evaluation_assessment WHERE evaluation_id = ?")) {
            ps.setLong(1, evaluationId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new EvidenceAssessment(rs.getString("file"), rs.getBytes("bytes"), rs.getString("sha256")) : null;
            }
        }
    }
}
