package org.verdant.archive;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the archive lives: an SQLite file in a data directory, or a database named by a JDBC URL
 * (PostgreSQL for a shared deployment). {@link #resolve} applies the documented precedence.
 */
public record ArchiveLocation(Path dataDir, String jdbcUrl, String user, String password) {
    /** The data directory when nothing names one. */
    public static final Path DEFAULT_DATA_DIR = Path.of("verdant-data");
    /** The archive's file inside a data directory. */
    public static final String FILE_NAME = "verdant-archive.sqlite";

    public ArchiveLocation {
        if ((dataDir == null) == (jdbcUrl == null)) throw new ArchiveException("请给出数据目录或 JDBC URL 之一，不要同时给出", "name a data directory or a JDBC URL, not both");
    }

    public static ArchiveLocation dataDir(Path dir) {
        return new ArchiveLocation(dir, null, null, null);
    }

    public static ArchiveLocation jdbc(String url, String user, String password) {
        return new ArchiveLocation(null, url, user, password);
    }

    /**
     * An explicit directory or URL (at most one), else {@code VERDANT_JDBC_URL} (with
     * {@code VERDANT_JDBC_USER}, {@code VERDANT_JDBC_PASSWORD}), else {@code VERDANT_DATA}, else
     * {@code ./verdant-data}. An explicit URL also takes the user and password from the environment.
     */
    public static ArchiveLocation resolve(Path explicitDir, String explicitUrl, Map<String, String> env) {
        if (explicitDir != null && explicitUrl != null) {
            throw new ArchiveException("请给出数据目录或 JDBC URL 之一，不要同时给出", "name either a data directory or a JDBC URL, not both");
        }
        if (explicitDir != null) return dataDir(explicitDir);
        String user = blankToNull(env.get("VERDANT_JDBC_USER"));
        String password = blankToNull(env.get("VERDANT_JDBC_PASSWORD"));
        if (explicitUrl != null) return jdbc(explicitUrl, user, password);
        String url = blankToNull(env.get("VERDANT_JDBC_URL"));
        if (url != null) return jdbc(url, user, password);
        String dir = blankToNull(env.get("VERDANT_DATA"));
        return dataDir(dir != null ? Path.of(dir) : DEFAULT_DATA_DIR);
    }

    /** The JDBC URL the archive is opened with. */
    public String url() {
        return jdbcUrl != null ? jdbcUrl : "jdbc:sqlite:" + dataDir.resolve(FILE_NAME).toAbsolutePath();
    }

    /** For messages: the file, or the URL without its query (which may carry a password). */
    public String describe() {
        if (dataDir != null) return dataDir.resolve(FILE_NAME).toString();
        int q = jdbcUrl.indexOf('?');
        return q < 0 ? jdbcUrl : jdbcUrl.substring(0, q);
    }

    @Override
    public String toString() {
        return describe();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
