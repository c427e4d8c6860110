package org.verdant.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.verdant.accounts.Accounts;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The other append-only tables are in the hash chain (V8): each test fills every table with three
 * rows through Verdant's own writers, then alters one table through JDBC as someone who can write
 * the SQLite file would (triggers dropped first), and {@code verifyAll} names that table's first break.
 */
class TableChainTest {
    private static List<ArchiveInput> inputs;

    @TempDir
    Path dir;

    /** Three evaluations, each with an assessment; made once (each is a full evaluation) and shared with PostgresIntegrityTest. */
    static synchronized List<ArchiveInput> inputs() throws Exception {
        if (inputs != null) return inputs;
        List<ArchiveInput> made = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String yaml = Stored.factory(2023, Stored.creditCode(60 + i), List.of());
            ArchiveInput plain = Stored.input(yaml, "f" + i + ".yaml", Stored.T0.plusSeconds(i));
            byte[] assessment = ("{\"format\":\"verdant.assessment/1\",\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8);
            EvidenceAssessment a = new EvidenceAssessment("assessment" + i + ".json", assessment);
            made.add(new ArchiveInput(plain.submission(), plain.file(), naming(plain.verdictJson(), a.sha256()), null, null,
                    plain.evaluatedAt(), a));
        }
        inputs = List.copyOf(made);
        return inputs;
    }

    /** The verdict as it is when the evaluation used an assessment: it names the assessment's digest. */
    static String naming(String verdictJson, String digest) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode v = (ObjectNode) json.readTree(verdictJson);
        v.putObject("assessment").put("digest", digest);
        return json.writeValueAsString(v);
    }

    /** Three rows in every chained table, each written by the code that writes it in use. */
    static void fill(Archive archive) throws Exception {
        inputs().forEach(archive::store);
        EvidenceStore evidence = new EvidenceStore(archive);
        for (int i = 0; i < 3; i++) evidence.put(("月份,电力/kWh\n" + i + ",120000\n").getBytes(StandardCharsets.UTF_8), "e" + i + ".csv");
        evidence.put("月份,电力/kWh\n0,120000\n".getBytes(StandardCharsets.UTF_8), "again.csv"); // stored once only
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) files.put("scorecards/s" + i + ".yaml", ("figure: " + i + "\n").getBytes(StandardCharsets.UTF_8));
        RulebookSnapshots.store(archive, "sha256:" + "ab".repeat(32), files);
        RulebookSnapshots.store(archive, "sha256:" + "ab".repeat(32), files); // already there: nothing written
        DisputeStep objection = DisputeSteps.open(archive, 1, Stored.creditCode(60), "企业", Stored.T0, p -> "{\"objection\":1}");
        DisputeSteps.append(archive, objection.disputeId(), DisputeStep.REEVALUATION, "评价机构", Stored.T0.plusSeconds(5), p -> "{\"p\":\"" + p + "\"}");
        DisputeSteps.append(archive, objection.disputeId(), DisputeStep.RULING, "监管", Stored.T0.plusSeconds(9), p -> "{\"p\":\"" + p + "\"}");
        Accounts accounts = Accounts.of(archive);
        for (int i = 0; i < 3; i++) accounts.log("alice", "read", "record " + (i + 1), (long) i + 1, Stored.creditCode(60 + i), "ok");
        for (long record : new long[] {1, 2, 1}) {
            AssessmentRevisions.append(archive, record, Stored.creditCode(59 + (int) record), "评价机构",
                    new EvidenceAssessment("site.yaml", ("format: verdant.assessment/1 # " + record + "\n").getBytes(StandardCharsets.UTF_8)), "{\"score\": 90}");
        }
    }

    private Archive filled() throws Exception {
        Archive archive = Archive.open(dir);
        fill(archive);
        return archive;
    }

    private Connection raw() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(ArchiveLocation.FILE_NAME));
    }

    private static void dropTriggers(Connection c, TableChain.Table t) throws SQLException {
        dropTriggers(c, t.name);
    }

    /** A text column to rewrite and the key column a forged copy changes, per table. */
    private static String rewritten(TableChain.Table t) {
        return switch (t) {
            case EVIDENCE_BLOB -> "media_type";
            case EVALUATION_ASSESSMENT -> "file";
            case RULEBOOK_FILE, RULEBOOK_SNAPSHOT -> "sha256";
            case DISPUTE_STEP -> "actor";
            case ACCESS_LOG -> "actor";
            case ASSESSMENT_REVISION -> "actor";
        };
    }

    private static String key(TableChain.Table t) {
        return switch (t) {
            case EVIDENCE_BLOB, RULEBOOK_FILE -> "sha256";
            case EVALUATION_ASSESSMENT -> "evaluation_id";
            case RULEBOOK_SNAPSHOT -> "path";
            case DISPUTE_STEP -> "seq";
            case ACCESS_LOG -> "id";
            case ASSESSMENT_REVISION -> "revision";
        };
    }

    private static ArchiveIntegrity.Break firstIn(Archive archive, TableChain.Table t) {
        ArchiveIntegrity r = archive.verifyAll(null);
        assertThat(r.intact()).as("damage to " + t.name + " must show").isFalse();
        assertThat(r.firstPerTable()).as("only the altered table breaks").containsOnlyKeys(t.name);
        return r.first();
    }

    @Test
    void everyTableIsChainedByItsWriterAndIntact() throws Exception {
        try (Archive archive = filled(); Connection c = raw()) {
            ArchiveIntegrity r = archive.verifyAll(null);
            assertThat(r.breaks()).isEmpty();
            for (TableChain.Table t : TableChain.Table.values()) {
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT COUNT(*), MIN(chain_seq), MAX(chain_seq), COUNT(DISTINCT row_hash) FROM " + t.name)) {
                    rs.next();
                    assertThat(List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).as(t.name).containsExactly(3L, 1L, 3L, 3L);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TableChain.Table.class)
    void aRewrittenRowIsCaught(TableChain.Table t) throws Exception {
        try (Archive archive = filled(); Connection c = raw(); Statement s = c.createStatement()) {
            dropTriggers(c, t);
            assertThat(s.executeUpdate("UPDATE " + t.name + " SET " + rewritten(t) + " = " + rewritten(t) + " || 'x' WHERE chain_seq = 2")).isEqualTo(1);
            ArchiveIntegrity.Break b = firstIn(archive, t);
            assertThat(b).extracting(ArchiveIntegrity.Break::table, ArchiveIntegrity.Break::id, ArchiveIntegrity.Break::what)
                    .containsExactly(t.name, 2L, "row_hash");
            assertThat(b.text().in("zh")).contains("表 " + t.name + " 第 2 行").contains("改写");
            assertThat(b.text().in("en")).contains("table " + t.name + ", row 2");
        }
    }

    @ParameterizedTest
    @EnumSource(TableChain.Table.class)
    void aDeletedRowIsCaught(TableChain.Table t) throws Exception {
        try (Archive archive = filled(); Connection c = raw(); Statement s = c.createStatement()) {
            dropTriggers(c, t);
            assertThat(s.executeUpdate("DELETE FROM " + t.name + " WHERE chain_seq = 2")).isEqualTo(1);
            assertThat(firstIn(archive, t)).extracting(ArchiveIntegrity.Break::id, ArchiveIntegrity.Break::what).containsExactly(3L, "id");
            assertThat(archive.verifyAll(null).breaks()).extracting(ArchiveIntegrity.Break::what).contains("previous_hash");
        }
    }

    /** What a role granted only INSERT can do: a forged copy of the last row, its hashes copied, at the end. */
    @ParameterizedTest
    @EnumSource(TableChain.Table.class)
    void anInsertedRowIsCaught(TableChain.Table t) throws Exception {
        try (Archive archive = filled(); Connection c = raw()) {
            Map<String, Object> last;
            try (PreparedStatement ps = c.prepareStatement(t.select() + " WHERE chain_seq = 3"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                last = TableChain.read(t, rs);
            }
            Object k = last.get(key(t));
            last.put(key(t), t.integers.contains(key(t)) ? String.valueOf(Long.parseLong((String) k) + 100) : k + "-forged");
            last.put("chain_seq", "4");
            List<String> cols = new ArrayList<>(last.keySet());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + t.name + " (" + String.join(", ", cols) + ") VALUES ("
                    + "?, ".repeat(cols.size() - 1) + "?)")) {
                for (int i = 0; i < cols.size(); i++) ps.setObject(i + 1, last.get(cols.get(i)));
                ps.executeUpdate();
            }
            assertThat(firstIn(archive, t)).extracting(ArchiveIntegrity.Break::id, ArchiveIntegrity.Break::what).containsExactly(4L, "previous_hash");
        }
    }

    @ParameterizedTest
    @EnumSource(TableChain.Table.class)
    void reorderedRowsAreCaught(TableChain.Table t) throws Exception {
        try (Archive archive = filled(); Connection c = raw(); Statement s = c.createStatement()) {
            dropTriggers(c, t);
            s.executeUpdate("UPDATE " + t.name + " SET chain_seq = -1 WHERE chain_seq = 1");
            s.executeUpdate("UPDATE " + t.name + " SET chain_seq = 1 WHERE chain_seq = 2");
            s.executeUpdate("UPDATE " + t.name + " SET chain_seq = 2 WHERE chain_seq = -1");
            assertThat(firstIn(archive, t)).extracting(ArchiveIntegrity.Break::id, ArchiveIntegrity.Break::what).containsExactly(1L, "previous_hash");
        }
    }

    /** The command line: exit 5, the table and row named in the user's language, the first break per table in the JSON. */
    @Test
    void verifyAllNamesTheFirstBreakOfEachTable() throws Exception {
        try (Archive archive = filled(); Connection c = raw(); Statement s = c.createStatement()) {
            dropTriggers(c, TableChain.Table.DISPUTE_STEP);
            dropTriggers(c, TableChain.Table.ACCESS_LOG);
            s.executeUpdate("UPDATE dispute_step SET actor = '监管机构' WHERE chain_seq = 3");
            s.executeUpdate("DELETE FROM access_log WHERE chain_seq = 1");
        }
        String[] zh = cli("archive", "verify", "--all", "--data", dir.toString());
        assertThat(zh[0]).isEqualTo("5");
        assertThat(zh[1]).contains("表 dispute_step 第 3 行：各列的摘要为").contains("表 access_log 第 2 行：chain_seq 应为 1，实为 2");
        assertThat(cli("archive", "verify", "--all", "--data", dir.toString(), "--lang", "en")[1])
                .contains("table dispute_step, row 3: its columns hash to").contains("(a row was removed, inserted or reordered)");
        String[] json = cli("archive", "verify", "--all", "--format", "json", "--data", dir.toString());
        var first = new ObjectMapper().readTree(json[1]).get("first_by_table");
        assertThat(first.fieldNames()).toIterable().containsExactly("dispute_step", "access_log");
        assertThat(first.get("dispute_step").get("what").asText()).isEqualTo("row_hash");
        assertThat(first.get("access_log").get("id").asLong()).isEqualTo(2);
    }

    /**
     * Cutting the last row of any table leaves a shorter chain that is intact in itself: only the
     * heads noted before show it. Every table's head is printed by verify --all and checked by --head TABLE=HEAD.
     */
    @Test
    void theLastRowCutFromAnyTableIsNamedByItsHead() throws Exception {
        Map<String, String> heads;
        try (Archive archive = filled()) {
            ArchiveIntegrity before = archive.verifyAll(null);
            heads = before.heads();
            assertThat(heads.keySet()).containsExactlyElementsOf(
                    java.util.stream.Stream.concat(java.util.stream.Stream.of("evaluation"),
                            java.util.Arrays.stream(TableChain.Table.values()).map(t -> t.name)).toList());
            assertThat(archive.verifyAgainst(heads).intact()).isTrue();
        }
        String[] noted = cli("archive", "verify", "--all", "--data", dir.toString());
        for (TableChain.Table t : TableChain.Table.values()) assertThat(noted[1]).contains("--head " + t.name + "=" + heads.get(t.name));
        try (Connection c = raw(); Statement s = c.createStatement()) {
            for (String table : heads.keySet()) {
                dropTriggers(c, table);
                assertThat(s.executeUpdate("DELETE FROM " + table + " WHERE " + (table.equals("evaluation") ? "id" : "chain_seq")
                        + " = (SELECT MAX(" + (table.equals("evaluation") ? "id" : "chain_seq") + ") FROM " + table + ")")).as(table).isEqualTo(1);
            }
        }
        try (Archive archive = Archive.open(dir)) {
            assertThat(archive.verifyAll(null).breaks()).as("a chain cut at its end is whole in itself").isEmpty();
            ArchiveIntegrity r = archive.verifyAgainst(heads);
            assertThat(r.intact()).isFalse();
            assertThat(r.breaks()).extracting(ArchiveIntegrity.Break::what).containsOnly("head");
            assertThat(r.firstPerTable()).containsOnlyKeys(heads.keySet());
            ArchiveIntegrity.Break log = r.firstPerTable().get("access_log");
            assertThat(log.expected()).isEqualTo(heads.get("access_log"));
            assertThat(log.text().in("zh")).contains("表 access_log 的链不经过所给的链头").contains("被删除");
            assertThat(log.text().in("en")).contains("the chain of table access_log does not pass through the head given");
        }
        List<String> args = new ArrayList<>(List.of("archive", "verify", "--all", "--data", dir.toString()));
        heads.forEach((table, h) -> args.addAll(List.of("--head", table.equals("evaluation") ? h : table + "=" + h)));
        String[] cut = cli(args.toArray(String[]::new));
        assertThat(cut[0]).isEqualTo("5");
        assertThat(cut[1]).contains("表 dispute_step 的链不经过所给的链头 " + heads.get("dispute_step"));
        String[] unknown = cli("archive", "verify", "--all", "--data", dir.toString(), "--head", "accounts=sha256:00");
        assertThat(unknown[0]).isEqualTo("2");
        assertThat(unknown[1]).contains("没有名为 accounts 的链表");
    }

    /**
     * Someone who can write the database rewrites record 1 (a column no check derives from its
     * verdict) and re-chains every evaluation after it, so the evaluations' chain is whole again:
     * the assessment revisions and dispute steps written against the old record still name its old
     * row hash (V10), so they show it.
     */
    @Test
    void aRechainedEvaluationNoLongerMatchesTheAssessmentsAndStepsBoundToIt() throws Exception {
        Map<Long, String> before = new LinkedHashMap<>();
        try (Archive archive = filled(); Connection c = raw(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT evaluation_id, evaluation_row_hash FROM assessment_revision ORDER BY chain_seq")) {
                while (rs.next()) before.put(rs.getLong(1), rs.getString(2));
            }
            List<Row> rows = new ArrayList<>();
            archive.forEachRow(rows::add);
            assertThat(before).containsEntry(1L, rows.get(0).rowHash()).containsEntry(2L, rows.get(1).rowHash());
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM dispute_step WHERE evaluation_row_hash = '" + rows.get(0).rowHash() + "'")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(3);
            }
            dropTriggers(c, "evaluation");
            String previous = Row.GENESIS;
            try (PreparedStatement ps = c.prepareStatement("UPDATE evaluation SET requested_grading = ?, previous_hash = ?, row_hash = ? WHERE id = ?")) {
                for (Row r : rows) {
                    Map<String, String> text = new LinkedHashMap<>(r.text());
                    if (r.id() == 1) text.put("requested_grading", "forged");
                    Row chained = new Row(text, r.submission()).chained(previous);
                    ps.setString(1, text.get("requested_grading"));
                    ps.setString(2, chained.previousHash());
                    ps.setString(3, chained.rowHash());
                    ps.setLong(4, r.id());
                    assertThat(ps.executeUpdate()).isEqualTo(1);
                    previous = chained.rowHash();
                }
            }
            ArchiveIntegrity r = archive.verifyAll(null);
            assertThat(r.firstPerTable()).as("the evaluations' own chain is whole again").doesNotContainKey("evaluation")
                    .containsOnlyKeys("dispute_step", "assessment_revision");
            // the record a binding names is a field of its own; the code stays the same in every break of its kind
            assertThat(r.breaks()).extracting(ArchiveIntegrity.Break::table, ArchiveIntegrity.Break::id, ArchiveIntegrity.Break::what,
                    ArchiveIntegrity.Break::record).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("dispute_step", 1L, "evaluation_row_hash", 1L),
                    org.assertj.core.groups.Tuple.tuple("dispute_step", 2L, "evaluation_row_hash", 1L),
                    org.assertj.core.groups.Tuple.tuple("dispute_step", 3L, "evaluation_row_hash", 1L),
                    org.assertj.core.groups.Tuple.tuple("assessment_revision", 1L, "evaluation_row_hash", 1L),
                    org.assertj.core.groups.Tuple.tuple("assessment_revision", 2L, "evaluation_row_hash", 2L),
                    org.assertj.core.groups.Tuple.tuple("assessment_revision", 3L, "evaluation_row_hash", 1L));
            String json = org.verdant.archive.ArchiveJson.integrity(r);
            assertThat(json).contains("\"what\" : \"evaluation_row_hash\",").contains("\"record\" : 2").doesNotContain("evaluation_row_hash 1");
            ArchiveIntegrity.Break b = r.firstPerTable().get("assessment_revision");
            assertThat(b.expected()).isEqualTo(rows.get(0).rowHash());
            assertThat(b.text().in("zh")).contains("表 assessment_revision 第 1 行：写入时所针对的记录 1 的行摘要为").contains("重新成链");
            assertThat(b.text().in("en")).contains("record 1 had the row hash").contains("re-chained after it");
        }
    }

    /** The binding is in the row's hash: blanking it (to escape the check above) is a rewritten row. */
    @Test
    void theBindingIsHashedWithItsRow() throws Exception {
        try (Archive archive = filled(); Connection c = raw(); Statement s = c.createStatement()) {
            dropTriggers(c, "assessment_revision");
            s.executeUpdate("UPDATE assessment_revision SET evaluation_row_hash = NULL WHERE chain_seq = 2");
            assertThat(firstIn(archive, TableChain.Table.ASSESSMENT_REVISION))
                    .extracting(ArchiveIntegrity.Break::id, ArchiveIntegrity.Break::what).containsExactly(2L, "row_hash");
        }
    }

    private static void dropTriggers(Connection c, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = '" + table + "'")) {
            while (rs.next()) names.add(rs.getString(1));
        }
        try (Statement s = c.createStatement()) {
            for (String n : names) s.execute("DROP TRIGGER " + n);
        }
    }

    private static String[] cli(String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = org.verdant.cli.VerdantCli.run(new java.io.PrintWriter(out), new java.io.PrintWriter(err), args);
        return new String[] {String.valueOf(code), out + err.toString()};
    }

    @Test
    void theTriggersStillRefuseChangesAfterV8() throws Exception {
        try (Archive archive = filled(); Connection c = raw(); Statement s = c.createStatement()) {
            for (TableChain.Table t : TableChain.Table.values()) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.executeUpdate("UPDATE " + t.name + " SET row_hash = 'x'"))
                        .as(t.name).hasMessageContaining("append-only");
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.executeUpdate("DELETE FROM " + t.name))
                        .as(t.name).hasMessageContaining("append-only");
            }
        }
    }

    /** An archive written before V8 has its rows chained when opened, in the order they were most likely written. */
    @Test
    void anArchiveMadeBeforeV8IsBackfilled() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve(ArchiveLocation.FILE_NAME);
        Flyway.configure(Archive.class.getClassLoader()).dataSource(url, null, null)
                .locations("classpath:db/migration/common", "classpath:db/migration/sqlite")
                .placeholders(Map.of("bytes_type", "BLOB")).javaMigrations(new ChainMigration(Archive.Vendor.SQLITE)).target("6").load().migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO evidence_blob VALUES ('sha256:b', 'text/csv', 3, X'610a62', '2026-01-02T00:00:00.000Z')");
            s.executeUpdate("INSERT INTO evidence_blob VALUES ('sha256:a', 'text/csv', 3, X'610a63', '2026-01-03T00:00:00.000Z')");
            s.executeUpdate("INSERT INTO access_log (at, actor, action, what, outcome) VALUES ('2026-01-01T00:00:00Z', 'bob', 'read', 'list', 'ok')");
            s.executeUpdate("INSERT INTO access_log (at, actor, action, what, outcome) VALUES ('2026-01-01T00:00:01Z', 'bob', 'read', 'list', 'ok')");
        }
        try (Archive archive = Archive.open(dir); Connection c = raw(); Statement s = c.createStatement()) {
            assertThat(archive.verifyAll(null).breaks()).isEmpty();
            try (ResultSet rs = s.executeQuery("SELECT sha256 FROM evidence_blob ORDER BY chain_seq")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("sha256:b"); // by stored_at, not by digest
            }
            Accounts.of(archive).log("carol", "read", "list", null, null, "ok");
            new EvidenceStore(archive).put("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), "x.csv");
            assertThat(archive.verifyAll(null).breaks()).isEmpty();
            try (ResultSet rs = s.executeQuery("SELECT id, chain_seq FROM access_log ORDER BY chain_seq DESC LIMIT 1")) {
                rs.next();
                assertThat(List.of(rs.getLong(1), rs.getLong(2))).containsExactly(3L, 3L);
            }
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.executeUpdate("DELETE FROM access_log"))
                    .hasMessageContaining("append-only");
        }
    }
}
