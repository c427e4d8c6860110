package org.verdant.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdant.archive.Stored;
import org.verdant.evaluation.Evaluator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verdant.cli.CliTest.run;
import static org.verdant.cli.CliTest.withRulebook;

/** archive verify --all, archive verify ID on a tampered row, archive export and import. */
class ArchiveIntegrityCliTest {
    @TempDir
    Path tmp;

    static final String CODE = Stored.creditCode(41);
    static final String OTHER = Stored.creditCode(42);

    private Path archived(String name, String... codes) throws IOException {
        Path data = tmp.resolve(name);
        int i = 0;
        for (String code : codes) {
            Path f = tmp.resolve(name + "-" + (i++) + ".yaml");
            Files.writeString(f, Stored.factory(2023, code, List.of("INF-05")), StandardCharsets.UTF_8);
            CliTest.Run r = run(withRulebook("evaluate", f.toString(), "--archive", data.toString()));
            assertThat(r.code()).as(r.err()).isZero();
        }
        return data;
    }

    private static void tamper(Path data, String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("verdant-archive.sqlite")); Statement s = c.createStatement()) {
            for (String q : sql) s.execute(q);
        }
    }

    @Test
    void aRewrittenScoreIsNoLongerIdentical() throws Exception {
        Path data = archived("data", CODE, OTHER);
        CliTest.Run intact = run("archive", "verify", "--all", "--data", data.toString());
        assertThat(intact.code()).as(intact.err()).isZero();
        assertThat(intact.out()).contains("档案库完好：2 条记录").contains("链头 sha256:");
        assertThat(run("archive", "verify", "--all", "--data", data.toString(), "--lang", "en").out()).contains("INTACT: 2 record(s)");

        // the attack: the score column rewritten past the trigger; list and cohort read that column
        tamper(data, "DROP TRIGGER evaluation_no_update", "UPDATE evaluation SET score = 100 WHERE id = 1");
        CliTest.Run one = run(withRulebook("archive", "verify", "1", "--data", data.toString(), "--lang", "en"));
        assertThat(one.code()).as(one.out()).isEqualTo(ExitCodes.DIFFERS);
        assertThat(one.out()).contains("DAMAGED: record 1: the column score is 100, its verdict says 98");
        CliTest.Run all = run("archive", "verify", "--all", "--data", data.toString());
        assertThat(all.code()).isEqualTo(ExitCodes.DIFFERS);
        assertThat(all.out()).contains("档案库已损坏，首个断点：记录 1：").contains("列 score 为 100，其结论中为 98");
        JsonNode j = new ObjectMapper().readTree(run("archive", "verify", "--all", "--format", "json", "--data", data.toString()).out());
        assertThat(j.get("intact").asBoolean()).isFalse();
        assertThat(j.get("breaks").get(0).get("id").asLong()).isEqualTo(1);
        assertThat(j.get("breaks").toString()).contains("\"what\":\"column score\",\"expected\":\"98\",\"found\":\"100\"");
        // and a damaged archive is not exported
        CliTest.Run export = run("archive", "export", "-o", tmp.resolve("bundle").toString(), "--data", data.toString(), "--lang", "en");
        assertThat(export.code()).isEqualTo(ExitCodes.DIFFERS);
        assertThat(export.out()).contains("not exported");
        assertThat(tmp.resolve("bundle")).doesNotExist();
    }

    @Test
    void usage() throws Exception {
        Path data = archived("data", CODE);
        assertThat(run("archive", "verify", "--data", data.toString()).code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("archive", "verify", "1", "--all", "--data", data.toString()).code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("archive", "verify", "1", "--head", "sha256:x", "--data", data.toString()).code()).isEqualTo(ExitCodes.USAGE);
        CliTest.Run head = run("archive", "verify", "--all", "--head", "sha256:" + "1".repeat(64), "--data", data.toString(), "--lang", "en");
        assertThat(head.code()).isEqualTo(ExitCodes.DIFFERS);
        assertThat(head.out()).contains("the chain does not pass through the head given");
    }

    @Test
    void exportThenImportGivesTheSameChainAndADamagedBundleIsRefused() throws Exception {
        Path data = archived("data", CODE, OTHER);
        Path bundle = tmp.resolve("bundle");
        CliTest.Run export = run("archive", "export", "-o", bundle.toString(), "--data", data.toString(), "--lang", "en");
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(export.out()).contains("exported 2 record(s)");
        assertThat(bundle.resolve("manifest.json")).exists();
        assertThat(Files.readAllLines(bundle.resolve("evaluations.jsonl"))).hasSize(2);
        assertThat(run("archive", "export", "-o", bundle.toString(), "--data", data.toString()).code()).isEqualTo(ExitCodes.USAGE);
        String head = new ObjectMapper().readTree(bundle.resolve("manifest.json").toFile()).get("chain_head").asText();

        Path copy = tmp.resolve("copy");
        CliTest.Run imported = run("archive", "import", bundle.toString(), "--data", copy.toString(), "--lang", "en");
        assertThat(imported.code()).as(imported.out() + imported.err()).isZero();
        assertThat(imported.out()).contains("imported 2 record(s) (0 already in the archive");
        CliTest.Run verified = run("archive", "verify", "--all", "--head", head, "--data", copy.toString(), "--lang", "en");
        assertThat(verified.code()).as(verified.out()).isZero();
        assertThat(verified.out()).contains("chain head " + head);
        // again: everything is there already
        assertThat(run("archive", "import", bundle.toString(), "--data", copy.toString(), "--lang", "en").out())
                .contains("imported 0 record(s) (2 already in the archive");

        // the original grows; its new export appends to the copy, whose chain it continues
        archived("data", Stored.creditCode(43));
        Path bigger = tmp.resolve("bigger");
        assertThat(run("archive", "export", "-o", bigger.toString(), "--data", data.toString()).code()).isZero();
        assertThat(run("archive", "import", bigger.toString(), "--data", copy.toString(), "--lang", "en").out())
                .contains("imported 1 record(s) (2 already in the archive");

        // another archive's bundle does not continue this one
        Path foreign = archived("foreign", OTHER);
        Path foreignBundle = tmp.resolve("foreign-bundle");
        assertThat(run("archive", "export", "-o", foreignBundle.toString(), "--data", foreign.toString()).code()).isZero();
        CliTest.Run diverge = run("archive", "import", foreignBundle.toString(), "--data", copy.toString(), "--lang", "en");
        assertThat(diverge.code()).isEqualTo(ExitCodes.DIFFERS);
        assertThat(diverge.out()).contains("import refused, nothing written: the bundle and the archive diverge at record 1");

        // a bundle edited: first its digest shows, then, with the digest recomputed, the chain
        Path rows = bundle.resolve("evaluations.jsonl");
        String text = Files.readString(rows, StandardCharsets.UTF_8);
        String edited = text.replaceFirst("\"score\":\"98\"", "\"score\":\"100\"");
        assertThat(edited).isNotEqualTo(text);
        Files.writeString(rows, edited, StandardCharsets.UTF_8);
        Path fresh = tmp.resolve("fresh");
        CliTest.Run digest = run("archive", "import", bundle.toString(), "--data", fresh.toString(), "--lang", "en");
        assertThat(digest.code()).isEqualTo(ExitCodes.DIFFERS);
        assertThat(digest.out()).contains("bundle: evaluations_sha256 should be");
        Path manifest = bundle.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replaceAll("\"evaluations_sha256\" : \"[^\"]*\"",
                "\"evaluations_sha256\" : \"" + Evaluator.sha256(edited.getBytes(StandardCharsets.UTF_8)) + "\""));
        CliTest.Run chain = run("archive", "import", bundle.toString(), "--data", fresh.toString());
        assertThat(chain.code()).isEqualTo(ExitCodes.DIFFERS);
        assertThat(chain.out()).contains("已拒绝导入，未写入任何记录：记录 1：各列的摘要为");
        assertThat(run("archive", "verify", "--all", "--data", fresh.toString(), "--lang", "en").out()).contains("INTACT: 0 record(s)");
    }
}
