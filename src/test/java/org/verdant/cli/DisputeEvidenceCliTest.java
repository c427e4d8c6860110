package org.verdant.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdant.archive.Stored;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verdant.cli.CliTest.run;
import static org.verdant.cli.CliTest.withRulebook;

/** {@code dispute file --evidence sha256:…}: an uploaded file cited by its digest is bound into the objection, or refused at its place. */
class DisputeEvidenceCliTest {
    private static final String CODE = Stored.creditCode(52);
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final String UNKNOWN = "sha256:" + "cd".repeat(32);

    @TempDir
    Path tmp;

    /** An archive with record 1 (INF-05 not met) and the PDF stored; returns the PDF's digest as evidence add prints it. */
    private String archiveWithRecordAndFile() throws Exception {
        Path f = Files.writeString(tmp.resolve("f.yaml"), Stored.factory(2023, CODE, List.of("INF-05")));
        CliTest.Run stored = run(withRulebook("evaluate", f.toString(), "--archive", data()));
        assertThat(stored.code()).as(stored.err()).isZero();
        Path pdf = Files.write(tmp.resolve("证书.pdf"), PDF);
        CliTest.Run add = run("evidence", "add", pdf.toString(), "--data", data());
        assertThat(add.code()).as(add.err()).isZero();
        return add.out().strip().substring(0, "sha256:".length() + 64);
    }

    private String data() {
        return tmp.resolve("data").toString();
    }

    @Test
    void aCitedFileInTheArchiveIsBoundIntoTheObjectionAndArchiveVerifyProvesIt() throws Exception {
        String digest = archiveWithRecordAndFile();
        // written as a person might copy it: upper case; the step keeps the digest as the archive names it
        String written = "sha256:" + digest.substring("sha256:".length()).toUpperCase(java.util.Locale.ROOT);
        CliTest.Run filed = run(withRulebook("dispute", "file", "1", "--criteria", "INF-05", "--reason", "证书已补齐",
                "--evidence", "证书原件扫描件", "--evidence", written, "--archive", data()));
        assertThat(filed.code()).as(filed.err()).isZero();

        JsonNode d = new ObjectMapper().readTree(run(withRulebook("dispute", "show", "1", "--format", "json", "--archive", data())).out());
        assertThat(d.path("objection").path("evidence")).extracting(JsonNode::asText).containsExactly("证书原件扫描件", digest);

        CliTest.Run intact = run("archive", "verify", "--all", "--data", data(), "--lang", "en");
        assertThat(intact.code()).as(intact.out() + intact.err()).isEqualTo(ExitCodes.OK);

        // someone with the database file changes the cited file's bytes behind the append-only triggers
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("data").resolve("verdant-archive.sqlite"))) {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TRIGGER evidence_blob_no_update");
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE evidence_blob SET bytes = ? WHERE sha256 = ?")) {
                ps.setBytes(1, "%PDF-1.4\nforged\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
                ps.setString(2, digest);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
        }
        CliTest.Run changed = run("archive", "verify", "--all", "--data", data(), "--lang", "en");
        assertThat(changed.code()).as(changed.out() + changed.err()).isNotEqualTo(ExitCodes.OK);
        assertThat(changed.out() + changed.err()).contains("evidence_blob");
    }

    @Test
    void aCitedFileTheArchiveLacksIsALocatedErrorInTheUsersLanguageAndNothingIsStored() throws Exception {
        archiveWithRecordAndFile();
        CliTest.Run zh = run(withRulebook("dispute", "file", "1", "--criteria", "INF-05", "--reason", "证书已补齐",
                "--evidence", "证书原件扫描件", "--evidence", UNKNOWN, "--archive", data()));
        assertThat(zh.code()).isEqualTo(ExitCodes.INVALID_SUBMISSION);
        assertThat(zh.err()).contains("异议: evidence[1]: 证据 " + UNKNOWN + " 不在档案中").doesNotContain("objection").doesNotContain("Exception");

        CliTest.Run en = run(withRulebook("dispute", "file", "1", "--criteria", "INF-05", "--reason", "the certificate is complete",
                "--evidence", UNKNOWN, "--archive", data(), "--lang", "en"));
        assertThat(en.code()).isEqualTo(ExitCodes.INVALID_SUBMISSION);
        assertThat(en.err()).contains("objection: evidence[0]: evidence " + UNKNOWN + " is not in the archive").doesNotContain("异议");

        CliTest.Run none = run(withRulebook("dispute", "show", "1", "--archive", data(), "--lang", "en"));
        assertThat(none.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).contains("no dispute 1");
    }
}
