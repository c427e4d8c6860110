package org.verdant.archive;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Migration V5, the hash chain: every evaluation row gains {@code previous_hash} (the row hash of
 * the record before it by id, {@link Row#GENESIS} for record 1) and {@code row_hash} (over all its
 * columns, see {@link Row}). It is Java rather than SQL because the rows of an existing archive are
 * hashed here, in id order, and neither SQLite nor PostgreSQL computes SHA-256 in plain SQL. The
 * append-only trigger is lifted for this one transaction and put back before it commits, so the
 * upgrade is all or nothing.
 *
 * <p>SQLite also gains a trigger refusing an INSERT that would replace a row: {@code INSERT OR
 * REPLACE} deletes the row it collides with without firing the DELETE trigger. The chain shows such
 * a rewrite anyway; the trigger stops it through Verdant's own schema.
 */
final class ChainMigration implements JavaMigration {
    private final Archive.Vendor vendor;

    ChainMigration(Archive.Vendor vendor) {
        this.vendor = vendor;
    }

    private List<String> before() {
        return switch (vendor) {
            case SQLITE -> List.of("DROP TRIGGER evaluation_no_update",
                    "ALTER TABLE evaluation ADD COLUMN previous_hash VARCHAR(80)",
                    "ALTER TABLE evaluation ADD COLUMN row_hash VARCHAR(80)");
            case POSTGRESQL -> List.of("ALTER TABLE evaluation DISABLE TRIGGER evaluation_no_update_delete",
                    "ALTER TABLE evaluation ADD COLUMN previous_hash VARCHAR(80)",
                    "ALTER TABLE evaluation ADD COLUMN row_hash VARCHAR(80)");
        };
    }

    private List<String> after() {
        return switch (vendor) {
            case SQLITE -> List.of("""
                    CREATE TRIGGER evaluation_no_update BEFORE UPDATE ON evaluation
                    BEGIN
                        SELECT RAISE(ABORT, 'the evaluation archive is append-only: records cannot be updated');
                    END""", """
                    CREATE TRIGGER evaluation_no_replace BEFORE INSERT ON evaluation
                    WHEN EXISTS (SELECT 1 FROM evaluation WHERE id = NEW.id)
                      OR (NEW.previous_id IS NOT NULL AND EXISTS (SELECT 1 FROM evaluation WHERE previous_id = NEW.previous_id))
                    BEGIN
                        SELECT RAISE(ABORT, 'the evaluation archive is append-only: records cannot be replaced');
                    END""",
                    "CREATE UNIQUE INDEX evaluation_row_hash ON evaluation (row_hash)");
            case POSTGRESQL -> List.of("ALTER TABLE evaluation ENABLE TRIGGER evaluation_no_update_delete",
                    "CREATE UNIQUE INDEX evaluation_row_hash ON evaluation (row_hash)");
        };
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("5");
    }

    @Override
    public String getDescription() {
        return "hash chain";
    }

    /** Over the statements and the row format, so Flyway's validation notices if either changes. */
    @Override
    public Integer getChecksum() {
        CRC32 crc = new CRC32();
        for (String s : before()) crc.update(s.getBytes(StandardCharsets.UTF_8));
        for (String s : after()) crc.update(s.getBytes(StandardCharsets.UTF_8));
        crc.update(String.join(",", Row.COLUMNS).getBytes(StandardCharsets.UTF_8));
        crc.update(Row.FORMAT.getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement st = c.createStatement()) {
            for (String s : before()) st.execute(s);
        }
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(Row.SELECT + " ORDER BY id"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) rows.add(Row.read(rs));
        }
        String previous = Row.GENESIS;
        try (PreparedStatement ps = c.prepareStatement("UPDATE evaluation SET previous_hash = ?, row_hash = ? WHERE id = ?")) {
            for (Row r : rows) {
                Row chained = r.chained(previous);
                ps.setString(1, chained.previousHash());
                ps.setString(2, chained.rowHash());
                ps.setLong(3, r.id());
                ps.executeUpdate();
                previous = chained.rowHash();
            }
        }
        try (Statement st = c.createStatement()) {
            for (String s : after()) st.execute(s);
        }
    }
}
