package org.verdant.archive;

import org.verdant.evaluation.Evaluator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The rulebook files an archived verdict used, stored content-addressed beside the archive
 * ({@code rulebook_file} by sha256, {@code rulebook_snapshot} by the verdict's rulebook digest),
 * so a dispute years later re-evaluates under the very rulebook of the original.
 */
public final class RulebookSnapshots {
    private RulebookSnapshots() {
    }

    /**
     * Stores the files (logical path → bytes) under {@code rulebookDigest} unless a snapshot of
     * that digest is already there; a file already stored by its sha256 is not stored again.
     */
    public static void store(Archive archive, String rulebookDigest, Map<String, byte[]> files) {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = archive.connect()) {
                c.setAutoCommit(false);
                try {
                    if (!has(c, rulebookDigest)) {
                        for (Map.Entry<String, byte[]> f : files.entrySet()) {
                            String sha = Evaluator.sha256(f.getValue());
                            if (!hasFile(c, sha)) {
                                TableChain.insert(c, TableChain.Table.RULEBOOK_FILE, Map.of("sha256", sha, "bytes", f.getValue()));
                            }
                            TableChain.insert(c, TableChain.Table.RULEBOOK_SNAPSHOT,
                                    Map.of("rulebook_digest", rulebookDigest, "path", f.getKey(), "sha256", sha));
                        }
                    }
                    c.commit();
                    return;
                } catch (SQLException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                // another writer stored the same snapshot or file first (PostgreSQL): look again
                if (!"23505".equals(e.getSQLState()) || attempt == 3) {
                    throw new ArchiveException("无法保存规则库快照：" + e.getMessage(), "cannot store the rulebook snapshot: " + e.getMessage(), e);
                }
            }
        }
    }

    /** The files of the snapshot {@code rulebookDigest} names (logical path → bytes), or empty when none was stored. */
    public static Optional<Map<String, byte[]>> load(Archive archive, String rulebookDigest) {
        String sql = "SELECT s.path, f.bytes FROM rulebook_snapshot s JOIN rulebook_file f ON f.sha256 = s.sha256 "
                + "WHERE s.rulebook_digest = ? ORDER BY s.path";
        try (Connection c = archive.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, rulebookDigest);
            Map<String, byte[]> out = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), rs.getBytes(2));
            }
            return out.isEmpty() ? Optional.empty() : Optional.of(out);
        } catch (SQLException e) {
            throw new ArchiveException("无法读取规则库快照：" + e.getMessage(), "cannot read the rulebook snapshot: " + e.getMessage(), e);
        }
    }

    private static boolean has(Connection c, String digest) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM rulebook_snapshot WHERE rulebook_digest = ?")) {
            ps.setString(1, digest);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static boolean hasFile(Connection c, String sha) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM rulebook_file WHERE sha256 = ?")) {
            ps.setString(1, sha);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
