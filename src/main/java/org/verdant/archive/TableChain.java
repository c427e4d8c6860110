package org.verdant.archive;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The hash chain over the archive's other append-only tables (migration V8, {@link TableChainMigration}):
 * each row carries {@code chain_seq} (1, 2, 3, … in the order written, per table), {@code previous_hash}
 * (the row hash of the row before it, {@link Row#GENESIS} for the first) and {@code row_hash}. The row
 * hash is {@code sha256:} + hex SHA-256 of {@code "verdant.table-row/1\0"}, the table's name and a 0
 * byte, then every column in {@link Table#columns} order followed by {@code chain_seq} and
 * {@code previous_hash}, each encoded as {@link Row} encodes the evaluation's columns (name, 0, then
 * 0 for NULL or 1, 8-byte big-endian length, bytes). Writers insert through {@link #insert}, inside
 * their own transaction; {@link #check} walks a table in chain order.
 *
 * <p>Mutable tables stay outside: {@code account} (password changes, lockouts, removal),
 * {@code api_token} and {@code web_session} (revoked and signed out by deleting). A chain over rows
 * that may legitimately change or go would break at every legitimate change.
 */
public final class TableChain {
    static final String FORMAT = "verdant.table-row/1";
    /** The evaluation's row hash an assessment revision or dispute step was written against (V10). */
    static final String BINDING = "evaluation_row_hash";
    /** Enough to show how far damage reaches in one table. */
    static final int MAX_BREAKS = 100;

    /** A chained table: its columns in hashing order and which of them are integers or bytes. */
    public enum Table {
        EVIDENCE_BLOB("evidence_blob", List.of("sha256", "media_type", "size", "bytes", "stored_at"), List.of("size"), List.of("bytes"),
                "stored_at, sha256"),
        EVALUATION_ASSESSMENT("evaluation_assessment", List.of("evaluation_id", "file", "sha256", "bytes"), List.of("evaluation_id"),
                List.of("bytes"), "evaluation_id"),
        RULEBOOK_FILE("rulebook_file", List.of("sha256", "bytes"), List.of(), List.of("bytes"), "sha256"),
        RULEBOOK_SNAPSHOT("rulebook_snapshot", List.of("rulebook_digest", "path", "sha256"), List.of(), List.of(), "rulebook_digest, path"),
        DISPUTE_STEP("dispute_step", List.of("dispute_id", "seq", "evaluation_id", "credit_code", "kind", "recorded_at", "actor", "content",
                "content_sha256", "previous_sha256"), List.of("dispute_id", "seq", "evaluation_id"), List.of(), "dispute_id, seq"),
        ACCESS_LOG("access_log", List.of("id", "at", "actor", "action", "what", "record_id", "credit_code", "outcome"),
                List.of("id", "record_id"), List.of(), "id"),
        ASSESSMENT_REVISION("assessment_revision", List.of("evaluation_id", "revision", "credit_code", "recorded_at", "actor", "file", "sha256",
                "bytes", "verdict_json"), List.of("evaluation_id", "revision"), List.of("bytes"), "evaluation_id, revision");

        /** Tables created chained by a later migration (V9 on): V8 neither alters them nor counts them in its checksum. */
        static final java.util.Set<Table> CREATED_CHAINED = java.util.EnumSet.of(ASSESSMENT_REVISION);
        /** Tables whose rows bind the evaluation they are about by its row hash (V10, column {@code evaluation_row_hash}). */
        static final java.util.Set<Table> BOUND = java.util.EnumSet.of(ASSESSMENT_REVISION, DISPUTE_STEP);

        public final String name;
        final List<String> columns;
        final List<String> integers;
        final List<String> bytes;
        /** The order the rows of an archive made before V8 are chained in: the order they were most likely written. */
        final String backfillOrder;

        Table(String name, List<String> columns, List<String> integers, List<String> bytes, String backfillOrder) {
            this.name = name;
            this.columns = columns;
            this.integers = integers;
            this.bytes = bytes;
            this.backfillOrder = backfillOrder;
        }

        /** The table of that name, or null. */
        public static Table named(String name) {
            for (Table t : values()) if (t.name.equals(name)) return t;
            return null;
        }

        /** Every chained table's name, evaluation first, comma-separated: for messages. */
        public static String names() {
            StringBuilder b = new StringBuilder(ArchiveIntegrity.Break.EVALUATION);
            for (Table t : values()) b.append(", ").append(t.name);
            return b.toString();
        }

        /** The PostgreSQL advisory lock this table's writers take, so chain_seq and previous_hash are read and written as one. */
        long lock() {
            return 0x7664740000L + ordinal();
        }

        List<String> hashed() {
            List<String> all = new ArrayList<>(columns);
            all.add("chain_seq");
            all.add("previous_hash");
            return all;
        }

        /** Columns added after the table was chained (V10 on): hashed after previous_hash, and only when not NULL. */
        List<String> later() {
            return BOUND.contains(this) ? List.of(BINDING) : List.of();
        }

        /** Every column a row is written with: the hashed ones and the later ones. */
        List<String> written() {
            List<String> all = new ArrayList<>(hashed());
            all.addAll(later());
            return all;
        }

        String select() {
            return "SELECT " + String.join(", ", written()) + ", row_hash FROM " + name;
        }
    }

    private TableChain() {
    }

    /**
     * Inserts one row, chained after the table's last: takes the table's write lock (PostgreSQL;
     * SQLite writers hold the database's), reads the last row's sequence and hash, and writes the
     * row with its own. Runs in the caller's transaction, or in one of its own if the connection
     * is in auto-commit.
     *
     * @param values every column of {@code table} (a missing one is NULL): String, Number or byte[]
     */
    public static void insert(Connection c, Table table, Map<String, Object> values) throws SQLException {
        boolean own = c.getAutoCommit();
        if (own) c.setAutoCommit(false);
        try {
            lock(c, table);
            long seq = 1;
            String previous = Row.GENESIS;
            try (PreparedStatement ps = c.prepareStatement("SELECT chain_seq, row_hash FROM " + table.name + " ORDER BY chain_seq DESC LIMIT 1");
                 ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    seq = rs.getLong(1) + 1;
                    previous = rs.getString(2);
                }
            }
            Map<String, Object> row = new LinkedHashMap<>();
            for (String col : table.columns) row.put(col, values.get(col));
            if (table == Table.ACCESS_LOG && row.get("id") == null) row.put("id", nextId(c, table));
            row.put("chain_seq", seq);
            row.put("previous_hash", previous);
            if (Table.BOUND.contains(table)) row.put(BINDING, evaluationRowHash(c, values.get("evaluation_id")));
            String hash = hash(table, row);
            List<String> cols = new ArrayList<>(table.written());
            cols.add("row_hash");
            row.put("row_hash", hash);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table.name + " (" + String.join(", ", cols) + ") VALUES ("
                    + "?, ".repeat(cols.size() - 1) + "?)")) {
                int i = 1;
                for (String col : cols) {
                    Object v = row.get(col);
                    if (v == null) ps.setNull(i, table.integers.contains(col) ? Types.BIGINT : table.bytes.contains(col) ? Types.BINARY : Types.VARCHAR);
                    else if (v instanceof byte[] b) ps.setBytes(i, b);
                    else if (v instanceof Number n) ps.setLong(i, n.longValue());
                    else ps.setString(i, v.toString());
                    i++;
                }
                ps.executeUpdate();
            }
            if (own) c.commit();
        } catch (SQLException | RuntimeException e) {
            if (own) c.rollback();
            throw e;
        } finally {
            if (own) c.setAutoCommit(true);
        }
    }

    /**
     * Takes the table's write lock until the transaction ends (PostgreSQL; on SQLite the writer's
     * IMMEDIATE transaction holds the database). Taking it twice in one transaction is harmless.
     */
    public static void lock(Connection c, Table table) throws SQLException {
        if (c.getMetaData().getURL().startsWith("jdbc:postgresql:")) {
            try (Statement st = c.createStatement()) {
                st.execute("SELECT pg_advisory_xact_lock(" + table.lock() + ")");
            }
        }
    }

    /** The row hash the evaluation has now (null if there is none, which its foreign key refuses anyway). */
    private static String evaluationRowHash(Connection c, Object evaluationId) throws SQLException {
        if (evaluationId == null) return null;
        try (PreparedStatement ps = c.prepareStatement("SELECT row_hash FROM evaluation WHERE id = ?")) {
            ps.setLong(1, ((Number) evaluationId).longValue());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** The access log's id, given here (not by the database's sequence) so that the row hashes as stored. */
    private static long nextId(Connection c, Table table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM " + table.name); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1) + 1;
        }
    }

    /** A row's hash: its columns (values as {@link #read} gives them) and chain_seq, previous_hash. */
    static String hash(Table table, Map<String, Object> row) {
        RowHash h = new RowHash(FORMAT + "\0" + table.name);
        for (String c : table.hashed()) {
            Object v = row.get(c);
            h.column(c, v == null ? null : v instanceof byte[] b ? b : canonical(v.toString(), table.integers.contains(c) || c.equals("chain_seq"))
                    .getBytes(StandardCharsets.UTF_8));
        }
        // absent from the rows written before the column was: those keep the hash they were written with
        for (String c : table.later()) {
            Object v = row.get(c);
            if (v != null) h.column(c, v.toString().getBytes(StandardCharsets.UTF_8));
        }
        return h.digest();
    }

    private static String canonical(String value, boolean integer) {
        if (!integer) return value;
        try {
            return new BigDecimal(value).toBigIntegerExact().toString();
        } catch (ArithmeticException | NumberFormatException e) {
            return value; // not a number where one belongs: kept, so its hash differs
        }
    }

    /** The current row of {@link Table#select()}: every column, bytes as bytes, the rest as text. */
    static Map<String, Object> read(Table table, ResultSet rs) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        for (String c : table.columns) row.put(c, table.bytes.contains(c) ? rs.getBytes(c) : rs.getString(c));
        row.put("chain_seq", rs.getString("chain_seq"));
        row.put("previous_hash", rs.getString("previous_hash"));
        for (String c : table.later()) row.put(c, rs.getString(c));
        row.put("row_hash", rs.getString("row_hash"));
        return row;
    }

    /** One table's walk: its breaks, how many rows and the row hash of its last ({@link Row#GENESIS} when empty). */
    record Walk(List<ArchiveIntegrity.Break> breaks, long rows, String head) {
    }

    /**
     * Checks one table's rows in chain order as they stream past (from the database or a bundle):
     * sequence numbers 1, 2, 3, … without a gap, each row's previous_hash the row hash before it,
     * each row_hash over its columns, and, when {@code headAsked} is given (a head noted earlier),
     * that the chain still passes through it ({@link Row#GENESIS} for a table that was empty), which
     * shows rows cut from the end. Each break names the table and the row's chain_seq.
     */
    static final class Walker {
        private final Table table;
        private final String headAsked;
        private final List<ArchiveIntegrity.Break> breaks = new ArrayList<>();
        private long expected = 1;
        private long rows;
        private long lastSeq;
        private String previous = Row.GENESIS;
        private boolean headFound;

        Walker(Table table, String headAsked) {
            this.table = table;
            this.headAsked = headAsked;
            this.headFound = headAsked == null || headAsked.equals(Row.GENESIS);
        }

        void accept(Map<String, Object> row) {
            rows++;
            String seqText = (String) row.get("chain_seq");
            long seq;
            try {
                seq = seqText == null ? -1 : Long.parseLong(canonical(seqText, true));
            } catch (NumberFormatException e) {
                seq = -1;
            }
            lastSeq = seq;
            List<ArchiveIntegrity.Break> here = new ArrayList<>();
            if (seq != expected) here.add(new ArchiveIntegrity.Break(table.name, seq, "id", String.valueOf(expected), seqText));
            expected = seq + 1;
            if (!Objects.equals(previous, row.get("previous_hash"))) {
                here.add(new ArchiveIntegrity.Break(table.name, seq, "previous_hash", previous, (String) row.get("previous_hash")));
            }
            String computed = hash(table, row);
            String stored = (String) row.get("row_hash");
            if (!computed.equals(stored)) here.add(new ArchiveIntegrity.Break(table.name, seq, "row_hash", computed, stored));
            // the next row must chain to this one as stored: one rewritten row is one break
            previous = stored == null ? computed : stored;
            if (headAsked != null && headAsked.equals(stored)) headFound = true;
            for (ArchiveIntegrity.Break b : here) if (breaks.size() < MAX_BREAKS) breaks.add(b);
        }

        Walk result() {
            List<ArchiveIntegrity.Break> out = new ArrayList<>(breaks);
            if (!headFound) out.add(new ArchiveIntegrity.Break(table.name, lastSeq, "head", headAsked, previous));
            return new Walk(List.copyOf(out), rows, previous);
        }
    }

    /** Walks one table of the database in chain order ({@link Walker}). */
    static Walk check(Connection c, Table table, String headAsked) throws SQLException {
        Walker walker = new Walker(table, headAsked);
        forEachRow(c, table, walker::accept);
        return walker.result();
    }

    /**
     * The rows of a bound table whose evaluation's row hash is not the one they were written
     * against: the evaluation was rewritten, or re-chained, after them. Rows written before V10
     * bind nothing (NULL) and are checked by their evaluation_id only.
     */
    static List<ArchiveIntegrity.Break> bindings(Connection c, Table table, Map<Long, String> evaluationRowHashes) throws SQLException {
        List<ArchiveIntegrity.Break> breaks = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT chain_seq, evaluation_id, " + BINDING + " FROM " + table.name
                + " WHERE " + BINDING + " IS NOT NULL ORDER BY chain_seq");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next() && breaks.size() < MAX_BREAKS) {
                String now = evaluationRowHashes.get(rs.getLong(2));
                if (!rs.getString(3).equals(now)) {
                    breaks.add(new ArchiveIntegrity.Break(table.name, rs.getLong(1), BINDING, rs.getString(3), now, rs.getLong(2)));
                }
            }
        }
        return breaks;
    }

    /** Every row of a table in chain order, as {@link #read} gives it (with chain_seq, previous_hash and row_hash). */
    static void forEachRow(Connection c, Table table, java.util.function.Consumer<Map<String, Object>> each) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(table.select() + " ORDER BY chain_seq")) {
            ps.setFetchSize(64);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) each.accept(read(table, rs));
            }
        }
    }

    /** Writes a row as it is, hashes included (an import of rows already chained and checked). */
    static void insertAsIs(Connection c, Table table, Map<String, Object> row) throws SQLException {
        List<String> cols = new ArrayList<>(table.written());
        cols.add("row_hash");
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table.name + " (" + String.join(", ", cols) + ") VALUES ("
                + "?, ".repeat(cols.size() - 1) + "?)")) {
            int i = 1;
            for (String col : cols) {
                Object v = row.get(col);
                boolean integer = table.integers.contains(col) || col.equals("chain_seq");
                if (v == null) ps.setNull(i, integer ? Types.BIGINT : table.bytes.contains(col) ? Types.BINARY : Types.VARCHAR);
                else if (v instanceof byte[] b) ps.setBytes(i, b);
                else if (integer) ps.setLong(i, Long.parseLong(canonical(v.toString(), true)));
                else ps.setString(i, v.toString());
                i++;
            }
            ps.executeUpdate();
        }
    }
}
