package org.verdant.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verdant.cli.CliTest.run;
import static org.verdant.cli.CliTest.withRulebook;

/** verdant template --format xlsx, and evaluate / validate reading a workbook, with located problems and exit code 3. */
class XlsxCliTest {
    private static final String CEMENT = "fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.yaml";

    @TempDir
    Path tmp;

    @Test
    void aWorkbookWrittenFromAYamlFileEvaluatesToTheSameScore() throws Exception {
        Path xlsx = tmp.resolve("水泥.xlsx");
        CliTest.Run t = run(withRulebook("template", "green-factory", "--format", "xlsx", "-o", xlsx.toString(), "--from", CEMENT));
        assertThat(t.code()).as(t.err()).isZero();
        assertThat(Files.size(xlsx)).isPositive();
        CliTest.Run fromXlsx = run(withRulebook("evaluate", xlsx.toString()));
        CliTest.Run fromYaml = run(withRulebook("evaluate", CEMENT));
        assertThat(fromXlsx.code()).as(fromXlsx.err()).isZero();
        // the computations show numbers as the cells hold them (1500000, not 1.5e6): compare the verdict's lines of figures
        assertThat(scoreLines(fromXlsx.out())).isNotEmpty().isEqualTo(scoreLines(fromYaml.out()));
        assertThat(run(withRulebook("validate", xlsx.toString())).code()).isZero();
    }

    @Test
    void aBlankTemplateIsWrittenAndEvaluatingItListsTheMissingFieldsAtTheirCells() throws Exception {
        Path xlsx = tmp.resolve("blank.xlsx");
        assertThat(run(withRulebook("template", "green-factory", "-o", xlsx.toString(), "--edition", "GB/T 36132-2025")).code()).isZero();
        CliTest.Run r = run(withRulebook("evaluate", xlsx.toString()));
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_SUBMISSION);
        assertThat(r.err()).contains(xlsx + ":申报!C").contains(": evaluation_date: 缺少必填字段").doesNotContain("Exception");
        CliTest.Run en = run(withRulebook("evaluate", xlsx.toString(), "--lang", "en"));
        assertThat(en.err()).contains(": evaluation_date: required field is missing");
    }

    @Test
    void aFileThatIsNoWorkbookIsExitCode3WithAClearMessage() throws Exception {
        Path fake = Files.writeString(tmp.resolve("fake.xlsx"), "scheme: green-factory\n");
        CliTest.Run r = run(withRulebook("evaluate", fake.toString()));
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_SUBMISSION);
        assertThat(r.err()).contains(fake + ": 不是 .xlsx 工作簿").doesNotContain("at org.");
        CliTest.Run bad = run(withRulebook("template", "green-fctory", "-o", tmp.resolve("x.xlsx").toString()));
        assertThat(bad.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("green-factory");
    }

    private static java.util.List<String> scoreLines(String text) {
        return text.lines().filter(l -> l.contains("得分") || l.contains("基本要求") || l.contains("等级")).toList();
    }
}
