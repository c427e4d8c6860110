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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Migration V8: every append-only table besides evaluation ({@link TableChain.Table}) gains
 * {@code chain_seq}, {@code previous_hash} and {@code row_hash}, and the rows already there are
 * chained in their most likely writing order ({@link TableChain.Table#backfillOrder}). Java, like
 * V5, because SQL computes no SHA-256. The append-only triggers are lifted for this transaction
 * only: on SQLite they are dropped and created again from their own stored SQL, on PostgreSQL
 * disabled and enabled (so it must run as the tables' owner).
 */
final class TableChainMigration implements JavaMigration {
    private final Archive.Vendor vendor;

    TableChainMigration(Archive.Vendor vendor) {
        this.vendor = vendor;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("8");
    }

    @Override
    public String getDescription() {
        return "hash chain over the other append-only tables";
    }

    /** Over the tables, their columns and the row format, so Flyway's validation notices if any changes. */
    @Override
    public Integer getChecksum() {
        CRC32 crc = new CRC32();
        crc.update(TableChain.FORMAT.getBytes(StandardCharsets.UTF_8));
        for (TableChain.Table t : TableChain.Table.values()) {
            if (TableChain.Table.CREATED_CHAINED.contains(t)) continue;
            crc.update((t.name + ":" + String.join(",", t.hashed()) + ":" + t.backfillOrder + ";").getBytes(StandardCharsets.UTF_8));
        }
        return (int) crc.getValue();
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        for (TableChain.Table t : TableChain.Table.values()) {
            if (!TableChain.Table.CREATED_CHAINED.contains(t)) chain(c, t);
        }
    }

    private void chain(Connection c, TableChain.Table t) throws Exception {
        List<String> triggers = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            if (vendor == Archive.Vendor.SQLITE) {
                try (ResultSet rs = st.executeQuery("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = '" + t.name + "'")) {
                    while (rs.next()) triggers.add(rs.getString(2));
                }
                try (ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = '" + t.name + "'")) {
                    List<String> names = new ArrayList<>();
                    while (rs.next()) names.add(rs.getString(1));
                    for (String n : names) {
                        try (Statement drop = c.createStatement()) {
                            drop.execute("DROP TRIGGER " + n);
                        }
                    }
                }
            } else {
                st.execute("ALTER TABLE " + t.name + " DISABLE TRIGGER USER");
            }
            st.execute("ALTER TABLE " + t.name + " ADD COLUMN chain_seq BIGINT");
            st.execute("ALTER TABLE " + t.name + " ADD COLUMN previous_hash VARCHAR(80)");
            st.execute("ALTER TABLE " + t.name + " ADD COLUMN row_hash VARCHAR(80)");
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        String select = "SELECT " + String.join(", ", t.columns) + " FROM " + t.name + " ORDER BY " + t.backfillOrder;
        try (PreparedStatement ps = c.prepareStatement(select); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (String col : t.columns) row.put(col, t.bytes.contains(col) ? rs.getBytes(col) : rs.getString(col));
                rows.add(row);
            }
        }
        List<String> key = List.of(t.backfillOrder.split(",\\s*"));
        String where = String.join(" AND ", key.stream().map(k -> k + " = ?").toList());
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + t.name + " SET chain_seq = ?, previous_hash = ?, row_hash = ? WHERE " + where)) {
            String previous = Row.GENESIS;
            long seq = 0;
            for (Map<String, Object> row : rows) {
                row.put("chain_seq", String.valueOf(++seq));
                row.put("previous_hash", previous);
                String hash = TableChain.hash(t, row);
                ps.setLong(1, seq);
                ps.setString(2, previous);
                ps.setString(3, hash);
                for (int i = 0; i < key.size(); i++) {
                    String k = key.get(i);
                    if (t.integers.contains(k)) ps.setLong(4 + i, Long.parseLong((String) row.get(k)));
                    else ps.setString(4 + i, (String) row.get(k));
                }
                ps.executeUpdate();
                previous = hash;
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute("CREATE UNIQUE INDEX " + t.name + "_chain_seq ON " + t.name + " (chain_seq)");
            if (vendor == Archive.Vendor.SQLITE) {
                for (String sql : triggers) st.execute(sql);
            } else {
                st.execute("ALTER TABLE " + t.name + " ENABLE TRIGGER USER");
            }
        }
    }
}
