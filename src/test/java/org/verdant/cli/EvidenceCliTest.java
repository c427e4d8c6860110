package org.verdant.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verdant.cli.CliTest.run;
import static org.verdant.cli.CliTest.withRulebook;

/** {@code evidence add} and {@code evidence list}; {@code --assessment} on evaluate and report. */
class EvidenceCliTest {
    private static final String FACTORY = "fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.yaml";
    private static final String ASSESSMENT = "fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.assessed.assessment.yaml";

    @TempDir
    Path dir;

    @Test
    void addPrintsTheDigestAndListShowsEachFileOnce() throws Exception {
        Path pdf = Files.write(dir.resolve("节能监察报告.pdf"), "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        Path csv = Files.write(dir.resolve("metering.csv"), "月份,电力\n1,120000\n".getBytes(StandardCharsets.UTF_8));
        Path data = dir.resolve("data");
        CliTest.Run add = run("evidence", "add", pdf.toString(), csv.toString(), pdf.toString(), "--data", data.toString(), "--lang", "en");
        assertThat(add.code()).isEqualTo(ExitCodes.OK);
        assertThat(add.out().lines().toList()).hasSize(3).first().asString()
                .startsWith("sha256:").contains("application/pdf  15 bytes");
        JsonNode list = new ObjectMapper().readTree(run("evidence", "list", "--data", data.toString(), "--format", "json").out());
        assertThat(list.path("files")).hasSize(2);
        assertThat(run("evidence", "list", "--data", data.toString()).out()).contains("PDF 文档  15 字节").contains("CSV 表格");
    }

    @Test
    void aFileWhoseNameLiesAboutItsTypeIsRefused() throws Exception {
        Path fake = Files.write(dir.resolve("证明.pdf"), new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0});
        CliTest.Run r = run("evidence", "add", fake.toString(), "--data", dir.resolve("data").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("证据文件“证明.pdf”名为PDF 文档，但其内容是PNG 图片");
        assertThat(run("evidence", "list", "--data", dir.resolve("data").toString()).out()).contains("档案中没有证据文件");
    }

    @Test
    void evaluateAndReportTakeAnAssessment() {
        CliTest.Run e = run(withRulebook("evaluate", FACTORY, "--assessment", ASSESSMENT));
        assertThat(e.code()).isEqualTo(ExitCodes.OK);
        assertThat(e.out()).contains("指标得分: 96.33 / 100").contains("评价方未认可：现场核查雨水收集回用系统已停用");
        CliTest.Run report = run(withRulebook("report", FACTORY, "--assessment", ASSESSMENT, "--format", "md"));
        assertThat(report.out()).contains("评价方未认可");
        CliTest.Run bad = run(withRulebook("evaluate", FACTORY, "--assessment", FACTORY));
        assertThat(bad.code()).isEqualTo(ExitCodes.INVALID_SUBMISSION);
        assertThat(bad.err()).contains("cement-jiangsu-high-scorer.yaml:");
    }
}
