package org.verdant.archive;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The assessments given to stored evaluations ({@link AssessmentRevision}), append-only: a new
 * assessment is a new revision, never an overwrite (the schema's triggers refuse both), and every
 * row is in the archive's table chain so {@code archive verify --all} proves them unchanged.
 */
public final class AssessmentRevisions {
    private static final String COLUMNS = "evaluation_id, revision, credit_code, recorded_at, actor, file, sha256, bytes, verdict_json";

    private AssessmentRevisions() {
    }

    /** Appends the next revision of evaluation {@code evaluationId}'s assessment. */
    public static AssessmentRevision append(Archive archive, long evaluationId, String creditCode, String actor, EvidenceAssessment a,
                                            String verdictJson) {
        Instant at = Instant.ofEpochMilli(Instant.now().toEpochMilli());
        try (Connection c = archive.connect()) {
            c.setAutoCommit(false);
            try {
                // the chain's lock also keeps two writers from taking the same revision number
                TableChain.lock(c, TableChain.Table.ASSESSMENT_REVISION);
                long revision;
                try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(revision), 0) FROM assessment_revision WHERE evaluation_id = ?")) {
                    ps.setLong(1, evaluationId);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        revision = rs.getLong(1) + 1;
                    }
                }
                Map<String, Object> row = new HashMap<>();
                row.put("evaluation_id", evaluationId);
                row.put("revision", revision);
                row.put("credit_code", creditCode);
                row.put("recorded_at", Archive.TIME.format(at));
                row.put("actor", actor);
                row.put("file", a.file());
                row.put("sha256", a.sha256());
                row.put("bytes", a.bytes());
                row.put("verdict_json", verdictJson);
                TableChain.insert(c, TableChain.Table.ASSESSMENT_REVISION, row);
                c.commit();
                return new AssessmentRevision(evaluationId, revision, creditCode, at, actor, a, verdictJson);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new ArchiveException("无法保存评价意见：" + e.getMessage(), "cannot store the assessment: " + e.getMessage(), e);
        }
    }

    /** Every revision of evaluation {@code evaluationId}'s assessment, oldest first; empty when none was given. */
    public static List<AssessmentRevision> of(Archive archive, long evaluationId) {
        try (Connection c = archive.connect();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM assessment_revision WHERE evaluation_id = ? ORDER BY revision")) {
            ps.setLong(1, evaluationId);
            List<AssessmentRevision> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AssessmentRevision(rs.getLong(1), rs.getLong(2), rs.getString(3), Instant.parse(rs.getString(4)), rs.getString(5),
                            new EvidenceAssessment(rs.getString(6), rs.getBytes(8), rs.getString(7)), rs.getString(9)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new ArchiveException("无法读取评价意见：" + e.getMessage(), "cannot read the assessments: " + e.getMessage(), e);
        }
    }
}
