package org.verdant.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdant.evaluation.Evaluator;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bundles of verdant.archive-bundle/2: every chained table exported, checked whole on import, the same heads after; /1 still imports. */
class ArchiveBundleTest {
    @TempDir
    Path dir;

    /** An archive with three rows in every table, exported. */
    private Path exported(Archive archive) throws Exception {
        TableChainTest.fill(archive);
        Path bundle = dir.resolve("bundle");
        assertThat(ArchiveBundle.export(archive, bundle).intact()).isTrue();
        return bundle;
    }

    static long rows(Path data, String table) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(ArchiveLocation.FILE_NAME));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void everyTableTravelsAndTheCopyHasTheSameHeads() throws Exception {
        Map<String, String> heads;
        Path bundle;
        try (Archive archive = Archive.open(dir.resolve("original"))) {
            bundle = exported(archive);
            heads = archive.verifyAll(null).heads();
        }
        JsonNode manifest = new ObjectMapper().readTree(bundle.resolve("manifest.json").toFile());
        assertThat(manifest.get("format").asText()).isEqualTo("verdant.archive-bundle/2");
        for (TableChain.Table t : TableChain.Table.values()) {
            assertThat(bundle.resolve(t.name + ".jsonl")).exists();
            assertThat(manifest.get("tables").get(t.name).get("head").asText()).as(t.name).isEqualTo(heads.get(t.name));
            assertThat(manifest.get("tables").get(t.name).get("rows").asLong()).as(t.name).isEqualTo(3);
        }
        Path copyDir = dir.resolve("copy");
        try (Archive copy = Archive.open(copyDir)) {
            ArchiveImport in = copy.importBundle(bundle);
            assertThat(in.accepted()).as(String.valueOf(in.refusal())).isTrue();
            assertThat(in.added()).isEqualTo(3);
            assertThat(in.addedByTable()).hasSize(TableChain.Table.values().length).allSatisfy((t, n) -> assertThat(n).as(t).isEqualTo(3));
            ArchiveIntegrity after = copy.verifyAgainst(heads);
            assertThat(after.intact()).as(String.valueOf(after.breaks())).isTrue();
            assertThat(after.heads()).isEqualTo(heads);
            // the readers see the imported rows
            assertThat(DisputeSteps.forFacility(copy, Stored.creditCode(60))).hasSize(3);
            assertThat(new EvidenceStore(copy).list()).hasSize(3);
            assertThat(org.verdant.accounts.Accounts.of(copy).accessLog(10)).hasSize(3);
            // again: everything is there already
            ArchiveImport again = copy.importBundle(bundle);
            assertThat(again.accepted()).isTrue();
            assertThat(again.present()).isEqualTo(3);
            assertThat(again.addedByTable().values()).containsOnly(0L);
            // the copy goes on: its chains continue from the imported heads
            org.verdant.accounts.Accounts.of(copy).log("dave", "read", "list", null, null, "ok");
            assertThat(copy.verifyAll(null).intact()).isTrue();
        }
    }

    /** A row of any table changed, its file's digest recomputed as a careful forger would: refused, and nothing of the bundle is written. */
    @Test
    void aTamperedBundleIsRefusedWhole() throws Exception {
        Path bundle;
        try (Archive archive = Archive.open(dir.resolve("original"))) {
            bundle = exported(archive);
        }
        Path log = bundle.resolve("access_log.jsonl");
        String text = Files.readString(log, StandardCharsets.UTF_8);
        String edited = text.replaceFirst("\"actor\":\"alice\"", "\"actor\":\"mallory\"");
        assertThat(edited).isNotEqualTo(text);
        Files.writeString(log, edited, StandardCharsets.UTF_8);
        ObjectMapper json = new ObjectMapper();
        ObjectNode manifest = (ObjectNode) json.readTree(bundle.resolve("manifest.json").toFile());
        ((ObjectNode) manifest.get("tables").get("access_log")).put("sha256", Evaluator.sha256(edited.getBytes(StandardCharsets.UTF_8)));
        Files.writeString(bundle.resolve("manifest.json"), json.writeValueAsString(manifest), StandardCharsets.UTF_8);

        Path target = dir.resolve("target");
        try (Archive copy = Archive.open(target)) {
            ArchiveImport in = copy.importBundle(bundle);
            assertThat(in.accepted()).isFalse();
            assertThat(in.refusal()).extracting(ArchiveIntegrity.Break::table, ArchiveIntegrity.Break::id, ArchiveIntegrity.Break::what)
                    .containsExactly("access_log", 1L, "row_hash");
        }
        // the evaluations were whole, yet none of them went in: the bundle is taken whole or not at all
        assertThat(rows(target, "evaluation")).isZero();
        for (TableChain.Table t : TableChain.Table.values()) assertThat(rows(target, t.name)).as(t.name).isZero();

        // a file the manifest does not list the digest of, and a table left out, are damage too
        Files.writeString(log, text, StandardCharsets.UTF_8);
        ((ObjectNode) manifest.get("tables")).remove("dispute_step");
        ((ObjectNode) manifest.get("tables").get("access_log")).put("sha256", Evaluator.sha256(text.getBytes(StandardCharsets.UTF_8)));
        Files.writeString(bundle.resolve("manifest.json"), json.writeValueAsString(manifest), StandardCharsets.UTF_8);
        try (Archive copy = Archive.open(target)) {
            ArchiveImport in = copy.importBundle(bundle);
            assertThat(in.accepted()).isFalse();
            assertThat(in.refusal().what()).isEqualTo("bundle tables.dispute_step");
        }
        assertThat(rows(target, "evaluation")).isZero();
    }

    /** A bundle written before /2 (evaluations.jsonl and a /1 manifest) still imports, with its evaluations only. */
    @Test
    void aVersion1BundleStillImports() throws Exception {
        Path bundle;
        String head;
        try (Archive archive = Archive.open(dir.resolve("original"))) {
            bundle = exported(archive);
            head = archive.verifyAll(null).head();
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode manifest = (ObjectNode) json.readTree(bundle.resolve("manifest.json").toFile());
        for (TableChain.Table t : TableChain.Table.values()) Files.delete(bundle.resolve(t.name + ".jsonl"));
        manifest.remove(List.of("tables", "table_row_format"));
        manifest.put("format", "verdant.archive-bundle/1");
        Files.writeString(bundle.resolve("manifest.json"), json.writeValueAsString(manifest), StandardCharsets.UTF_8);
        Path target = dir.resolve("target");
        try (Archive copy = Archive.open(target)) {
            ArchiveImport in = copy.importBundle(bundle);
            assertThat(in.accepted()).as(String.valueOf(in.refusal())).isTrue();
            assertThat(in.added()).isEqualTo(3);
            assertThat(in.addedByTable()).isEmpty();
            assertThat(copy.verifyAll(head).intact()).isTrue();
        }
        assertThat(rows(target, "access_log")).isZero();
    }
}
