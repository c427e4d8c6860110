package org.verdant.archive;

import org.verdant.evaluation.Evaluator;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The disputes' steps in the archive ({@code dispute_step}), append-only like the evaluations:
 * a dispute is opened by its objection and grows by appending; nothing is updated or deleted
 * (the schema's triggers refuse both).
 */
public final class DisputeSteps {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    /** The PostgreSQL advisory lock dispute writers take ("dispute" in ASCII). */
    private static final long PG_DISPUTE_LOCK = 0x64697370757465L;
    private static final String COLUMNS = "dispute_id, seq, evaluation_id, credit_code, kind, recorded_at, actor, content, content_sha256, previous_sha256";

    private DisputeSteps() {
    }

    /**
     * Opens a dispute with its objection: a new dispute id (MAX + 1, gap-free like the records).
     * {@code content} receives the previous step's sha256 (null: there is none) and gives the JSON to store.
     */
    public static DisputeStep open(Archive archive, long evaluationId, String creditCode, String actor, Instant at,
                                   Function<String, String> content) {
        return write(archive, c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(dispute_id), 0) FROM dispute_step");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1) + 1;
            }
            return insert(c, id, 1, evaluationId, creditCode, DisputeStep.OBJECTION, at, actor, null, content.apply(null));
        });
    }

    /** Appends a step to dispute {@code disputeId}, chained to its last step. */
    public static DisputeStep append(Archive archive, long disputeId, String kind, String actor, Instant at, Function<String, String> content) {
        return write(archive, c -> {
            List<DisputeStep> steps = steps(c, disputeId);
            if (steps.isEmpty()) throw new ArchiveException("没有异议 " + disputeId, "no dispute " + disputeId);
            DisputeStep last = steps.get(steps.size() - 1);
            return insert(c, disputeId, last.seq() + 1, last.evaluationId(), last.creditCode(), kind, at, actor,
                    last.contentSha256(), content.apply(last.contentSha256()));
        });
    }

    /** A dispute's steps in order; empty when there is no such dispute. */
    public static List<DisputeStep> steps(Archive archive, long disputeId) {
        try (Connection c = archive.connect()) {
            return steps(c, disputeId);
        } catch (SQLException e) {
            throw new ArchiveException("无法读取异议 " + disputeId + "：" + e.getMessage(), "cannot read dispute " + disputeId + ": " + e.getMessage(), e);
        }
    }

    /** Every step of every dispute about a facility's records, by dispute and step. */
    public static List<DisputeStep> forFacility(Archive archive, String creditCode) {
        return query(archive, "SELECT " + COLUMNS + " FROM dispute_step WHERE credit_code = ? ORDER BY dispute_id, seq", creditCode);
    }

    /** Every step of every dispute about one record, by dispute and step. */
    public static List<DisputeStep> forEvaluation(Archive archive, long evaluationId) {
        return query(archive, "SELECT " + COLUMNS + " FROM dispute_step WHERE evaluation_id = ? ORDER BY dispute_id, seq", evaluationId);
    }

    private static List<DisputeStep> query(Archive archive, String sql, Object arg) {
        try (Connection c = archive.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, arg);
            return read(ps);
        } catch (SQLException e) {
            throw new ArchiveException("无法读取异议：" + e.getMessage(), "cannot read the disputes: " + e.getMessage(), e);
        }
    }

    private static List<DisputeStep> steps(Connection c, long disputeId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM dispute_step WHERE dispute_id = ? ORDER BY seq")) {
            ps.setLong(1, disputeId);
            return read(ps);
        }
    }

    private static List<DisputeStep> read(PreparedStatement ps) throws SQLException {
        List<DisputeStep> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new DisputeStep(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        Instant.parse(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10)));
            }
        }
        return out;
    }

    private static DisputeStep insert(Connection c, long id, int seq, long evaluationId, String creditCode, String kind, Instant at,
                                      String actor, String previous, String content) throws SQLException {
        Instant ms = Instant.ofEpochMilli(at.toEpochMilli());
        String sha = Evaluator.sha256(content.getBytes(StandardCharsets.UTF_8));
        java.util.Map<String, Object> row = new java.util.HashMap<>();
        row.put("dispute_id", id);
        row.put("seq", seq);
        row.put("evaluation_id", evaluationId);
        row.put("credit_code", creditCode);
        row.put("kind", kind);
        row.put("recorded_at", TIME.format(ms));
        row.put("actor", actor);
        row.put("content", content);
        row.put("content_sha256", sha);
        row.put("previous_sha256", previous); // null for the objection
        TableChain.insert(c, TableChain.Table.DISPUTE_STEP, row);
        return new DisputeStep(id, seq, evaluationId, creditCode, kind, ms, actor, content, sha, previous);
    }

    private interface Write {
        DisputeStep run(Connection c) throws SQLException;
    }

    private static DisputeStep write(Archive archive, Write w) {
        SQLException last = null;
        for (int attempt = 1; attempt <= 5; attempt++) {
            try (Connection c = archive.connect()) {
                c.setAutoCommit(false);
                try {
                    if (c.getMetaData().getURL().startsWith("jdbc:postgresql:")) {
                        try (Statement st = c.createStatement()) {
                            st.execute("SELECT pg_advisory_xact_lock(" + PG_DISPUTE_LOCK + ")");
                        }
                    }
                    DisputeStep s = w.run(c);
                    c.commit();
                    return s;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                // two writers took the same step number (a writer without the lock): try again
                if (!"23505".equals(e.getSQLState())) {
                    throw new ArchiveException("无法保存异议：" + e.getMessage(), "cannot store the dispute: " + e.getMessage(), e);
                }
                last = e;
            }
        }
        throw new ArchiveException("无法保存异议：" + last.getMessage(), "cannot store the dispute: " + last.getMessage(), last);
    }
}
