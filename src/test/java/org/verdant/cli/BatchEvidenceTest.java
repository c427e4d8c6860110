package org.verdant.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verdant.cli.CliTest.run;
import static org.verdant.cli.CliTest.withRulebook;

/** {@code batch --archive DIR}: each input's digests are checked as {@code evaluate --archive} checks them. */
class BatchEvidenceTest {
    private static final Path FACTORY = Path.of("fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.yaml");
    private static final String LICENCE_LINE = "      - 营业执照 (统一社会信用代码 91321183788362137D)\n";
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final String UNKNOWN = "sha256:" + "ab".repeat(32);

    @TempDir
    Path dir;

    @Test
    void anInputCitingAFileTheArchiveLacksIsAnInvalidRecordOfItsOwn() throws Exception {
        Path data = dir.resolve("data");
        Path pdf = Files.write(dir.resolve("营业执照.pdf"), PDF);
        CliTest.Run add = run("evidence", "add", pdf.toString(), "--data", data.toString());
        assertThat(add.code()).as(add.err()).isZero();
        String licence = add.out().strip().substring(0, 71);
        String yaml = Files.readString(FACTORY);
        assertThat(yaml).contains(LICENCE_LINE);
        Path inputs = Files.createDirectories(dir.resolve("inputs"));
        Files.writeString(inputs.resolve("a-known.yaml"), yaml.replace(LICENCE_LINE, "      - {document: 营业执照, sha256: " + licence + "}\n"));
        Files.writeString(inputs.resolve("b-unknown.yaml"), yaml.replace(LICENCE_LINE, "      - {document: 营业执照, sha256: " + UNKNOWN + "}\n"));

        CliTest.Run checked = run(withRulebook("batch", inputs.toString(), "--archive", data.toString(), "--no-progress", "--threads", "2"));
        assertThat(checked.code()).as(checked.err()).isZero();
        String[] lines = checked.out().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).contains("\"input\"").doesNotContain("evidence_unchecked").doesNotContain("verdant.batch-error/1");
        assertThat(lines[1]).contains("verdant.batch-error/1").contains("b-unknown.yaml:").contains("证据 " + UNKNOWN + " 不在档案中");

        CliTest.Run unchecked = run(withRulebook("batch", inputs.toString(), "--no-progress", "--threads", "1"));
        assertThat(unchecked.code()).as(unchecked.err()).isZero();
        assertThat(unchecked.out().split("\n")).hasSize(2).allSatisfy(l -> assertThat(l).contains("evidence_unchecked"));

        // read only: an archive that is not there is an error, not created
        CliTest.Run nowhere = run(withRulebook("batch", inputs.toString(), "--archive", dir.resolve("none").toString(), "--no-progress"));
        assertThat(nowhere.code()).isNotZero();
        assertThat(dir.resolve("none")).doesNotExist();
    }
}
