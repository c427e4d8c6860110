package org.verdant.batch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryTest {
    @TempDir
    Path tmp;

    private static Outcome verdict(long seq, String scheme, String score) {
        return new Outcome(seq, "in.yaml", (int) seq, true, Outcome.VALID, 0, new byte[0], scheme, "ED", null, Boolean.TRUE,
                score == null ? null : new BigDecimal(score), null);
    }

    @Test
    void quartilesHistogramAndFailuresAreExact() throws IOException {
        try (Summary s = new Summary().keepingAllFailures()) {
            for (String score : List.of("0", "10", "25.50", "100", "105.25")) s.add(verdict(s.total() + 1, "green-park", score));
            s.add(verdict(6, "zero-carbon-park", null));
            s.add(new Outcome(7, "bad.yaml", 1, false, Outcome.INVALID, 3, new byte[0], null, null, null, null, null,
                    "bad.yaml:3:1: x: \"quoted\", with a comma"));
            s.add(new Outcome(8, "gone.yaml", 1, false, Outcome.ERROR, 2, new byte[0], null, null, null, null, null,
                    "gone.yaml: no such file or directory"));
            assertThat(s.quantile(0)).isEqualByComparingTo("0");
            assertThat(s.quantile(0.25)).isEqualByComparingTo("10");
            assertThat(s.quantile(0.5)).isEqualByComparingTo("25.5");
            assertThat(s.quantile(0.75)).isEqualByComparingTo("100");
            assertThat(s.quantile(0.6)).isEqualByComparingTo("55.3"); // rank 2.4: 25.5 + 0.4 × (100 − 25.5) = 55.3
            assertThat(s.histogram()).containsEntry("0-10", 1L).containsEntry("10-20", 1L).containsEntry("20-30", 1L)
                    .containsEntry("90-100", 1L).containsEntry(">100", 1L).doesNotContainKey("<0");
            assertThat(s.errorCodes()).containsExactly(2, 3);
            Path csv = tmp.resolve("s.csv");
            s.writeCsv(csv);
            List<String> rows = Files.readAllLines(csv, StandardCharsets.UTF_8);
            assertThat(rows).contains("inputs,total,8,", "status,valid,6,", "status,invalid,1,", "status,error,1,",
                    "scheme,green-park,5,", "scheme,zero-carbon-park,1,", "score,count,5,", "score,without_score,1,",
                    "score,min,0,", "score,median,25.5,", "score,max,105.25,", "histogram,>100,1,",
                    "failed,bad.yaml,invalid,\"bad.yaml:3:1: x: \"\"quoted\"\", with a comma\"",
                    "failed,gone.yaml,error,gone.yaml: no such file or directory");
            assertThat(s.text()).contains("status     valid 6 · invalid 1 · error 1")
                    .contains("(1 verdicts without a score)").contains("[error] gone.yaml: no such file or directory");
        }
    }

    @Test
    void theCsvOpensInExcelAsUtf8AndRunsNoFormula() throws IOException {
        Path csv = tmp.resolve("f.csv");
        try (Summary s = new Summary().keepingAllFailures()) {
            s.add(new Outcome(1, "=HYPERLINK(\"http://x\")", 1, false, Outcome.ERROR, 2, new byte[0], null, null, null, null, null,
                    "@SUM(A1) 不是文件"));
            s.writeCsv(csv);
        }
        byte[] bytes = Files.readAllBytes(csv);
        assertThat(java.util.Arrays.copyOf(bytes, 3)).as("UTF-8 byte-order mark").containsExactly(0xEF, 0xBB, 0xBF);
        List<String> rows = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(rows).contains("failed,\"'=HYPERLINK(\"\"http://x\"\")\",error,'@SUM(A1) 不是文件");
    }
}
