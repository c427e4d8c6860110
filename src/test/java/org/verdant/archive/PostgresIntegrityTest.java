package org.verdant.archive;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdant.accounts.Accounts;
import org.verdant.support.TestRulebook;
import org.verdant.submission.SubmissionReader;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The archive on a real PostgreSQL ({@link PgCluster}): every migration from empty and from an
 * archive made at V4, every table's writer, the chains, export and import, the documented
 * insert-only role, and the facility-name limit.
 */
class PostgresIntegrityTest {
    PgCluster pg;
    final List<String> schemas = new ArrayList<>();
    final List<String> roles = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeEach
    void cluster() {
        pg = PgCluster.get();
    }

    @AfterEach
    void drop() throws SQLException {
        for (String s : schemas) pg.dropSchema(s);
        try (Connection c = pg.connect(pg.url); Statement s = c.createStatement()) {
            for (String r : roles) {
                s.execute("DROP OWNED BY " + r);
                s.execute("DROP ROLE " + r);
            }
        }
    }

    private String schema() throws SQLException {
        String s = pg.newSchema();
        schemas.add(s);
        return pg.urlOf(s);
    }

    private Archive open(String url) {
        return Archive.open(url, pg.user, pg.password);
    }

    @Test
    void migratesFromEmptyAndEveryTableIsWrittenAndChained() throws Exception {
        String url = schema();
        try (Archive archive = open(url); Connection c = pg.connect(url); Statement s = c.createStatement()) {
            TableChainTest.fill(archive);
            ArchiveIntegrity r = archive.verifyAll(null);
            assertThat(r.breaks()).isEmpty();
            assertThat(r.records()).isEqualTo(3);
            try (ResultSet rs = s.executeQuery("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")) {
                List<String> versions = new ArrayList<>();
                while (rs.next()) versions.add(rs.getString(1));
                assertThat(versions).startsWith("1", "2", "3", "4", "5", "6").contains("8");
            }
            for (TableChain.Table t : TableChain.Table.values()) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*), MAX(chain_seq) FROM " + t.name)) {
                    rs.next();
                    assertThat(List.of(rs.getLong(1), rs.getLong(2))).as(t.name).containsExactly(3L, 3L);
                }
                assertThatThrownBy(() -> s.executeUpdate("UPDATE " + t.name + " SET row_hash = 'x'")).as(t.name).hasMessageContaining("append-only");
            }
            // the readers see what the writers wrote
            assertThat(DisputeSteps.forFacility(archive, Stored.creditCode(60))).hasSize(3);
            assertThat(new EvidenceStore(archive).list()).hasSize(3);
            assertThat(archive.get(2).orElseThrow().assessment()).isNotNull();
            assertThat(Accounts.of(archive).accessLog(10)).hasSize(3);
            assertThat(RulebookSnapshots.load(archive, "sha256:" + "ab".repeat(32)).orElseThrow()).hasSize(3);

            // export, then import into an empty archive on the same server
            Path bundle = dir.resolve("bundle");
            assertThat(ArchiveBundle.export(archive, bundle).intact()).isTrue();
            try (Archive copy = open(schema())) {
                ArchiveImport in = copy.importBundle(bundle);
                assertThat(in.accepted()).isTrue();
                assertThat(in.added()).isEqualTo(3);
                assertThat(copy.verifyAll(null).head()).isEqualTo(r.head());
            }
        }
    }

    /** A /2 bundle of an SQLite archive, every table in it, imported into PostgreSQL: the same heads, and PostgreSQL's own export is the same bundle. */
    @Test
    void aBundleFromSqliteImportsIntoPostgresqlWithTheSameHeads() throws Exception {
        Path bundle = dir.resolve("bundle");
        Map<String, String> heads;
        try (Archive sqlite = Archive.open(dir.resolve("sqlite"))) {
            TableChainTest.fill(sqlite);
            heads = sqlite.verifyAll(null).heads();
            assertThat(ArchiveBundle.export(sqlite, bundle).intact()).isTrue();
        }
        try (Archive copy = open(schema())) {
            ArchiveImport in = copy.importBundle(bundle);
            assertThat(in.accepted()).as(String.valueOf(in.refusal())).isTrue();
            assertThat(in.addedByTable().values()).containsOnly(3L);
            ArchiveIntegrity r = copy.verifyAgainst(heads);
            assertThat(r.intact()).as(String.valueOf(r.breaks())).isTrue();
            assertThat(r.heads()).isEqualTo(heads);
            Path again = dir.resolve("again");
            assertThat(ArchiveBundle.export(copy, again).intact()).isTrue();
            for (String f : new String[] {"manifest.json", "evaluations.jsonl", "access_log.jsonl", "evidence_blob.jsonl", "dispute_step.jsonl"}) {
                assertThat(java.nio.file.Files.readString(again.resolve(f))).as(f).isEqualTo(java.nio.file.Files.readString(bundle.resolve(f)));
            }
            // and it goes on writing after the imported rows
            Accounts.of(copy).log("dave", "read", "list", null, null, "ok");
            assertThat(copy.verifyAll(null).intact()).isTrue();
        }
    }

    /** The same records hash alike on SQLite and PostgreSQL: an archive made at V4 is chained (V5, V8) to SQLite's very hashes. */
    @Test
    void anArchiveMadeAtV4IsUpgradedWithEveryChainBackfilled() throws Exception {
        List<Row> rows = new ArrayList<>();
        String sqliteHead;
        try (Archive sqlite = Archive.open(dir.resolve("sqlite"))) {
            TableChainTest.inputs().forEach(sqlite::store);
            sqlite.forEachRow(rows::add);
            sqliteHead = sqlite.verifyAll(null).head();
        }
        String url = schema();
        Flyway.configure(Archive.class.getClassLoader()).dataSource(url, pg.user, pg.password)
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                .placeholders(Map.of("bytes_type", "BYTEA")).target("4").load().migrate();
        List<String> v1 = Row.COLUMNS.subList(0, Row.COLUMNS.size() - 2);
        try (Connection c = pg.connect(url)) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO evaluation (" + String.join(", ", v1) + ") VALUES ("
                    + "?, ".repeat(v1.size() - 1) + "?)")) {
                for (Row r : rows) {
                    int i = 1;
                    for (String col : v1) {
                        String v = r.get(col);
                        if (col.equals("submission")) ps.setBytes(i++, r.submission());
                        else if (v == null) ps.setNull(i++, java.sql.Types.NULL);
                        else if (Row.INTEGERS.contains(col)) ps.setLong(i++, Long.parseLong(v));
                        else if (col.equals("score")) ps.setBigDecimal(i++, new java.math.BigDecimal(v));
                        else ps.setString(i++, v);
                    }
                    ps.executeUpdate();
                }
            }
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO dispute_step VALUES (1, 1, 1, '" + Stored.creditCode(60) + "', 'objection', "
                        + "'2026-03-02T00:00:00.000Z', '企业', '{}', 'sha256:c', NULL)");
                s.executeUpdate("INSERT INTO evidence_blob VALUES ('sha256:e', 'text/csv', 2, '\\x610a', '2026-03-02T00:00:00.000Z')");
            }
        }
        try (Archive upgraded = open(url); Connection c = pg.connect(url); Statement s = c.createStatement()) {
            ArchiveIntegrity r = upgraded.verifyAll(null);
            assertThat(r.breaks()).isEmpty();
            assertThat(r.records()).isEqualTo(3);
            assertThat(r.head()).isEqualTo(sqliteHead);
            try (ResultSet rs = s.executeQuery("SELECT chain_seq FROM dispute_step")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(1);
            }
            TableChainTest.fill(upgraded); // and the writers go on from there
            assertThat(upgraded.verifyAll(null).breaks()).isEmpty();
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM evidence_blob")).hasMessageContaining("append-only");
        }
    }

    /** docs/archive.md: run Verdant as a role granted only SELECT and INSERT; what that role can still do shows. */
    @Test
    void theInsertOnlyRoleCannotChangeRowsAndWhatItForgesIsCaught() throws Exception {
        String url = schema();
        String schema = schemas.get(schemas.size() - 1);
        String role = "verdant_writer_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (Archive archive = open(url); Connection c = pg.connect(url); Statement s = c.createStatement()) {
            archive.store(TableChainTest.inputs().get(0)); // the owner migrates
            s.execute("CREATE ROLE " + role + " LOGIN");
            roles.add(role);
            s.execute("GRANT USAGE ON SCHEMA " + schema + " TO " + role);
            s.execute("GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA " + schema + " TO " + role);
        }
        try (Archive asWriter = Archive.open(url, role, null); Connection c = PgCluster.connect(url, role, null); Statement s = c.createStatement()) {
            // it can do its job: store, log, file evidence, open a dispute
            asWriter.store(TableChainTest.inputs().get(1));
            Accounts.of(asWriter).log("alice", "read", "record 1", 1L, null, "ok");
            new EvidenceStore(asWriter).put("a,b\n1,2\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "x.csv");
            DisputeSteps.open(asWriter, 1, Stored.creditCode(60), "企业", Stored.T0, p -> "{}");
            assertThat(asWriter.verifyAll(null).breaks()).isEmpty();
            for (String table : List.of("evaluation", "access_log", "dispute_step", "evidence_blob")) {
                assertThatThrownBy(() -> s.executeUpdate("UPDATE " + table + " SET row_hash = 'x'")).as(table).hasMessageContaining("permission denied");
                assertThatThrownBy(() -> s.executeUpdate("DELETE FROM " + table)).as(table).hasMessageContaining("permission denied");
            }
            // a forged copy of record 2 with a better score, and a forged access-log line
            s.executeUpdate("INSERT INTO evaluation SELECT 3, NULL, evaluated_at, scheme, edition, credit_code, facility_name, "
                    + "industry, province, reporting_year + 1, eligible, 1, 100, 'A+', lang, requested_edition, requested_grading, input_file, "
                    + "input_digest, rulebook_digest, engine_version, submission, verdict_json, previous_hash, 'sha256:forged' FROM evaluation WHERE id = 2");
            s.executeUpdate("INSERT INTO access_log SELECT id + 1, at, 'mallory', action, what, record_id, credit_code, outcome, "
                    + "chain_seq + 1, previous_hash, row_hash FROM access_log WHERE chain_seq = 1");
            ArchiveIntegrity r = asWriter.verifyAll(null);
            assertThat(r.first()).extracting(ArchiveIntegrity.Break::table, ArchiveIntegrity.Break::id, ArchiveIntegrity.Break::what)
                    .containsExactly("evaluation", 3L, "previous_hash");
            assertThat(r.firstPerTable().get("access_log")).extracting(ArchiveIntegrity.Break::id, ArchiveIntegrity.Break::what)
                    .containsExactly(2L, "previous_hash");
        }
    }

    @Test
    void aNameAtTheLimitInFourByteCharactersStoresWhole() throws Exception {
        String rare = new String(Character.toChars(0x20000));
        String name = rare.repeat(SubmissionReader.MAX_NAME / 2) + "厂".repeat(SubmissionReader.MAX_NAME - SubmissionReader.MAX_NAME / 2);
        assertThat(name.codePointCount(0, name.length())).isEqualTo(SubmissionReader.MAX_NAME);
        String yaml = TestRulebook.with(TestRulebook.base(), "facility.name", "\"" + name + "\"");
        try (Archive archive = open(schema())) {
            ArchiveEntry e = archive.store(Stored.input(yaml, "long.yaml", Stored.T0));
            assertThat(archive.get(e.id()).orElseThrow().entry().facilityName()).isEqualTo(name);
            assertThat(archive.verifyAll(null).intact()).isTrue();
        }
    }
}
