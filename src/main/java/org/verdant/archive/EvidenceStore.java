package org.verdant.archive;

import org.verdant.evaluation.Evaluator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The archive's evidence files: each stored once under the sha256 of its bytes, never changed or
 * taken out (the schema refuses both), at most {@link #MAX_SIZE} bytes, and only a PDF, PNG,
 * JPEG, xlsx workbook or CSV table as its bytes show ({@link EvidenceType}).
 */
public final class EvidenceStore {
    /** 20 MiB: a scanned certificate or a year's metering workbook fits; a video does not. */
    public static final long MAX_SIZE = 20L * 1024 * 1024;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Archive archive;

    public EvidenceStore(Archive archive) {
        this.archive = archive;
    }

    /** A file with its bytes, as stored. */
    public record Stored(EvidenceFile file, byte[] bytes) {
    }

    /**
     * Checks a file and stores it unless the archive has it already; either way returns it as
     * stored. {@code name} (may be null) is what the file claims to be: a name whose extension
     * says another type than the bytes is refused.
     *
     * @throws EvidenceRefused if the file is empty, too large, of a kind not kept, or not what its name says
     */
    public EvidenceFile put(byte[] bytes, String name) {
        EvidenceType type = check(bytes, name);
        String digest = Evaluator.sha256(bytes);
        Instant at = Instant.ofEpochMilli(System.currentTimeMillis());
        try (Connection c = archive.connect()) {
            // chained (V8): under the table's write lock, a file already there is not written again
            c.setAutoCommit(false);
            TableChain.lock(c, TableChain.Table.EVIDENCE_BLOB);
            boolean there;
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM evidence_blob WHERE sha256 = ?")) {
                ps.setString(1, digest);
                try (ResultSet rs = ps.executeQuery()) {
                    there = rs.next();
                }
            }
            if (!there) {
                TableChain.insert(c, TableChain.Table.EVIDENCE_BLOB, java.util.Map.of("sha256", digest, "media_type", type.mediaType(),
                        "size", (long) bytes.length, "bytes", bytes, "stored_at", TIME.format(at)));
            }
            c.commit();
        } catch (SQLException e) {
            throw failure("无法保存证据文件 " + digest, "cannot store the evidence file " + digest, e);
        }
        return find(digest).orElseThrow(() -> new ArchiveException("证据文件 " + digest + " 保存后读不到", "evidence file " + digest + " is not there after storing it"));
    }

    /** The type of an acceptable evidence file; refuses one the archive would not keep. */
    public static EvidenceType check(byte[] bytes, String name) {
        String shown = name == null ? "" : "“" + name + "”";
        String shownEn = name == null ? "the file" : "'" + name + "'";
        if (bytes.length == 0) throw new EvidenceRefused("证据文件" + shown + "是空的", shownEn + " is empty");
        if (bytes.length > MAX_SIZE) {
            throw new EvidenceRefused("证据文件" + shown + "有 " + bytes.length + " 字节，超过上限 " + MAX_SIZE + " 字节（20 MiB）",
                    shownEn + " has " + bytes.length + " bytes, more than the limit of " + MAX_SIZE + " bytes (20 MiB)");
        }
        EvidenceType type = EvidenceType.of(bytes).orElseThrow(() -> new EvidenceRefused(
                "证据文件" + shown + "按其内容不是 PDF、PNG、JPEG、xlsx 或 CSV 文件",
                shownEn + " is by its content not a PDF, PNG, JPEG, xlsx or CSV file"));
        Optional<EvidenceType> claimed = EvidenceType.claimedBy(name);
        if (claimed.isPresent() && claimed.get() != type) {
            throw new EvidenceRefused("证据文件" + shown + "名为" + claimed.get().zh() + "，但其内容是" + type.zh(),
                    shownEn + " is named as a " + claimed.get().en() + " but its content is a " + type.en());
        }
        return type;
    }

    /** The file stored under {@code sha256} ({@code sha256:…}), without its bytes. */
    public Optional<EvidenceFile> find(String sha256) {
        List<EvidenceFile> found = query("SELECT sha256, media_type, size, stored_at FROM evidence_blob WHERE sha256 = ?", sha256);
        return found.stream().findFirst();
    }

    /** The file stored under {@code sha256}, with its bytes. */
    public Optional<Stored> get(String sha256) {
        try (Connection c = archive.connect();
             PreparedStatement ps = c.prepareStatement("SELECT sha256, media_type, size, stored_at, bytes FROM evidence_blob WHERE sha256 = ?")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new Stored(file(rs), rs.getBytes("bytes")));
            }
        } catch (SQLException e) {
            throw failure("无法读取证据文件 " + sha256, "cannot read the evidence file " + sha256, e);
        }
    }

    /** Every stored file, in the order stored. */
    public List<EvidenceFile> list() {
        return query("SELECT sha256, media_type, size, stored_at FROM evidence_blob ORDER BY stored_at, sha256", null);
    }

    private List<EvidenceFile> query(String sql, String arg) {
        try (Connection c = archive.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (arg != null) ps.setString(1, arg);
            List<EvidenceFile> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(file(rs));
            }
            return out;
        } catch (SQLException e) {
            throw failure("无法读取证据文件", "cannot read the evidence files", e);
        }
    }

    private static EvidenceFile file(ResultSet rs) throws SQLException {
        String media = rs.getString("media_type");
        EvidenceType type = EvidenceType.ofMediaType(media)
                .orElseThrow(() -> new ArchiveException("档案库中的证据类型“" + media + "”未知", "unknown evidence type '" + media + "' in the archive"));
        return new EvidenceFile(rs.getString("sha256"), type, rs.getLong("size"), Instant.parse(rs.getString("stored_at")));
    }

    private ArchiveException failure(String zh, String en, SQLException e) {
        String why = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("").strip();
        return new ArchiveException(zh + "（" + archive.location().describe() + "）：" + why, en + " (" + archive.location().describe() + "): " + why, e);
    }
}
