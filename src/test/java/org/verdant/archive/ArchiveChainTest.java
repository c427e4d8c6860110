package org.verdant.archive;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The archive is tamper-evident: each test alters a real SQLite archive file through JDBC, as
 * someone who can write the file would, and {@code verifyAll} names the first break.
 */
class ArchiveChainTest {
    static final String A = Stored.creditCode(1);
    static final String B = Stored.creditCode(2);
    static List<ArchiveInput> inputs;

    @TempDir
    Path dir;

    @BeforeAll
    static void submissions() {
        String a2023 = Stored.factory(2023, A, "甲水泥有限公司", "C3011", List.of());
        String b2022 = Stored.factory(2022, B, "乙玻璃有限公司", "C3041", List.of("INF-06"));
        String a2023again = Stored.factory(2023, A, "甲水泥有限公司", "C3011", List.of("INF-05"));
        String b2023 = Stored.factory(2023, B, "乙玻璃有限公司", "C3041", List.of("INF-05", "INF-06"));
        inputs = List.of(Stored.input(a2023, "jia.yaml", Stored.T0), Stored.input(b2022, "yi.yaml", Stored.T0.plusSeconds(1)),
                Stored.input(a2023again, "jia.yaml", Stored.T0.plusSeconds(2)), Stored.input(b2023, "dir/yi.yaml", Stored.T0.plusSeconds(3)));
    }

    private Archive filled() {
        Archive archive = Archive.open(dir);
        inputs.forEach(archive::store);
        return archive;
    }

    private Connection raw() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(ArchiveLocation.FILE_NAME));
    }

    /** What an attacker with the file does first: the triggers are only SQL in the same file. */
    private void dropTriggers(Statement s) throws SQLException {
        s.execute("DROP TRIGGER IF EXISTS evaluation_no_update");
        s.execute("DROP TRIGGER IF EXISTS evaluation_no_delete");
        s.execute("DROP TRIGGER IF EXISTS evaluation_no_replace");
    }

    private static ArchiveIntegrity.Break first(Archive archive) {
        ArchiveIntegrity r = archive.verifyAll(null);
        assertThat(r.intact()).as("damage must show").isFalse();
        return r.first();
    }

    @Test
    void anUntouchedArchiveIsIntactAndItsHeadIsTheLastRowHash() throws SQLException {
        try (Archive archive = filled()) {
            ArchiveIntegrity r = archive.verifyAll(null);
            assertThat(r.breaks()).isEmpty();
            assertThat(r.intact()).isTrue();
            assertThat(r.records()).isEqualTo(4);
            try (Connection c = raw(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id, previous_hash, row_hash FROM evaluation ORDER BY id")) {
                String previous = Row.GENESIS;
                while (rs.next()) {
                    assertThat(rs.getString(2)).isEqualTo(previous);
                    assertThat(rs.getString(3)).startsWith("sha256:").hasSize(71);
                    previous = rs.getString(3);
                }
                assertThat(r.head()).isEqualTo(previous);
            }
            assertThat(archive.verifyAll(r.head()).intact()).isTrue();
        }
    }

    @Test
    void aRewrittenScoreColumnIsCaught() throws SQLException {
        try (Archive archive = filled(); Connection c = raw(); Statement s = c.createStatement()) {
            dropTriggers(s);
            s.executeUpdate("UPDATE evaluation SET score = 100, grade = 'A+' WHERE id = 3");
            ArchiveIntegrity r = archive.verifyAll(null);
            assertThat(r.first().id()).isEqualTo(3);
            assertThat(r.breaks()).extracting(ArchiveIntegrity.Break::what).contains("row_hash", "column score");
            assertThat(r.breaks()).filteredOn(b -> b.what().equals("column score")).singleElement()
                    .satisfies(b -> assertThat(b.expected()).isEqualTo("98")).satisfies(b -> assertThat(b.found()).isEqualTo("100"));
        }
    }

    @Test
    void aColumnRewrittenWithItsHashRecomputedStillDisagreesWithTheVerdict() throws SQLException {
        try (Archive archive = filled(); Connection c = raw(); Statement s = c.createStatement()) {
            dropTriggers(s);
            // the attacker knows the row format and rewrites the score and every hash after it
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(Row.SELECT + " ORDER BY id")) {
                while (rs.next()) rows.add(Row.read(rs));
            }
            String previous = Row.GENESIS;
            for (Row row : rows) {
                Map<String, String> t = new java.util.LinkedHashMap<>(row.text());
                if (row.id() == 3) t.put("score", "100");
                Row forged = new Row(t, row.submission()).chained(previous);
                try (PreparedStatement ps = c.prepareStatement("UPDATE evaluation SET score = ?, previous_hash = ?, row_hash = ? WHERE id = ?")) {
                    ps.setString(1, forged.get("score"));
                    ps.setString(2, forged.previousHash());
                    ps.setString(3, forged.rowHash());
                    ps.setLong(4, row.id());
                    ps.executeUpdate();
                }
                previous = forged.rowHash();
            }
            ArchiveIntegrity.Break b = first(archive);
            assertThat(b.id()).isEqualTo(3);
            assertThat(b.what()).isEqualTo("column score");
            // and a head noted before shows the rewrite too
        }
    }

    @Test
    void aRemovedRecordIsCaught() throws SQLException {
        try (Archive archive = filled(); Connection c = raw(); Statement s = c.createStatement()) {
            String head = archive.verifyAll(null).head();
            dropTriggers(s);
            s.executeUpdate("DELETE FROM evaluation WHERE id = 2");
            ArchiveIntegrity.Break b = first(archive);
            assertThat(b.id()).isEqualTo(3);
            assertThat(b.what()).isEqualTo("id");
            assertThat(b.expected()).isEqualTo("2");
            assertThat(b.found()).isEqualTo("3");
            assertThat(archive.verifyAll(null).breaks()).extracting(ArchiveIntegrity.Break::what).contains("previous_hash");
            // removing the last record leaves a shorter chain that is whole: only the head noted before shows it
            s.executeUpdate("DELETE FROM evaluation WHERE id = 4");
            assertThat(archive.verifyAll(head).breaks()).extracting(ArchiveIntegrity.Break::what).contains("head");
        }
    }

    @Test
    void insertOrReplaceIsRefusedAndWithTheTriggerGoneItIsCaught() throws SQLException {
        try (Archive archive = filled(); Connection c = raw(); Statement s = c.createStatement()) {
            String replace = "INSERT OR REPLACE INTO evaluation SELECT id, previous_id, evaluated_at, scheme, edition, credit_code, facility_name, "
                    + "industry, province, reporting_year, eligible, 1, 100, 'A+', lang, requested_edition, requested_grading, input_file, "
                    + "input_digest, rulebook_digest, engine_version, submission, verdict_json, previous_hash, row_hash FROM evaluation WHERE id = 3";
            assertThatThrownBy(() -> s.executeUpdate(replace)).isInstanceOf(SQLException.class).hasMessageContaining("cannot be replaced");
            assertThat(archive.verifyAll(null).intact()).isTrue();
            s.execute("DROP TRIGGER evaluation_no_replace");
            // the delete trigger stays, and REPLACE goes past it: SQLite's conflict resolution fires no DELETE trigger
            assertThat(s.executeUpdate(replace)).isEqualTo(1);
            ArchiveIntegrity.Break b = first(archive);
            assertThat(b.id()).isEqualTo(3);
            assertThat(b.what()).isEqualTo("row_hash");
        }
    }

    @Test
    void reorderedRecordsAreCaught() throws SQLException {
        try (Archive archive = filled(); Connection c = raw(); Statement s = c.createStatement()) {
            dropTriggers(s);
            s.executeUpdate("UPDATE evaluation SET id = 100 WHERE id = 2");
            s.executeUpdate("UPDATE evaluation SET id = 2 WHERE id = 1");
            s.executeUpdate("UPDATE evaluation SET id = 1 WHERE id = 100");
            ArchiveIntegrity.Break b = first(archive);
            assertThat(b.id()).isEqualTo(1);
            assertThat(b.what()).isIn("previous_hash", "row_hash");
        }
    }

    @Test
    void aForgedCopyInsertedByAnInsertOnlyWriterIsCaught() throws SQLException {
        try (Archive archive = filled(); Connection c = raw(); Statement s = c.createStatement()) {
            // no trigger stands in the way of an INSERT: it is what a role granted only SELECT, INSERT can do
            s.executeUpdate("INSERT INTO evaluation SELECT 5, 3, evaluated_at, scheme, edition, credit_code, facility_name, "
                    + "industry, province, reporting_year, eligible, 1, 100, 'A+', lang, requested_edition, requested_grading, input_file, "
                    + "input_digest, rulebook_digest, engine_version, submission, verdict_json, previous_hash, 'sha256:forged' FROM evaluation WHERE id = 3");
            ArchiveIntegrity r = archive.verifyAll(null);
            assertThat(r.first().id()).isEqualTo(5);
            assertThat(r.first().what()).isEqualTo("previous_hash");
            assertThat(r.breaks()).extracting(ArchiveIntegrity.Break::what).contains("row_hash", "column score");
            // and an insert with an id in the middle cannot happen (the primary key), nor a second line for one facility-year (UNIQUE previous_id)
        }
    }

    @Test
    void aBrokenFacilityChainIsCaught() throws SQLException {
        try (Archive archive = filled(); Connection c = raw(); Statement s = c.createStatement()) {
            dropTriggers(s);
            s.executeUpdate("UPDATE evaluation SET previous_id = NULL WHERE id = 3");
            ArchiveIntegrity r = archive.verifyAll(null);
            assertThat(r.breaks()).filteredOn(b -> b.what().equals("previous_id")).singleElement()
                    .satisfies(b -> assertThat(b.id()).isEqualTo(3)).satisfies(b -> assertThat(b.expected()).isEqualTo("1"));
        }
    }

    /** An archive written before V5 gains its chain when opened, hashed in id order: the same hashes a new archive writes. */
    @Test
    void anOldArchiveIsUpgradedWithTheChainBackfilled(@TempDir Path old) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Archive archive = filled(); Connection c = raw(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(Row.SELECT + " ORDER BY id")) {
            while (rs.next()) rows.add(Row.read(rs));
        }
        String url = "jdbc:sqlite:" + old.resolve(ArchiveLocation.FILE_NAME);
        Flyway.configure(Archive.class.getClassLoader()).dataSource(url, null, null)
                .locations("classpath:db/migration/common", "classpath:db/migration/sqlite")
                .placeholders(Map.of("bytes_type", "BLOB")).target("2").load().migrate();
        List<String> v1 = Row.COLUMNS.subList(0, Row.COLUMNS.size() - 2);
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement ps = c.prepareStatement("INSERT INTO evaluation (" + String.join(", ", v1) + ") VALUES ("
                     + "?, ".repeat(v1.size() - 1) + "?)")) {
            for (Row r : rows) {
                int i = 1;
                for (String col : v1) {
                    if (col.equals("submission")) ps.setBytes(i++, r.submission()); else ps.setString(i++, r.get(col));
                }
                ps.executeUpdate();
            }
        }
        try (Archive upgraded = Archive.open(old)) {
            ArchiveIntegrity r = upgraded.verifyAll(null);
            assertThat(r.breaks()).isEmpty();
            assertThat(r.records()).isEqualTo(4);
            assertThat(r.head()).isEqualTo(rows.get(3).rowHash());
            upgraded.store(inputs.get(0));
            assertThat(upgraded.verifyAll(null).intact()).isTrue();
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE evaluation SET score = 1")).hasMessageContaining("append-only");
        }
    }
}
