package org.verdant.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdant.app.Workbooks;
import org.verdant.support.TestRulebook;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verdant.cli.CliTest.run;
import static org.verdant.cli.CliTest.withRulebook;

/** {@code evaluate F.xlsx --archive DIR}: a workbook's evidence cell citing an uploaded file is checked against the archive. */
class EvidenceWorkbookCliTest {
    private static final Path FACTORY = Path.of("fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.yaml");
    private static final String LICENCE_LINE = "      - 营业执照 (统一社会信用代码 91321183788362137D)\n";
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final String UNKNOWN = "sha256:" + "ef".repeat(32);

    @TempDir
    Path dir;

    /** The fixture citing {@code digest} for B1's licence, as a workbook file. */
    private Path workbook(String digest) throws Exception {
        String yaml = Files.readString(FACTORY).replace(LICENCE_LINE, "      - {document: 营业执照, sha256: \"" + digest + "\"}\n");
        byte[] xlsx = Workbooks.template(TestRulebook.compiled(), "green-factory", null, null, "zh", "cement.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        return Files.write(dir.resolve("cement-" + digest.substring(7, 12) + ".xlsx"), xlsx);
    }

    private String uploaded() throws Exception {
        Path pdf = Files.write(dir.resolve("营业执照.pdf"), PDF);
        CliTest.Run add = run("evidence", "add", pdf.toString(), "--data", dir.resolve("data").toString());
        assertThat(add.code()).as(add.err()).isZero();
        return add.out().strip().substring(0, "sha256:".length() + 64);
    }

    @Test
    void aDigestTheArchiveLacksIsAnErrorAtTheSheetAndCellInEitherLanguage() throws Exception {
        uploaded();
        Path xlsx = workbook(UNKNOWN);
        String data = dir.resolve("data").toString();
        CliTest.Run zh = run(withRulebook("evaluate", xlsx.toString(), "--archive", data));
        assertThat(zh.code()).isEqualTo(ExitCodes.INVALID_SUBMISSION);
        assertThat(zh.err()).containsPattern(java.util.regex.Pattern.quote(xlsx + ":") + "定性要求声明![A-Z]+\\d+: "
                + java.util.regex.Pattern.quote("claims.B1.evidence[0].sha256: 证据 " + UNKNOWN + " 不在档案中")).doesNotContain("Exception");
        CliTest.Run en = run(withRulebook("evaluate", xlsx.toString(), "--archive", data, "--lang", "en"));
        assertThat(en.code()).isEqualTo(ExitCodes.INVALID_SUBMISSION);
        assertThat(en.err()).containsPattern(java.util.regex.Pattern.quote(xlsx + ":") + "\\S+![A-Z]+\\d+: "
                + java.util.regex.Pattern.quote("claims.B1.evidence[0].sha256: evidence " + UNKNOWN + " is not in the archive"));
    }

    @Test
    void theRecordOfAWorkbookBindsTheCitedFileAndVerifyChecksIt() throws Exception {
        String digest = uploaded();
        Path xlsx = workbook(digest);
        String data = dir.resolve("data").toString();
        Path record = dir.resolve("record.json");
        CliTest.Run e = run(withRulebook("evaluate", xlsx.toString(), "--archive", data, "--record", record.toString()));
        assertThat(e.code()).as(e.err()).isZero();
        JsonNode files = new ObjectMapper().readTree(record.toFile()).path("evidence").path("files");
        assertThat(files).hasSize(1);
        assertThat(files.get(0).path("sha256").asText()).isEqualTo(digest);
        assertThat(files.get(0).path("size").asLong()).isEqualTo(PDF.length);
        CliTest.Run verified = run(withRulebook("verify", record.toString(), "--archive", data, "--lang", "en"));
        assertThat(verified.code()).as(verified.out() + verified.err()).isEqualTo(ExitCodes.OK);
        assertThat(verified.out()).contains("1 evidence file(s) as recorded");
    }
}
