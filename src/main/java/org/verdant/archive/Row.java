package org.verdant.archive;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of the evaluation table exactly as stored: every column, as text (numbers in their
 * canonical form) or bytes. The hash chain is computed over this, so a row read from SQLite, from
 * PostgreSQL or from an export bundle hashes alike.
 *
 * <p>The row hash is {@code sha256:} + hex SHA-256 of {@code "verdant.archive-row/1\0"} followed,
 * for each column in {@link #COLUMNS} order except {@code row_hash}, by the column's name, a 0
 * byte, and then either a 0 byte (NULL) or a 1 byte, the value's length in bytes as 8 bytes
 * big-endian, and the value's bytes (text in UTF-8, the submission as stored). Lengths make the
 * encoding unambiguous: no two different rows encode to the same bytes.
 */
record Row(Map<String, String> text, byte[] submission) {
    static final String FORMAT = "verdant.archive-row/1";
    /** The previous hash of record 1: there is nothing before it. */
    static final String GENESIS = "sha256:" + "0".repeat(64);

    /** Every column of the evaluation table in hashing order; {@code submission} is the only bytes column. */
    static final List<String> COLUMNS = List.of("id", "previous_id", "evaluated_at", "scheme", "edition", "credit_code",
            "facility_name", "industry", "province", "reporting_year", "eligible", "mandatory_met", "score", "grade", "lang",
            "requested_edition", "requested_grading", "input_file", "input_digest", "rulebook_digest", "engine_version",
            "submission", "verdict_json", "previous_hash", "row_hash");
    static final List<String> INTEGERS = List.of("id", "previous_id", "reporting_year", "eligible", "mandatory_met");

    static final String SELECT = "SELECT " + String.join(", ", COLUMNS) + " FROM evaluation";

    String get(String column) {
        return text.get(column);
    }

    long id() {
        return Long.parseLong(text.get("id"));
    }

    String rowHash() {
        return text.get("row_hash");
    }

    String previousHash() {
        return text.get("previous_hash");
    }

    /** The same row with its chain columns set. */
    Row chained(String previousHash) {
        Map<String, String> t = new LinkedHashMap<>(text);
        t.put("previous_hash", previousHash);
        t.put("row_hash", null);
        Row r = new Row(t, submission);
        t.put("row_hash", r.computeHash());
        return new Row(t, submission);
    }

    /** The hash this row's columns (all but row_hash) give. */
    String computeHash() {
        RowHash h = new RowHash(FORMAT);
        for (String c : COLUMNS) {
            if (c.equals("row_hash")) continue;
            h.column(c, c.equals("submission") ? submission : text.get(c) == null ? null : text.get(c).getBytes(StandardCharsets.UTF_8));
        }
        return h.digest();
    }

    /** The current row of a result set of {@link #SELECT}. */
    static Row read(ResultSet rs) throws SQLException {
        Map<String, String> t = new LinkedHashMap<>();
        for (String c : COLUMNS) {
            if (c.equals("submission")) continue;
            t.put(c, canonical(c, rs.getString(c)));
        }
        byte[] bytes = rs.getBytes("submission");
        return new Row(t, bytes == null ? new byte[0] : bytes);
    }

    /**
     * A column's value in one form on every database: integers without leading zeros or a
     * decimal point, the score without trailing zeros (SQLite keeps 98.50 as 98.5, PostgreSQL as
     * 98.50). A value that is not a number where one belongs is kept as it is: its hash then differs.
     */
    static String canonical(String column, String value) {
        if (value == null) return null;
        try {
            if (INTEGERS.contains(column)) return new BigDecimal(value).toBigIntegerExact().toString();
            if (column.equals("score")) return Archive.plain(new BigDecimal(value)).toPlainString();
        } catch (ArithmeticException | NumberFormatException e) {
            return value;
        }
        return value;
    }

    /** Binds every column, in {@link #COLUMNS} order, to an INSERT of all of them. */
    void bind(PreparedStatement ps) throws SQLException {
        int i = 1;
        for (String c : COLUMNS) {
            String v = text.get(c);
            if (c.equals("submission")) ps.setBytes(i, submission);
            else if (v == null) ps.setNull(i, INTEGERS.contains(c) ? Types.BIGINT : c.equals("score") ? Types.DECIMAL : Types.VARCHAR);
            else if (INTEGERS.contains(c)) ps.setLong(i, Long.parseLong(v));
            else if (c.equals("score")) ps.setBigDecimal(i, new BigDecimal(v));
            else ps.setString(i, v);
            i++;
        }
    }

    static String insertSql() {
        return "INSERT INTO evaluation (" + String.join(", ", COLUMNS) + ") VALUES (" + "?, ".repeat(COLUMNS.size() - 1) + "?)";
    }
}
