package org.verdant.archive;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.verdant.evaluation.Evaluator;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The evaluation archive: every archived evaluation with its submission bytes and verdict JSON,
 * append-only. There is no update or delete here, and the schema refuses both (triggers).
 *
 * <p>An SQLite file in a data directory ({@link #open(Path)}) serves one machine; a PostgreSQL
 * database ({@link #open(String, String, String)}) serves a shared deployment. The schema is
 * migrated with Flyway when the archive is opened. Each call opens its own connection, so one
 * {@code Archive} may be shared between threads.
 */
public final class Archive implements AutoCloseable {
    /** Strict: a verdict with a key given twice could say one score to one reader and another to the next. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** The one timestamp format of the archive's tables (UTC, milliseconds); the accounts' tables use it too. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final String VERDICT_FORMAT = "verdant.verdict/1";
    private static final int ATTEMPTS = 5;
    /** The PostgreSQL advisory lock writers take ("verdant" in ASCII). */
    private static final long PG_WRITE_LOCK = 0x76657264616e74L;

    private static final String ENTRY_COLUMNS = "id, previous_id, evaluated_at, scheme, edition, credit_code, facility_name, industry, "
            + "province, reporting_year, eligible, mandatory_met, score, grade, input_file, input_digest, rulebook_digest, engine_version";

    /** The databases the archive runs on: the migrations' folder and the type of the submission bytes. */
    enum Vendor {
        SQLITE("sqlite", "BLOB"), POSTGRESQL("postgresql", "BYTEA");

        final String folder;
        final String bytesType;

        Vendor(String folder, String bytesType) {
            this.folder = folder;
            this.bytesType = bytesType;
        }

        static Vendor of(String url) {
            if (url.startsWith("jdbc:sqlite:")) return SQLITE;
            if (url.startsWith("jdbc:postgresql:")) return POSTGRESQL;
            String shown = ArchiveLocation.jdbc(url, null, null).describe();
            throw new ArchiveException("不支持的 JDBC 地址“" + shown + "”：档案库使用 SQLite（jdbc:sqlite:文件）或 PostgreSQL（jdbc:postgresql://主机/数据库）",
                    "unsupported JDBC URL '" + shown + "': the archive runs on SQLite (jdbc:sqlite:FILE) and PostgreSQL (jdbc:postgresql://HOST/DB)");
        }
    }

    private final ArchiveLocation location;
    private final Vendor vendor;

    private Archive(ArchiveLocation location) {
        this.location = location;
        this.vendor = Vendor.of(location.url());
    }

    /** Opens (creating it if need be) the SQLite archive in a data directory. */
    public static Archive open(Path dataDir) {
        return open(ArchiveLocation.dataDir(dataDir), true);
    }

    /** Opens the archive at a JDBC URL (user and password may be in the URL). */
    public static Archive open(String jdbcUrl) {
        return open(ArchiveLocation.jdbc(jdbcUrl, null, null), true);
    }

    public static Archive open(String jdbcUrl, String user, String password) {
        return open(ArchiveLocation.jdbc(jdbcUrl, user, password), true);
    }

    /**
     * Opens the archive at {@code location} and brings its schema up to date. With
     * {@code create} false a data directory without an archive file is an error rather than a
     * new, empty archive (for commands that only read).
     */
    public static Archive open(ArchiveLocation location, boolean create) {
        if (location.dataDir() != null) {
            Path file = location.dataDir().resolve(ArchiveLocation.FILE_NAME);
            if (!create && !Files.isRegularFile(file)) {
                throw new ArchiveException(file + " 处没有档案库（用 --archive 评价一次即可建立）",
                        "no archive at " + file + " (evaluate with --archive to start one)");
            }
            try {
                Files.createDirectories(location.dataDir());
            } catch (IOException e) {
                throw new ArchiveException("无法创建数据目录 " + location.dataDir() + "：" + e.getMessage(),
                        "cannot create the data directory " + location.dataDir() + ": " + e.getMessage(), e);
            }
        }
        Archive archive = new Archive(location);
        archive.migrate();
        return archive;
    }

    public ArchiveLocation location() {
        return location;
    }

    /** One migration at a time on an SQLite file: a lock file across processes, a monitor within this one. */
    private void migrate() {
        if (vendor != Vendor.SQLITE || location.dataDir() == null) {
            runMigrations();
            return;
        }
        Path lockFile = location.dataDir().resolve(ArchiveLocation.FILE_NAME + ".lock");
        synchronized (Archive.class) {
            try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = ch.lock()) {
                runMigrations();
            } catch (IOException e) {
                throw new ArchiveException("无法锁定 " + lockFile + "：" + e.getMessage(), "cannot lock " + lockFile + ": " + e.getMessage(), e);
            }
        }
    }

    private void runMigrations() {
        try {
            Flyway.configure(Archive.class.getClassLoader())
                    .dataSource(location.url(), location.user(), location.password())
                    .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor.folder)
                    .placeholders(Map.of("bytes_type", vendor.bytesType))
                    .javaMigrations(new ChainMigration(vendor), new TableChainMigration(vendor))
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            if (notADatabase(e)) {
                // Flyway says only that it could not check its history table
                throw new ArchiveException(location.describe() + " 不是档案库：文件已损坏或不是 SQLite 数据库；请从备份恢复（archive import）",
                        location.describe() + " is not an archive: the file is damaged or not an SQLite database; restore it from a backup (archive import)", e);
            }
            throw new ArchiveException("无法打开 " + location.describe() + " 处的档案库：" + firstLine(e.getMessage()),
                    "cannot open the archive at " + location.describe() + ": " + firstLine(e.getMessage()), e);
        }
    }

    /** SQLite's answer for a file that is not (or no longer) a database, somewhere under Flyway's own exception. */
    private static boolean notADatabase(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            String m = c.getMessage();
            if (m != null && (m.contains("SQLITE_NOTADB") || m.contains("file is not a database") || m.contains("SQLITE_CORRUPT"))) return true;
        }
        return false;
    }

    /**
     * Appends one evaluation and returns its entry. A record already archived for the same
     * scheme, credit code and reporting year becomes its {@code previousId}.
     *
     * @throws ArchiveException if the verdict is not a {@code verdant.verdict/1} JSON of this
     *                          submission (its input digest must be the bytes' sha256), or the
     *                          database fails
     */
    public ArchiveEntry store(ArchiveInput input) {
        Fields f = Fields.read(input.verdictJson());
        String digest = Evaluator.sha256(input.submission());
        if (!digest.equals(f.inputDigest)) {
            throw new ArchiveException("评价结果的输入摘要 " + f.inputDigest + " 与申报材料的摘要（" + digest + "）不符",
                    "the verdict's input digest " + f.inputDigest + " is not the submission's (" + digest + ")");
        }
        EvidenceAssessment.check(input.assessment(), input.verdictJson());
        Instant at = Instant.ofEpochMilli(input.evaluatedAt().toEpochMilli());
        SQLException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try (Connection c = connect()) {
                c.setAutoCommit(false);
                try {
                    if (vendor == Vendor.POSTGRESQL) {
                        // Writers queue on one transaction lock (readers are not held up), so MAX(id) + 1 is free when inserted.
                        try (Statement st = c.createStatement()) {
                            st.execute("SELECT pg_advisory_xact_lock(" + PG_WRITE_LOCK + ")");
                        }
                    }
                    long id = nextId(c);
                    Long previous = chainHead(c, f.scheme, f.creditCode, f.reportingYear);
                    insert(c, row(id, previous, at, f, input).chained(lastHash(c)));
                    EvidenceAssessment.insert(c, id, input.assessment());
                    c.commit();
                    return new ArchiveEntry(id, previous, at, f.scheme, f.edition, f.creditCode, f.facilityName, f.industry,
                            f.province, f.reportingYear, f.eligible, f.mandatoryMet, f.score, f.grade, input.file(),
                            f.inputDigest, f.rulebookDigest, f.engineVersion);
                } catch (SQLException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                // Two writers took the same id or the same previous record (a writer without the lock): try again.
                if (!"23505".equals(e.getSQLState())) throw failure("无法保存评价", "cannot store the evaluation", e);
                last = e;
            }
        }
        throw failure("尝试 " + ATTEMPTS + " 次后仍无法保存评价", "cannot store the evaluation after " + ATTEMPTS + " attempts", last);
    }

    /** One archived evaluation in full, or empty when there is no record with that id. */
    public Optional<ArchivedEvaluation> get(long id) {
        String sql = "SELECT " + ENTRY_COLUMNS + ", submission, verdict_json, lang, requested_edition, requested_grading "
                + "FROM evaluation WHERE id = ?";
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                ArchiveEntry entry = entry(rs);
                return Optional.of(new ArchivedEvaluation(entry, rs.getBytes("submission"), rs.getString("verdict_json"),
                        rs.getString("lang"), rs.getString("requested_edition"), rs.getString("requested_grading"),
                        EvidenceAssessment.read(c, id)));
            }
        } catch (SQLException e) {
            throw failure("无法读取记录 " + id, "cannot read record " + id, e);
        }
    }

    /** Every record of a facility (any scheme), by scheme, reporting year and then archiving order. */
    public List<ArchiveEntry> history(String creditCode) {
        return query("SELECT " + ENTRY_COLUMNS + " FROM evaluation WHERE credit_code = ? ORDER BY scheme, reporting_year, id",
                List.of(creditCode));
    }

    /** The records matching a filter, in archiving order (by id). */
    public List<ArchiveEntry> list(ArchiveQuery q) {
        StringBuilder sql = new StringBuilder("SELECT " + ENTRY_COLUMNS + " FROM evaluation WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (q.creditCode() != null) {
            sql.append(" AND credit_code = ?");
            args.add(q.creditCode());
        }
        if (q.year() != null) {
            sql.append(" AND reporting_year = ?");
            args.add(q.year());
        }
        if (q.scheme() != null) {
            sql.append(" AND scheme = ?");
            args.add(q.scheme());
        }
        if (q.industry() != null) {
            sql.append(" AND SUBSTR(industry, 1, ").append(q.industry().length()).append(") = ?");
            args.add(q.industry());
        }
        sql.append(" ORDER BY id");
        return query(sql.toString(), args);
    }

    /** {@link #list(ArchiveQuery)} by reporting year, scheme and industry prefix (each may be null). */
    public List<ArchiveEntry> list(Integer year, String scheme, String industry) {
        return list(new ArchiveQuery(null, year, scheme, industry));
    }

    /**
     * Checks the whole archive in id order (see {@link ChainCheck}): the hash chain, every row's
     * hash over its columns, the indexed columns against the verdict, gap-free ids and one line per
     * facility-year; then the chain of every other append-only table ({@link TableChain}). {@code head}, when given, is a chain head noted earlier: the chain must still
     * pass through it, which shows records removed from the end.
     */
    public ArchiveIntegrity verifyAll(String head) {
        return verifyAgainst(head == null ? Map.of() : Map.of(ArchiveIntegrity.Break.EVALUATION, head));
    }

    /**
     * {@link #verifyAll(String)} with a head noted earlier for any chained table, by name
     * ({@code evaluation}, {@code access_log}, …): each table's chain must still pass through its
     * head, so rows cut from the end of any table show.
     *
     * @throws ArchiveException for a name that is no chained table
     */
    public ArchiveIntegrity verifyAgainst(Map<String, String> headsAsked) {
        for (String name : headsAsked.keySet()) {
            if (!name.equals(ArchiveIntegrity.Break.EVALUATION) && TableChain.Table.named(name) == null) {
                throw new ArchiveException("没有名为 " + name + " 的链表（可用：" + TableChain.Table.names() + "）",
                        "no chained table named " + name + " (there are: " + TableChain.Table.names() + ")");
            }
        }
        ChainCheck check = new ChainCheck(headsAsked.get(ArchiveIntegrity.Break.EVALUATION));
        Map<Long, String> rowHashes = new java.util.HashMap<>();
        forEachRow(r -> {
            check.accept(r);
            rowHashes.put(r.id(), r.rowHash());
        });
        ArchiveIntegrity evaluations = check.result();
        List<ArchiveIntegrity.Break> breaks = new ArrayList<>(evaluations.breaks());
        Map<String, String> heads = new java.util.LinkedHashMap<>();
        heads.put(ArchiveIntegrity.Break.EVALUATION, evaluations.head());
        try (Connection c = connect()) {
            for (TableChain.Table t : TableChain.Table.values()) {
                TableChain.Walk walk = TableChain.check(c, t, headsAsked.get(t.name));
                breaks.addAll(walk.breaks());
                heads.put(t.name, walk.head());
                if (TableChain.Table.BOUND.contains(t)) breaks.addAll(TableChain.bindings(c, t, rowHashes));
            }
        } catch (SQLException e) {
            throw failure("无法读取档案库", "cannot read the archive", e);
        }
        return new ArchiveIntegrity(evaluations.records(), evaluations.lastId(), evaluations.head(), List.copyOf(breaks),
                evaluations.headAsked(), evaluations.headFound(), java.util.Collections.unmodifiableMap(heads));
    }

    /**
     * Imports a bundle ({@link ArchiveBundle}) after checking it whole: into an empty archive, or
     * appending the records after this archive's last when the bundle holds this archive's records
     * first (its row hash at this archive's last id is this archive's head, so both chains are one).
     * A {@code /2} bundle's other tables join the same way, each by its own chain: the bundle's row
     * at this table's last chain_seq must be this table's last row. Nothing is written unless
     * everything checks; every row goes in, as it was hashed, in one transaction.
     */
    public ArchiveImport importBundle(Path bundle) {
        ArchiveBundle.Contents contents = ArchiveBundle.read(bundle);
        if (!contents.integrity().intact()) return new ArchiveImport(0, 0, null, contents.integrity().first(), false);
        ArchiveIntegrity here = verifyAll(null);
        if (!here.intact()) return new ArchiveImport(0, 0, here.head(), here.first(), true);
        List<Row> rows = contents.rows();
        long last = here.lastId();
        long overlap = Math.min(last, rows.size());
        if (overlap > 0) {
            String ours = rowHash(overlap);
            String theirs = rows.get((int) overlap - 1).rowHash();
            if (!theirs.equals(ours)) return new ArchiveImport(0, 0, here.head(), new ArchiveIntegrity.Break(overlap, "join", theirs, ours), false);
        }
        List<Row> adding = rows.subList((int) overlap, rows.size());
        Map<String, Long> addedByTable = new java.util.LinkedHashMap<>();
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try {
                if (vendor == Vendor.POSTGRESQL) {
                    try (Statement st = c.createStatement()) {
                        st.execute("SELECT pg_advisory_xact_lock(" + PG_WRITE_LOCK + ")");
                    }
                }
                // a record stored since the check would fork the chain: refuse rather than interleave
                if (nextId(c) != last + 1 || !lastHash(c).equals(here.head())) {
                    c.rollback();
                    return new ArchiveImport(0, 0, lastHash(c), new ArchiveIntegrity.Break(last + 1, "join",
                            adding.isEmpty() ? null : adding.get(0).previousHash(), lastHash(c)), false);
                }
                for (Row r : adding) insert(c, r);
                for (Map.Entry<TableChain.Table, List<Map<String, Object>>> e : contents.tables().entrySet()) {
                    TableChain.Table t = e.getKey();
                    TableChain.lock(c, t);
                    List<Map<String, Object>> theirs = e.getValue();
                    List<String> ours = new ArrayList<>();
                    TableChain.forEachRow(c, t, row -> ours.add((String) row.get("row_hash")));
                    int shared = Math.min(ours.size(), theirs.size());
                    if (shared > 0 && !ours.get(shared - 1).equals(theirs.get(shared - 1).get("row_hash"))) {
                        c.rollback();
                        return new ArchiveImport(0, 0, here.head(), new ArchiveIntegrity.Break(t.name, shared, "join",
                                (String) theirs.get(shared - 1).get("row_hash"), ours.get(shared - 1)), false);
                    }
                    for (Map<String, Object> row : theirs.subList(shared, theirs.size())) TableChain.insertAsIs(c, t, row);
                    addedByTable.put(t.name, (long) (theirs.size() - shared));
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure("无法导入", "cannot import", e);
        }
        String head = rows.isEmpty() ? here.head() : adding.isEmpty() ? here.head() : rows.get(rows.size() - 1).rowHash();
        return new ArchiveImport(adding.size(), overlap, head, null, false, java.util.Collections.unmodifiableMap(addedByTable));
    }

    private String rowHash(long id) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("SELECT row_hash FROM evaluation WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw failure("无法读取记录 " + id, "cannot read record " + id, e);
        }
    }

    /** Every row in id order, for an export. */
    void forEachRow(java.util.function.Consumer<Row> each) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(Row.SELECT + " ORDER BY id")) {
            ps.setFetchSize(64);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) each.accept(Row.read(rs));
            }
        } catch (SQLException e) {
            throw failure("无法读取档案库", "cannot read the archive", e);
        }
    }

    /** Nothing to release: every call closes its own connection. */
    @Override
    public void close() {
    }

    // ---------------------------------------------------------------------------------------

    Connection connect() throws SQLException {
        Properties p = new Properties();
        if (location.user() != null) p.setProperty("user", location.user());
        if (location.password() != null) p.setProperty("password", location.password());
        if (vendor == Vendor.SQLITE) {
            p.setProperty("foreign_keys", "true");
            p.setProperty("busy_timeout", "30000");
            // A writer takes the lock when it begins, so reading MAX(id) and inserting cannot interleave.
            p.setProperty("transaction_mode", "IMMEDIATE");
        }
        return DriverManager.getConnection(location.url(), p);
    }

    private static long nextId(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM evaluation");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1) + 1;
        }
    }

    private static Long chainHead(Connection c, String scheme, String creditCode, int year) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT MAX(id) FROM evaluation WHERE scheme = ? AND credit_code = ? AND reporting_year = ?")) {
            ps.setString(1, scheme);
            ps.setString(2, creditCode);
            ps.setInt(3, year);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long id = rs.getLong(1);
                return rs.wasNull() ? null : id;
            }
        }
    }

    /** The row hash of the newest record, which the next one chains to ({@link Row#GENESIS} in an empty archive). */
    static String lastHash(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT row_hash FROM evaluation ORDER BY id DESC LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : Row.GENESIS;
        }
    }

    /** A new record's row, every column derived from the verdict except what the evaluation was asked for and when. */
    private static Row row(long id, Long previous, Instant at, Fields f, ArchiveInput in) {
        Map<String, String> t = new java.util.LinkedHashMap<>();
        t.put("id", String.valueOf(id));
        t.put("previous_id", previous == null ? null : String.valueOf(previous));
        t.put("evaluated_at", TIME.format(at));
        f.into(t);
        t.put("requested_edition", in.requestedEdition());
        t.put("requested_grading", in.requestedGrading());
        t.put("input_file", in.file());
        t.put("verdict_json", in.verdictJson());
        return new Row(t, in.submission());
    }

    static void insert(Connection c, Row row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(Row.insertSql())) {
            row.bind(ps);
            ps.executeUpdate();
        }
    }

    private List<ArchiveEntry> query(String sql, List<?> args) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
            List<ArchiveEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(entry(rs));
            }
            return out;
        } catch (SQLException e) {
            throw failure("无法读取档案库", "cannot read the archive", e);
        }
    }

    private static ArchiveEntry entry(ResultSet rs) throws SQLException {
        long previous = rs.getLong("previous_id");
        Long previousId = rs.wasNull() ? null : previous;
        int eligible = rs.getInt("eligible");
        Boolean eligibleValue = rs.wasNull() ? null : eligible == 1;
        String score = rs.getString("score");
        return new ArchiveEntry(rs.getLong("id"), previousId, Instant.parse(rs.getString("evaluated_at")),
                rs.getString("scheme"), rs.getString("edition"), rs.getString("credit_code"), rs.getString("facility_name"),
                rs.getString("industry"), rs.getString("province"), rs.getInt("reporting_year"), eligibleValue,
                rs.getInt("mandatory_met") == 1, score == null ? null : plain(new BigDecimal(score)), rs.getString("grade"),
                rs.getString("input_file"), rs.getString("input_digest"), rs.getString("rulebook_digest"), rs.getString("engine_version"));
    }

    /** 98.50 → 98.5, 100.00 → 100: the verdict JSON's way of writing a score. */
    static BigDecimal plain(BigDecimal d) {
        BigDecimal b = d.stripTrailingZeros();
        return b.scale() < 0 ? b.setScale(0) : b;
    }

    private ArchiveException failure(String whatZh, String what, SQLException e) {
        return new ArchiveException(whatZh + "（" + location.describe() + "）：" + firstLine(e.getMessage()),
                what + " (" + location.describe() + "): " + firstLine(e.getMessage()), e);
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    /** The fields an archived record indexes, read from its verdict JSON. */
    record Fields(String scheme, String edition, String creditCode, String facilityName, String industry,
                          String province, int reportingYear, Boolean eligible, boolean mandatoryMet, BigDecimal score,
                          String grade, String lang, String inputDigest, String rulebookDigest, String engineVersion, String inputFile) {
        static Fields read(String verdictJson) {
            JsonNode v;
            try {
                v = JSON.readTree(verdictJson.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new ArchiveException("评价结果不是 JSON：" + firstLine(e.getMessage()), "the verdict is not JSON: " + firstLine(e.getMessage()));
            }
            if (v == null || !VERDICT_FORMAT.equals(v.path("format").asText(null))) {
                throw new ArchiveException("评价结果不是 " + VERDICT_FORMAT + " 文档", "the verdict is not a " + VERDICT_FORMAT + " document");
            }
            JsonNode facility = v.path("facility");
            JsonNode score = v.path("score");
            JsonNode eligible = v.path("eligible");
            return new Fields(required(v, "scheme"), required(v, "edition"), required(facility, "credit_code"),
                    required(facility, "name"), facility.path("industry").asText(null), facility.path("province").asText(null),
                    v.path("reporting_year").asInt(), eligible.isBoolean() ? eligible.booleanValue() : null,
                    v.path("mandatory_met").asBoolean(), score.isNumber() ? plain(score.decimalValue()) : null,
                    v.path("grade").asText(null), required(v, "lang"), required(v.path("input"), "digest"),
                    required(v.path("rulebook"), "digest"), required(v.path("engine"), "version"), v.path("input").path("file").asText(null));
        }

        /** The columns these fields fill, in the form {@link Row} keeps them. */
        void into(Map<String, String> t) {
            t.put("scheme", scheme);
            t.put("edition", edition);
            t.put("credit_code", creditCode);
            t.put("facility_name", facilityName);
            t.put("industry", industry);
            t.put("province", province);
            t.put("reporting_year", String.valueOf(reportingYear));
            t.put("eligible", eligible == null ? null : eligible ? "1" : "0");
            t.put("mandatory_met", mandatoryMet ? "1" : "0");
            t.put("score", score == null ? null : score.toPlainString());
            t.put("grade", grade);
            t.put("lang", lang);
            t.put("input_digest", inputDigest);
            t.put("rulebook_digest", rulebookDigest);
            t.put("engine_version", engineVersion);
        }

        private static String required(JsonNode n, String field) {
            JsonNode x = n.path(field);
            if (!x.isTextual()) throw new ArchiveException("评价结果缺少 " + field, "the verdict has no " + field);
            return x.asText();
        }
    }
}
