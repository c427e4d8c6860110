package org.verdant.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verdant.cli.CliTest.run;
import static org.verdant.cli.CliTest.withRulebook;

/** A submission citing uploaded evidence files by digest: looked up in the archive, bound into records, re-checked by verify. */
class EvidenceReferenceCliTest {
    private static final Path FACTORY = Path.of("fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.yaml");
    private static final String LICENCE_LINE = "      - 营业执照 (统一社会信用代码 91321183788362137D)\n";
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final String UNKNOWN = "ab".repeat(32);

    @TempDir
    Path dir;

    /** The fixture with B1's first evidence item citing {@code hex} (and named), written to a file; the item is on line 147. */
    private Path citing(String hex) throws Exception {
        String yaml = Files.readString(FACTORY);
        assertThat(yaml).contains(LICENCE_LINE);
        Path file = dir.resolve("cement-" + hex.substring(0, 5) + ".yaml");
        Files.writeString(file, yaml.replace(LICENCE_LINE, "      - {document: 营业执照, sha256: " + hex + "}\n"));
        return file;
    }

    /** The archive in {@code dir/data} holding the PDF; returns its digest's 64 hex digits. */
    private String uploaded() throws Exception {
        Path pdf = Files.write(dir.resolve("营业执照.pdf"), PDF);
        CliTest.Run add = run("evidence", "add", pdf.toString(), "--data", data().toString());
        assertThat(add.code()).as(add.err()).isZero();
        return add.out().strip().substring("sha256:".length(), "sha256:".length() + 64);
    }

    private Path data() {
        return dir.resolve("data");
    }

    @Test
    void aDigestTheArchiveLacksIsALocatedErrorInEitherLanguage() throws Exception {
        uploaded();
        Path submission = citing(UNKNOWN);
        CliTest.Run zh = run(withRulebook("evaluate", submission.toString(), "--archive", data().toString()));
        assertThat(zh.code()).isEqualTo(ExitCodes.INVALID_SUBMISSION);
        assertThat(zh.err()).contains(submission + ":147:").contains("claims.B1.evidence[0].sha256: 证据 sha256:" + UNKNOWN + " 不在档案中")
                .doesNotContain("Exception");
        CliTest.Run en = run(withRulebook("evaluate", submission.toString(), "--archive", data().toString(), "--lang", "en"));
        assertThat(en.code()).isEqualTo(ExitCodes.INVALID_SUBMISSION);
        assertThat(en.err()).contains("claims.B1.evidence[0].sha256: evidence sha256:" + UNKNOWN + " is not in the archive");
    }

    @Test
    void aDigestInTheArchiveIsAcceptedAndWithoutAnArchiveTheVerdictWarnsItWasNotChecked() throws Exception {
        Path submission = citing(uploaded());
        CliTest.Run checked = run(withRulebook("evaluate", submission.toString(), "--archive", data().toString(), "--format", "json"));
        assertThat(checked.code()).as(checked.err()).isZero();
        assertThat(checked.out()).doesNotContain("evidence_unchecked");
        CliTest.Run unchecked = run(withRulebook("evaluate", submission.toString()));
        assertThat(unchecked.code()).as(unchecked.err()).isZero();
        assertThat(unchecked.out()).contains("申报材料按摘要引用了 1 个证据文件，但评价时未指定档案库，未核对这些文件是否存在");
        // a malformed digest is the reader's problem, archive or not
        Path bad = citing("12345");
        CliTest.Run malformed = run(withRulebook("evaluate", bad.toString(), "--lang", "en"));
        assertThat(malformed.code()).isEqualTo(ExitCodes.INVALID_SUBMISSION);
        assertThat(malformed.err()).contains(":147:").contains("claims.B1.evidence[0].sha256: '12345' is not an evidence file digest");
    }

    @Test
    void aRecordBindsTheCitedFilesAndVerifyReChecksThem() throws Exception {
        String hex = uploaded();
        Path submission = citing(hex);
        Path record = dir.resolve("record.json");
        CliTest.Run e = run(withRulebook("evaluate", submission.toString(), "--archive", data().toString(), "--record", record.toString()));
        assertThat(e.code()).as(e.err()).isZero();
        JsonNode files = new ObjectMapper().readTree(record.toFile()).path("evidence").path("files");
        assertThat(files).hasSize(1);
        assertThat(files.get(0).path("sha256").asText()).isEqualTo("sha256:" + hex);
        assertThat(files.get(0).path("size").asLong()).isEqualTo(PDF.length);

        CliTest.Run intact = run(withRulebook("verify", record.toString(), "--archive", data().toString(), "--lang", "en"));
        assertThat(intact.code()).as(intact.out() + intact.err()).isEqualTo(ExitCodes.OK);
        assertThat(intact.out()).contains("1 evidence file(s) as recorded");

        org.verdant.archive.Archive.open(dir.resolve("empty")).close(); // an archive without the file
        CliTest.Run elsewhere = run(withRulebook("verify", record.toString(), "--archive", dir.resolve("empty").toString(), "--lang", "en"));
        assertThat(elsewhere.code()).isEqualTo(ExitCodes.DIFFERS);
        assertThat(elsewhere.out()).contains("evidence: the file sha256:" + hex + " is not in the archive");

        // someone with the database file changes the stored bytes behind the append-only triggers
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data().resolve("verdant-archive.sqlite"))) {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TRIGGER evidence_blob_no_update");
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE evidence_blob SET bytes = ? WHERE sha256 = ?")) {
                ps.setBytes(1, "%PDF-1.4\nforged\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
                ps.setString(2, "sha256:" + hex);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
        }
        CliTest.Run changed = run(withRulebook("verify", record.toString(), "--archive", data().toString()));
        assertThat(changed.code()).isEqualTo(ExitCodes.DIFFERS);
        assertThat(changed.out()).contains("证据：文件 sha256:" + hex + " 在档案中的字节摘要为").contains("（文件被改动）");
    }

    @Test
    void aRecordMadeWithoutAnArchiveReproducesItsWarning() throws Exception {
        Path submission = citing(uploaded());
        Path record = dir.resolve("unchecked.json");
        CliTest.Run e = run(withRulebook("evaluate", submission.toString(), "--record", record.toString()));
        assertThat(e.code()).as(e.err()).isZero();
        JsonNode evidence = new ObjectMapper().readTree(record.toFile()).path("evidence");
        assertThat(evidence.path("checked").asBoolean(true)).isFalse();
        CliTest.Run v = run(withRulebook("verify", record.toString(), "--archive", data().toString(), "--lang", "en"));
        assertThat(v.code()).as(v.out()).isEqualTo(ExitCodes.OK);
        assertThat(v.out()).contains("identical");
    }

    @Test
    void theReportsAttachmentListNamesEachUploadedFileWithTypeSizeDigestAndTheCriteriaCitingIt() throws Exception {
        String hex = uploaded();
        Path submission = citing(hex);
        CliTest.Run md = run(withRulebook("report", submission.toString(), "--format", "md", "--archive", data().toString()));
        assertThat(md.code()).as(md.err()).isZero();
        String attachments = md.out().substring(md.out().indexOf("附件 1 证据文件清单"));
        assertThat(attachments).containsPattern("\\| 营业执照 — PDF 文档，" + PDF.length + " 字节，sha256:" + hex + " \\| B1 \\|");
        CliTest.Run en = run(withRulebook("report", submission.toString(), "--format", "md", "--lang", "en"));
        assertThat(en.code()).as(en.err()).isZero();
        assertThat(en.out()).contains("营业执照 — sha256:" + hex + " (not checked: no archive was given)");
    }
}
