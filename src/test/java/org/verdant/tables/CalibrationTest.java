package org.verdant.tables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** table calibrate: B = mean, L = the best 5 %, far-fence outliers, the minimum cohort, the calibrated table. */
class CalibrationTest {
    static final Calibration.Filter C30_2025 = new Calibration.Filter("C30", 2025, 20);

    static String verdict(int n, String industry, int year, String table, Object... criteria) {
        return CalibrationFixtures.verdict(n, industry, year, table, criteria);
    }

    static List<Calibration.Input> inputs(List<String> lines) {
        List<Calibration.Input> in = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) in.add(new Calibration.Input("results.jsonl:" + (i + 1), lines.get(i)));
        return in;
    }

    // E2 单位产值碳排放量 (kgCO2e/万元, lower is better) of 20 factories, and R2 工业用水重复利用率 (%, higher is better)
    static final String[] E2 = {"95", "97", "98", "100", "101", "102", "103", "104", "104", "105",
            "106", "107", "108", "109", "110", "111", "112", "114", "116", "118"};
    static final String[] R2 = {"70", "72", "75", "78", "80", "81", "82", "83", "84", "85",
            "85", "86", "87", "88", "89", "90", "91", "92", "94", "96.5"};

    /** 20 C30 factories of 2025, plus a 21st whose E2 (250) is an outlier, plus evaluations the filters leave out. */
    static List<String> handCase() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 20; i++) lines.add(verdict(i, "C3011", 2025, "test-general", "E2", E2[i], "kgCO2e/万元", "R2", R2[i], "%"));
        lines.add(verdict(20, "C3021", 2025, "test-general", "E2", "250", "kgCO2e/万元", "R2", "88", "%"));
        lines.add(verdict(30, "C2611", 2025, "test-general", "E2", "10", "kgCO2e/万元"));    // another industry
        lines.add(verdict(31, "C3011", 2024, "test-general", "E2", "10", "kgCO2e/万元"));    // another year
        lines.add(verdict(32, "C3011", 2025, "other-table", "E2", "10", "kgCO2e/万元"));     // another table
        lines.add("{\"format\":\"verdant.batch-error/1\",\"input\":\"bad.yaml\"}");
        return lines;
    }

    @Test
    void theHandCheckableCohort() throws Exception {
        ObjectNode table = TableSpreadsheetTest.table("test-general.yaml");
        Calibration.Result r = Calibration.calibrate(table, inputs(handCase()), C30_2025);
        assertThat(r.cohort()).isEqualTo(21);
        assertThat(r.skippedOtherTable()).isEqualTo(1);
        assertThat(r.skippedErrors()).isEqualTo(1);

        // E2, all 21 values sorted: 95 97 98 100 101 102 103 104 104 105 106 107 108 109 110 111 112 114 116 118 250.
        // Q1 at h = (21 − 1)·0.25 = 5 → x[5] = 102; Q3 at h = 15 → x[15] = 111; IQR = 9;
        // far fences 102 − 3·9 = 75 and 111 + 3·9 = 138: 250 is left out, 118 is kept.
        Calibration.Indicator e2 = indicator(r, "E2");
        assertThat(e2.total()).isEqualTo(21);
        assertThat(e2.outliers()).singleElement().satisfies(o -> {
            assertThat(o.value()).isEqualByComparingTo("250");
            assertThat(o.facility()).isEqualTo("工厂20 (91320000TEST000020)");
            assertThat(o.reason().zh()).isEqualTo("高于远端栅栏 Q3 + 3·IQR = 138");
            assertThat(o.reason().en()).isEqualTo("above the far fence Q3 + 3·IQR = 138");
        });
        // the 20 kept: 95+97+98+100+101+102+103+104+104+105 = 1009, 106+107+108+109+110+111+112+114+116+118 = 1111,
        // sum 2120, B = 2120 / 20 = 106. L: ceil(0.05·20) = 1, the lowest: 95.
        assertThat(e2.kept()).hasSize(20);
        assertThat(e2.baseline()).isEqualByComparingTo("106");
        assertThat(e2.leadingRank()).isEqualTo(1);
        assertThat(e2.leading()).isEqualByComparingTo("95");
        // quartiles of the kept 20: Q1 at h = 19·0.25 = 4.75 → 101 + 0.75·(102 − 101) = 101.75;
        // median at 9.5 → (105 + 106)/2 = 105.5; Q3 at 14.25 → 110 + 0.25·(111 − 110) = 110.25
        assertThat(e2.q1()).isEqualByComparingTo("101.75");
        assertThat(e2.median()).isEqualByComparingTo("105.5");
        assertThat(e2.q3()).isEqualByComparingTo("110.25");

        // R2, 21 values (the 21st factory's 88 is ordinary): Q1 = x[5] = 81, Q3 = x[15] = 89, fences 57 and 113: none left out.
        // sum = 1688.5 + 88 = 1776.5, B = 1776.5 / 21 = 84.595238… → 84.5952 (4 decimals).
        // L: ceil(0.05·21) = ceil(1.05) = 2, the second highest: 94 (96.5 is the highest).
        Calibration.Indicator r2 = indicator(r, "R2");
        assertThat(r2.outliers()).isEmpty();
        assertThat(r2.kept()).hasSize(21);
        assertThat(r2.baseline()).isEqualByComparingTo("84.5952");
        assertThat(r2.leadingRank()).isEqualTo(2);
        assertThat(r2.leading()).isEqualByComparingTo("94");

        // the calibrated table
        ObjectNode t = r.table();
        String id = r.sourceId();
        assertThat(id).matches("cohort-C30-2025-[0-9a-f]{8}");
        assertThat(t.path("kind").asText()).isEqualTo("calibrated");
        assertThat(t.path("version").asText()).isEqualTo("2026.12.0+cal." + r.digest().substring(7, 15));
        assertThat(t.at("/calibrated_from/table").asText()).isEqualTo("test-general");
        assertThat(t.at("/calibrated_from/version").asText()).isEqualTo("2026.12.0");
        assertThat(t.at("/calibrated_from/cohort/count").asInt()).isEqualTo(21);
        assertThat(t.at("/calibrated_from/cohort/year").asInt()).isEqualTo(2025);
        assertThat(t.at("/calibrated_from/cohort/industry").asText()).isEqualTo("C30");
        assertThat(t.at("/calibrated_from/cohort/digest").asText()).isEqualTo(r.digest());
        // the source's title in both languages, as every source of the rulebook
        assertThat(t.at("/sources/" + id + "/title/zh").asText()).contains("21 份评价", "C30", "2025", r.digest());
        assertThat(t.at("/sources/" + id + "/title/en").asText()).contains("21 evaluation(s)", "C30", "2025", r.digest());
        JsonNode e2Table = t.at("/dimensions/0/indicators/1");
        assertThat(e2Table.path("leading")).isEqualTo(TableTree.parseFlow(
                "{value: 95, unit: kgCO2e/万元, status: calibrated, source: " + id + ", detail: \"前 5 %（第 1 名 / 20，自低起）\"}"));
        assertThat(e2Table.path("baseline")).isEqualTo(TableTree.parseFlow(
                "{value: 106, unit: kgCO2e/万元, status: calibrated, source: " + id + ", detail: \"均值（n = 20）\"}"));
        assertThat(t.at("/dimensions/1/indicators/1/baseline/value").decimalValue()).isEqualByComparingTo("84.5952");
        // energy-limit and water-quota references stay (4.4.2), and so do a count rule's B and L
        assertThat(t.at("/dimensions/0/indicators/0/forms/0/leading")).isEqualTo(table.at("/dimensions/0/indicators/0/forms/0/leading"));
        assertThat(t.at("/dimensions/1/indicators/0/leading")).isEqualTo(table.at("/dimensions/1/indicators/0/leading"));
        assertThat(t.at("/dimensions/0/indicators/3/leading")).isEqualTo(table.at("/dimensions/0/indicators/3/leading"));
        // the input table is untouched
        assertThat(table.at("/dimensions/0/indicators/1/leading/ref").asText()).isEqualTo("industry_advanced");

        String text = Calibration.text(r);
        assertThat(text).contains("n = 20 / 21，Q1 = 101.75，中位数 = 105.5，Q3 = 110.25",
                "剔除离群值 250：工厂20 (91320000TEST000020)，高于远端栅栏 Q3 + 3·IQR = 138",
                "基准值 B = 均值 = 106 kgCO2e/万元；引领值 L = 前 5 %（第 1 名 / 20，自低起）= 95 kgCO2e/万元",
                "引领值 L = 前 5 %（第 2 名 / 21，自高起）= 94 %",
                "引用能耗限额标准（4.4.2）：保留原引用");
        assertThat(Calibration.text(r, "en")).contains("n = 20 / 21, Q1 = 101.75, median = 105.5, Q3 = 110.25",
                "outlier left out 250: 工厂20 (91320000TEST000020), above the far fence Q3 + 3·IQR = 138",
                "baseline B = mean = 106 kgCO2e/万元; leading value L = best 5 % (rank 1 of 20, from the lowest) = 95 kgCO2e/万元",
                "not calibrated: cites the energy-limit standard (4.4.2): kept", "distribution (10 bins, the last one closed):");
        // the E2 histogram: 10 bins of (118 − 95)/10 = 2.3 over the 20 kept values, the counts add up to 20
        String e2Part = text.substring(text.indexOf("E2 单位产值碳排放量"), text.indexOf("E3 "));
        int sum = e2Part.lines().filter(l -> l.startsWith("    [")).mapToInt(l -> Integer.parseInt(l.substring(l.lastIndexOf(' ') + 1))).sum();
        assertThat(sum).isEqualTo(20);
        assertThat(e2Part).contains("    [95, 97.3) ");
    }

    @Test
    void theCalibratedTableGoesThroughASpreadsheetUnchanged() throws Exception {
        Calibration.Result r = Calibration.calibrate(TableSpreadsheetTest.table("test-general.yaml"), inputs(handCase()), C30_2025);
        java.nio.file.Path xlsx = java.nio.file.Files.createTempFile("calibrated", ".xlsx");
        try {
            TableSpreadsheet.export(r.table(), "calibrated", TableSpreadsheet.Format.xlsx, xlsx);
            assertThat(TableTree.same(r.table(), TableSpreadsheet.importFile(xlsx))).isTrue();
        } finally {
            java.nio.file.Files.deleteIfExists(xlsx);
        }
    }

    @Test
    void aCohortOf19IsRefused() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 19; i++) lines.add(verdict(i, "C3011", 2025, "test-general", "E2", E2[i], "kgCO2e/万元"));
        assertThatThrownBy(() -> Calibration.calibrate(TableSpreadsheetTest.table("test-general.yaml"), inputs(lines), C30_2025))
                .isInstanceOf(CohortTooSmallException.class)
                .hasMessageStartingWith("队列只有 19 份评价（指标表 test-general，行业 C30，年度 2025），少于最小队列 20（--min-cohort）：未作校准");
        // the 20th factory makes it a cohort
        lines.add(verdict(19, "C3011", 2025, "test-general", "E2", E2[19], "kgCO2e/万元"));
        assertThat(Calibration.calibrate(TableSpreadsheetTest.table("test-general.yaml"), inputs(lines), C30_2025).cohort()).isEqualTo(20);
    }

    @Test
    void theLatestEvaluationOfAFacilityStandsForIt() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 20; i++) lines.add(verdict(i, "C3011", 2025, "test-general", "E2", E2[i], "kgCO2e/万元"));
        lines.add(verdict(0, "C3011", 2025, "test-general", "E2", "96", "kgCO2e/万元"));  // factory 0 re-evaluated: 95 → 96
        Calibration.Result r = Calibration.calibrate(TableSpreadsheetTest.table("test-general.yaml"), inputs(lines), C30_2025);
        assertThat(r.cohort()).isEqualTo(20);
        assertThat(r.replaced()).isEqualTo(1);
        // the hand case's sum 2120 − 95 + 96 = 2121, / 20 = 106.05; the best is now 96
        assertThat(indicator(r, "E2").baseline()).isEqualByComparingTo("106.05");
        assertThat(indicator(r, "E2").leading()).isEqualByComparingTo("96");
    }

    @Test
    void aLineThatIsNotAVerdictIsRefusedWithItsLine() {
        List<String> lines = new ArrayList<>(handCase());
        lines.add(3, "{not json");
        assertThatThrownBy(() -> Calibration.calibrate(TableSpreadsheetTest.table("test-general.yaml"), inputs(lines), C30_2025))
                .isInstanceOfSatisfying(TableInputException.class, e -> assertThat(e.problems()).singleElement().asString()
                        .matches("results\\.jsonl:4:\\d+: 不是有效的 JSON：解析器原文：“.*”"));
    }

    @Test
    void theDigestDoesNotDependOnTheOrderOfTheInputs() throws Exception {
        List<String> lines = handCase();
        Calibration.Result a = Calibration.calibrate(TableSpreadsheetTest.table("test-general.yaml"), inputs(lines), C30_2025);
        List<String> shuffled = new ArrayList<>(lines);
        Collections.reverse(shuffled);
        Calibration.Result b = Calibration.calibrate(TableSpreadsheetTest.table("test-general.yaml"), inputs(shuffled), C30_2025);
        assertThat(b.digest()).isEqualTo(a.digest());
        lines.set(0, verdict(0, "C3011", 2025, "test-general", "E2", "96", "kgCO2e/万元", "R2", R2[0], "%"));
        assertThat(Calibration.calibrate(TableSpreadsheetTest.table("test-general.yaml"), inputs(lines), C30_2025).digest()).isNotEqualTo(a.digest());
    }

    /** A generated cohort: L covers the best 5 % (at least 5 % at or better than it, fewer strictly better), B is the mean. */
    @Test
    void aGeneratedCohortMeetsTheDefinitions() throws Exception {
        Random random = new Random(36132);
        for (int size : new int[]{20, 37, 100, 333}) {
            List<String> lines = new ArrayList<>();
            List<BigDecimal> e2 = new ArrayList<>();
            List<BigDecimal> r2 = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                BigDecimal e = BigDecimal.valueOf(80 + random.nextGaussian() * 8).setScale(2, java.math.RoundingMode.HALF_UP);
                BigDecimal w = BigDecimal.valueOf(85 + random.nextGaussian() * 4).setScale(2, java.math.RoundingMode.HALF_UP);
                e2.add(e);
                r2.add(w);
                lines.add(verdict(i, "C3041", 2025, "test-general", "E2", e, "kgCO2e/万元", "R2", w, "%"));
            }
            Calibration.Result r = Calibration.calibrate(TableSpreadsheetTest.table("test-general.yaml"), inputs(lines), C30_2025);
            for (String id : List.of("E2", "R2")) {
                Calibration.Indicator ind = indicator(r, id);
                boolean lower = id.equals("E2");
                List<BigDecimal> kept = ind.kept();
                assertThat(kept.size() + ind.outliers().size()).isEqualTo(size);
                long atOrBetter = kept.stream().filter(x -> lower ? x.compareTo(ind.leading()) <= 0 : x.compareTo(ind.leading()) >= 0).count();
                long strictlyBetter = kept.stream().filter(x -> lower ? x.compareTo(ind.leading()) < 0 : x.compareTo(ind.leading()) > 0).count();
                assertThat(atOrBetter).as(id + " n=" + size).isGreaterThanOrEqualTo((long) Math.ceil(0.05 * kept.size()));
                assertThat(strictlyBetter).as(id + " n=" + size).isLessThan((long) Math.ceil(0.05 * kept.size()));
                BigDecimal sum = kept.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(ind.baseline().doubleValue()).isCloseTo(sum.doubleValue() / kept.size(), org.assertj.core.data.Offset.offset(0.00005));
                for (Calibration.Outlier o : ind.outliers())
                    assertThat(o.value().compareTo(ind.q1()) < 0 || o.value().compareTo(ind.q3()) > 0).isTrue();
            }
        }
    }

    static Calibration.Indicator indicator(Calibration.Result r, String id) {
        return r.indicators().stream().filter(i -> i.id().equals(id) && i.skipped() == null).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not calibrated: " + Calibration.text(r)));
    }
}
