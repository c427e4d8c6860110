package org.verdant.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code verdant report}: formats, language, output file and the README's exit codes. */
class ReportCommandTest {
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[]{"--rules", "rules", "--scorecards", "scorecards"}, 0, all, args.length, 4);
        int code = VerdantCli.run(new PrintWriter(out), new PrintWriter(err), all);
        return new Run(code, out.toString(), err.toString());
    }

    @TempDir
    Path tmp;

    private static final String CEMENT = "fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.yaml";

    @Test
    void htmlByDefaultInChinese() {
        Run r = run("report", CEMENT);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("<!DOCTYPE html>").contains("绿色工厂第三方评价报告").contains("98.33 / 100");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void markdownInEnglishToAFile() throws IOException {
        Path out = tmp.resolve("report.md");
        Run r = run("report", CEMENT, "--format", "md", "--lang", "en", "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        String md = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(md).startsWith("# Green factory third-party evaluation report").contains("### 4.1 Basic requirements and veto checks");
    }

    @Test
    void editionAndGradingAreApplied() {
        Run r = run("report", CEMENT, "--edition", "GB/T 36132-2025", "--format", "md");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("GB/T 36132-2025").contains("#### 4.3.1 E ");
        Run graded = run("report", "fixtures/green-factory/gbt36132-2018/food-hebei-star-rated.yaml", "--grading", "hebei-db13t6005-2024");
        assertThat(graded.code()).as(graded.err()).isZero();
        assertThat(graded.out()).contains("河北省绿色工厂星级评价");
    }

    @Test
    void pdfToAFile() throws IOException {
        Path out = tmp.resolve("报告.pdf");
        Run r = run("report", CEMENT, "--format", "pdf", "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).as("no renderer log on standard error").isEmpty();
        byte[] pdf = Files.readAllBytes(out);
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        Run noFile = run("report", CEMENT, "--format", "pdf");
        assertThat(noFile.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(noFile.err()).contains("-o");
    }

    @Test
    void exitCodes() throws IOException {
        assertThat(run("report", CEMENT, "--format", "pdf").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("report", "nowhere.yaml").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("report", CEMENT, "--grading", "nowhere").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("report", CEMENT, "-o", tmp.resolve("missing/dir/r.html").toString()).code()).isEqualTo(ExitCodes.USAGE);
        Run invalid = run("report", "fixtures/green-factory/invalid/missing-required.yaml");
        assertThat(invalid.code()).isEqualTo(ExitCodes.INVALID_SUBMISSION);
        assertThat(invalid.out()).isEmpty();
        assertThat(invalid.err()).contains("申报材料无效");
    }
}
