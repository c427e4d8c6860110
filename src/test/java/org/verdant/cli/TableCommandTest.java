package org.verdant.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdant.archive.Archive;
import org.verdant.archive.ArchiveInput;
import org.verdant.evaluation.Evaluator;
import org.verdant.tables.CalibrationFixtures;
import org.verdant.tables.TableTree;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verdant.cli.CliTest.run;

/** verdant table export / import / calibrate: files, exit codes and messages. */
class TableCommandTest {
    static final Path TABLE = Path.of("src/test/resources/tables/test-general.yaml");

    @TempDir
    Path tmp;

    @Test
    void exportThenImportGivesTheTableBack() throws Exception {
        for (String ext : List.of("xlsx", "csv")) {
            Path sheet = tmp.resolve("t." + ext);
            CliTest.Run export = run("table", "export", TABLE.toString(), "-o", sheet.toString());
            assertThat(export.code()).as(export.err()).isZero();
            Path yaml = tmp.resolve("back-" + ext + ".yaml");
            CliTest.Run imported = run("table", "import", sheet.toString(), "-o", yaml.toString());
            assertThat(imported.code()).as(imported.err()).isZero();
            assertThat(imported.err()).isEmpty();
            assertThat(TableTree.same(TableTree.read(TABLE), TableTree.read(yaml))).as(ext).isTrue();
        }
    }

    @Test
    void anUnknownScoringRuleInACsvIsRefusedWithItsCellAndExitCode3() throws Exception {
        Path csv = tmp.resolve("t.csv");
        assertThat(run("table", "export", TABLE.toString(), "-o", csv.toString()).code()).isZero();
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        // P2's rule: drop the rule column's id and give a text no rule matches
        String edited = text.replace("提供按 GB/T 24256 编制的绿色设计报告得满分,evidence", "由评审组酌情打分,");
        assertThat(edited).isNotEqualTo(text);
        Files.writeString(csv, edited, StandardCharsets.UTF_8);
        CliTest.Run r = run("table", "import", csv.toString(), "-o", tmp.resolve("x.yaml").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_SUBMISSION);
        assertThat(r.err()).matches("(?s)" + java.util.regex.Pattern.quote(csv.toString()) + ":J\\d+: 评分规则「由评审组酌情打分」无法对应到已知的评分规则.*");
        assertThat(Files.exists(tmp.resolve("x.yaml"))).isFalse();
    }

    static final ObjectMapper JSON = new ObjectMapper();

    static List<String> cohort(int size) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ObjectNode v = (ObjectNode) JSON.readTree(CalibrationFixtures.verdict(i, "C3011", 2025, "test-general",
                    "E2", String.valueOf(90 + i), "kgCO2e/万元"));
            byte[] submission = ("submission " + i).getBytes(StandardCharsets.UTF_8);
            v.put("lang", "zh");
            v.putObject("input").put("digest", Evaluator.sha256(submission));
            v.putObject("rulebook").put("digest", "sha256:test");
            v.putObject("engine").put("version", "test");
            lines.add(JSON.writeValueAsString(v));
        }
        return lines;
    }

    @Test
    void calibrateFromResultsAndFromTheArchiveAgree() throws Exception {
        List<String> lines = cohort(20);
        Path results = tmp.resolve("results.jsonl");
        Files.write(results, lines, StandardCharsets.UTF_8);
        Path out = tmp.resolve("calibrated.yaml");
        CliTest.Run r = run("table", "calibrate", TABLE.toString(), "--from", results.toString(), "--industry", "C30", "--year", "2025",
                "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        // 90 + 91 + … + 109 = 20 × 99.5 = 1990: B = 99.5; L = the lowest, 90
        assertThat(r.out()).contains("n = 20 / 20", "基准值 B = 均值 = 99.5 kgCO2e/万元", "= 90 kgCO2e/万元");
        ObjectNode fromFile = TableTree.read(out);
        assertThat(fromFile.path("kind").asText()).isEqualTo("calibrated");
        assertThat(fromFile.at("/dimensions/0/indicators/1/baseline/status").asText()).isEqualTo("calibrated");

        Path data = tmp.resolve("data");
        try (Archive a = Archive.open(org.verdant.archive.ArchiveLocation.resolve(data, null, java.util.Map.of()), true)) {
            for (int i = 0; i < lines.size(); i++) {
                a.store(new ArchiveInput(("submission " + i).getBytes(StandardCharsets.UTF_8), "f" + i + ".yaml", lines.get(i), null, null, Instant.EPOCH));
            }
        }
        Path out2 = tmp.resolve("calibrated2.yaml");
        CliTest.Run fromArchive = run("table", "calibrate", TABLE.toString(), "--archive", data.toString(), "--industry", "C30", "--year", "2025",
                "-o", out2.toString());
        assertThat(fromArchive.code()).as(fromArchive.err()).isZero();
        assertThat(TableTree.read(out2)).isEqualTo(fromFile);
    }

    @Test
    void aCohortBelowTheMinimumIsAUsageError() throws Exception {
        Path results = tmp.resolve("results.jsonl");
        Files.write(results, cohort(19), StandardCharsets.UTF_8);
        Path out = tmp.resolve("calibrated.yaml");
        CliTest.Run r = run("table", "calibrate", TABLE.toString(), "--from", results.toString(), "-o", out.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("用法错误：队列只有 19 份评价（指标表 test-general，行业 全部，年度 全部），少于最小队列 20");
        assertThat(Files.exists(out)).isFalse();
        CliTest.Run smaller = run("table", "calibrate", TABLE.toString(), "--from", results.toString(), "--min-cohort", "19", "-o", out.toString());
        assertThat(smaller.code()).as(smaller.err()).isZero();
    }

    @Test
    void calibrateNeedsItsVerdicts() {
        CliTest.Run r = run("table", "calibrate", TABLE.toString(), "-o", tmp.resolve("c.yaml").toString(), "--lang", "en");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--from FILE… or --archive DIR");
        assertThat(run("table", "calibrate", TABLE.toString(), "-o", tmp.resolve("c.yaml").toString()).err())
                .contains("请给出评价结论：--from FILE… 或 --archive DIR");
    }

    /** Java's own words for a file that is not UTF-8 were "Input length = 1". */
    @Test
    void resultsThatAreNotUtf8AreNamedSo() throws Exception {
        Path results = tmp.resolve("results.jsonl");
        java.nio.file.Files.write(results, new byte[]{'{', '}', '\n', (byte) 0xFF, (byte) 0xFE, '\n'});
        CliTest.Run r = run("table", "calibrate", TABLE.toString(), "--from", results.toString(), "-o", tmp.resolve("c.yaml").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains(results + "：不是 UTF-8 文本").doesNotContain("Input length");
    }
}
