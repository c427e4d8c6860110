package org.verdant.cohort;

import org.junit.jupiter.api.Test;
import org.verdant.archive.ArchiveEntry;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cohort's text in zh and en is byte for byte what it was before the two near-copy renderers
 * became one driven by message keys: the files under {@code cohort/} were written by the old code
 * (run once with {@code -Dcohort.capture=DIR}) and every branch of the text is in one of the three
 * cohorts below (mixed editions, a small cohort, each reason for no code, removal candidates, parks
 * with every kind of applicant, none).
 */
class CohortTextUnchangedTest {

    static ArchiveEntry entry(long id, String code, String name, String industry, String province, int year, Boolean eligible, String score) {
        return new ArchiveEntry(id, null, null, "green-factory", "GB/T 36132-2018", code, name, industry, province, year, eligible, true,
                score == null ? null : new BigDecimal(score), null, "f.yaml", "d", "r", "1");
    }

    static CohortReport factories() {
        TreeMap<String, Integer> editions = new TreeMap<>();
        editions.put("GB/T 36132-2018", 3);
        editions.put("GB/T 36132-2025", 1);
        List<CohortReport.GradedUnit> graded = List.of(
                new CohortReport.GradedUnit(1, "A+", entry(12, "91320500MA0000101X", "苏州甲水泥有限公司", "C3011", "江苏", 2023, true, "93.5"),
                        Arrays.asList(false, false, false), false),
                new CohortReport.GradedUnit(2, "A", entry(7, "91320500MA0000102X", "Acme Cement Ltd", "C3011", "江苏", 2023, true, "88.25"),
                        Arrays.asList(null, false, false), false),
                new CohortReport.GradedUnit(2, "A", entry(8, "91320500MA0000103X", "乙建材", null, null, 2023, true, "88.25"),
                        Arrays.asList(true, true, true), true),
                new CohortReport.GradedUnit(4, "B", entry(9, "91320500MA0000104X", "丙", "C3021", "浙江", 2023, true, "61"),
                        Arrays.asList(true, true, true), true));
        List<CohortReport.NotGraded> none = List.of(
                new CohortReport.NotGraded(CohortReport.Reason.INELIGIBLE, entry(20, "91320500MA0000105X", "不合格工厂", "C3011", null, 2023, false, "70.1")),
                new CohortReport.NotGraded(CohortReport.Reason.UNDETERMINED, entry(21, "91320500MA0000106X", "待定工厂", "C3011", null, 2023, null, null)),
                new CohortReport.NotGraded(CohortReport.Reason.NO_SCORE, entry(22, "91320500MA0000107X", "无分工厂", "C3011", null, 2023, true, null)),
                new CohortReport.NotGraded(CohortReport.Reason.NOT_FILED, entry(5, "91320500MA0000108X", "未申报工厂", "C3011", null, 2021, true, "80")));
        return new CohortReport(2023, "green-factory", "C30", null, editions, 24, false, 2, 10, 1, 2, 1, graded, none,
                List.of(new CohortReport.WindowYear(2021, 20, false), new CohortReport.WindowYear(2022, 9, true), new CohortReport.WindowYear(2023, 24, false)),
                null);
    }

    static CohortReport smallAndEmpty() {
        TreeMap<String, Integer> editions = new TreeMap<>();
        editions.put("GB/T 36132-2025", 1);
        return new CohortReport(2024, "green-factory", null, "GB/T 36132-2025", editions, 0, true, 0, 0, 0, 0, 0, List.of(), List.of(),
                List.of(new CohortReport.WindowYear(2022, 0, true), new CohortReport.WindowYear(2023, 0, true), new CohortReport.WindowYear(2024, 0, true)),
                new CohortReport.ParkComparison(List.of(), List.of()));
    }

    static CohortReport parks() {
        ArchiveEntry e1 = entry(1, "91320500MA0000201X", "镇江经开区", null, "江苏", 2024, true, "92.26");
        ArchiveEntry e2 = entry(3, "91320500MA0000202X", "邵东园区", null, "江苏", 2025, true, "91.96");
        ArchiveEntry e3 = entry(4, "91320500MA0000203X", "旧园区", null, "江苏", 2024, false, null);
        ArchiveEntry p1 = entry(5, "91320500MA0000204X", "桐乡园区", null, "江苏", 2025, true, "92.66");
        ArchiveEntry p2 = entry(6, "91320500MA0000205X", "另一园区", null, "江苏", 2025, true, "91.5");
        ArchiveEntry p3 = entry(7, "91320500MA0000206X", "浙江园区", null, "浙江", 2025, true, "92.66");
        ArchiveEntry p4 = entry(8, "91320500MA0000207X", "不合格园区", null, "江苏", 2025, false, "50");
        ArchiveEntry p5 = entry(9, "91320500MA0000208X", "待定园区", null, "江苏", 2025, null, null);
        ArchiveEntry p6 = entry(10, "91320500MA0000209X", "无分园区", null, "江苏", 2025, true, null);
        CohortReport.Region js = new CohortReport.Region("江苏", List.of(e1, e2), List.of(e3), new BigDecimal("92.11"));
        CohortReport.Region none = new CohortReport.Region("湖南", List.of(), List.of(), null);
        List<CohortReport.Applicant> applicants = List.of(
                new CohortReport.Applicant(p1, "江苏", new BigDecimal("92.11"), true, "at or above the average of 2 existing park(s) in 江苏"),
                new CohortReport.Applicant(p2, "江苏", new BigDecimal("92.11"), false, "below the average of 2 existing park(s) in 江苏"),
                new CohortReport.Applicant(p3, "浙江", null, null, "not compared: no existing park in 浙江"),
                new CohortReport.Applicant(p4, "江苏", null, null, "not compared: ineligible"),
                new CohortReport.Applicant(p5, "江苏", null, null, "not compared: eligibility undetermined"),
                new CohortReport.Applicant(p6, "江苏", null, null, "not compared: no score"));
        List<CohortReport.GradedUnit> graded = new ArrayList<>();
        graded.add(new CohortReport.GradedUnit(1, "A+", p1, Arrays.asList(null, null, null), false));
        return new CohortReport(2025, "green-park", null, null, new TreeMap<>(), 1, true, 1, 1, 1, 0, 0, graded,
                List.of(new CohortReport.NotGraded(CohortReport.Reason.INELIGIBLE, p4)),
                List.of(new CohortReport.WindowYear(2023, 0, true), new CohortReport.WindowYear(2024, 2, true), new CohortReport.WindowYear(2025, 1, true)),
                new CohortReport.ParkComparison(List.of(js, none), applicants));
    }

    static final List<String> NAMES = List.of("factories", "small-and-empty", "parks");

    static List<CohortReport> reports() {
        return List.of(factories(), smallAndEmpty(), parks());
    }

    @Test
    void textInBothLanguagesIsByteForByteTodays() throws IOException {
        String capture = System.getProperty("cohort.capture");
        List<CohortReport> reports = reports();
        for (int i = 0; i < reports.size(); i++) {
            for (String lang : List.of("zh", "en")) {
                String name = NAMES.get(i) + "." + lang + ".txt";
                String text = CohortRenderer.text(reports.get(i), lang);
                if (capture != null) {
                    Files.writeString(Path.of(capture, name), text, StandardCharsets.UTF_8);
                    continue;
                }
                try (InputStream in = CohortTextUnchangedTest.class.getResourceAsStream(name)) {
                    assertThat(in).as(name).isNotNull();
                    assertThat(text).as(name).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
    }
}
