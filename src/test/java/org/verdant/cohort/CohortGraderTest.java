package org.verdant.cohort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdant.archive.Archive;
import org.verdant.archive.ArchiveEntry;
import org.verdant.archive.Stored;
import org.verdant.cli.VerdantCli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A synthetic cohort of real stored verdicts: the all-met factory with optional claims declared
 * not met, so each unit's score is 100 minus a known deduction.
 *
 * <p>2023 (industry C30): 24 ranked units U1..U24 by position; U2 and U3 tie (across the A+
 * boundary, rank 2 of ceil(24 × 5 %) = 2), U10 and U11 tie (across the A boundary, rank 10 of
 * ceil(24 × 40 %) = 10); U5 was evaluated twice (the first at 100); one ineligible unit; one
 * C26 unit outside the industry; one unit that filed for 2022 but not 2023. 2022 and 2021: 20
 * ranked units each, U24 last in both; U23 mid-table in 2022 and absent in 2021.
 */
class CohortGraderTest {
    /** Optional criteria decided by claims and what declaring each not met takes from 100. */
    static final Map<String, BigDecimal> DEDUCTIONS = new LinkedHashMap<>();

    static {
        String[][] d = {{"INF-05", "2"}, {"INF-06", "1"}, {"INF-08", "1.4"}, {"INF-11", "1"}, {"INF-13", "1"},
                {"ENR-02", "2.25"}, {"ENR-03", "1.5"}, {"ENR-06", "1.5"}, {"ENR-08", "2.25"}, {"PRD-01", "1.5"},
                {"PRD-02", "2"}, {"PRD-04", "1"}, {"PRD-05", "1.5"}, {"PRD-06", "1.5"}, {"EMI-02", "1"}, {"EMI-04", "1"}, {"EMI-08", "1"}};
        for (String[] x : d) DEDUCTIONS.put(x[0], new BigDecimal(x[1]));
    }

    /** Levels by increasing deduction: level k is a set of claims to declare not met. */
    static final List<List<String>> LEVELS = levels(22);

    @TempDir
    static Path data;

    static final Map<Integer, String> U = new HashMap<>();
    static final String INELIGIBLE = Stored.creditCode(200);
    static final String OTHER_INDUSTRY = Stored.creditCode(201);
    static final String NOT_FILED = Stored.creditCode(202);
    static long u5Latest;
    static final Map<String, BigDecimal> EXPECTED_2023 = new HashMap<>();

    static List<List<String>> levels(int count) {
        List<String> ids = new ArrayList<>(DEDUCTIONS.keySet());
        TreeMap<BigDecimal, List<String>> bySum = new TreeMap<>();
        for (int mask = 0; mask < 1 << ids.size(); mask++) {
            List<String> set = new ArrayList<>();
            BigDecimal sum = BigDecimal.ZERO;
            for (int i = 0; i < ids.size(); i++) {
                if ((mask & 1 << i) != 0) {
                    set.add(ids.get(i));
                    sum = sum.add(DEDUCTIONS.get(ids.get(i)));
                }
            }
            bySum.merge(sum.stripTrailingZeros(), set, (a, b) -> a.size() <= b.size() ? a : b);
        }
        return new ArrayList<>(bySum.values()).subList(0, count);
    }

    static BigDecimal expected(int level) {
        return LEVELS.get(level).stream().map(DEDUCTIONS::get).reduce(BigDecimal.valueOf(100), BigDecimal::subtract);
    }

    static ArchiveEntry store(Archive a, int year, String code, String industry, int level) {
        ArchiveEntry e = Stored.store(a, Stored.factory(year, code, "测试工厂 " + code.substring(10, 17), industry, LEVELS.get(level)));
        assertThat(e.score()).as(code + " level " + level + " " + LEVELS.get(level)).isEqualByComparingTo(expected(level));
        return e;
    }

    @BeforeAll
    static void cohort() {
        for (int p = 1; p <= 24; p++) U.put(p, Stored.creditCode(100 + p));
        try (Archive a = Archive.open(data)) {
            // 2021: U1..U19 at levels 0..18, U24 last
            for (int p = 1; p <= 19; p++) store(a, 2021, U.get(p), "C3011", p - 1);
            store(a, 2021, U.get(24), "C3011", 19);
            // 2022: U1..U17 and NOT_FILED at levels 0..4, 6..18; U23 at 5; U24 last
            List<String> codes2022 = new ArrayList<>();
            for (int p = 1; p <= 17; p++) codes2022.add(U.get(p));
            codes2022.add(NOT_FILED);
            int level = 0;
            for (String code : codes2022) {
                if (level == 5) level++;
                store(a, 2022, code, "C3011", level++);
            }
            store(a, 2022, U.get(23), "C3011", 5);
            store(a, 2022, U.get(24), "C3011", 19);
            // 2023: positions 1..24 at levels 0,1,1,2,3,...,8,8,9,...,21
            int[] levels = new int[25];
            for (int p = 1; p <= 24; p++) levels[p] = p == 1 ? 0 : p <= 3 ? 1 : p <= 10 ? p - 2 : p - 3;
            assertThat(levels[10]).isEqualTo(levels[11]).isEqualTo(8);
            store(a, 2023, U.get(5), "C3011", 0); // first evaluation of U5, replaced below
            for (int p = 1; p <= 24; p++) {
                ArchiveEntry e = store(a, 2023, U.get(p), p == 2 ? "C3021" : "C3011", levels[p]);
                if (p == 5) u5Latest = e.id();
                EXPECTED_2023.put(U.get(p), expected(levels[p]));
            }
            Stored.store(a, Stored.factory(2023, INELIGIBLE, "不合格工厂", "C3011", List.of("B1")));
            store(a, 2023, OTHER_INDUSTRY, "C2614", 0);
        }
    }

    static CohortReport grade(String industry) {
        try (Archive a = Archive.open(data)) {
            return CohortGrader.grade(a, 2023, "green-factory", industry);
        }
    }

    static CohortReport.GradedUnit unit(CohortReport r, String code) {
        return r.graded().stream().filter(g -> g.entry().creditCode().equals(code)).findFirst().orElseThrow(() -> new AssertionError("no " + code));
    }

    @Test
    void gradesTheIndustryCohortWithTiesAtBothBoundaries() {
        CohortReport r = grade("C30");
        assertThat(r.ranked()).isEqualTo(24);
        assertThat(r.small()).isFalse();
        assertThat(r.aPlusLimit()).isEqualTo(2);
        assertThat(r.aLimit()).isEqualTo(10);
        assertThat(r.aPlusCount()).isEqualTo(3);
        assertThat(r.aCount()).isEqualTo(8);
        assertThat(r.bCount()).isEqualTo(13);
        assertThat(unit(r, U.get(1))).extracting(CohortReport.GradedUnit::rank, CohortReport.GradedUnit::grade).containsExactly(1, "A+");
        assertThat(unit(r, U.get(2))).extracting(CohortReport.GradedUnit::rank, CohortReport.GradedUnit::grade).containsExactly(2, "A+");
        assertThat(unit(r, U.get(3))).extracting(CohortReport.GradedUnit::rank, CohortReport.GradedUnit::grade).containsExactly(2, "A+");
        assertThat(unit(r, U.get(4))).extracting(CohortReport.GradedUnit::rank, CohortReport.GradedUnit::grade).containsExactly(4, "A");
        assertThat(unit(r, U.get(10))).extracting(CohortReport.GradedUnit::rank, CohortReport.GradedUnit::grade).containsExactly(10, "A");
        assertThat(unit(r, U.get(11))).extracting(CohortReport.GradedUnit::rank, CohortReport.GradedUnit::grade).containsExactly(10, "A");
        assertThat(unit(r, U.get(12))).extracting(CohortReport.GradedUnit::rank, CohortReport.GradedUnit::grade).containsExactly(12, "B");
        assertThat(unit(r, U.get(24))).extracting(CohortReport.GradedUnit::rank, CohortReport.GradedUnit::grade).containsExactly(24, "B");
        for (CohortReport.GradedUnit g : r.graded()) {
            assertThat(g.entry().score()).isEqualByComparingTo(EXPECTED_2023.get(g.entry().creditCode()));
        }
        assertThat(r.graded()).extracting(g -> g.entry().creditCode()).doesNotContain(OTHER_INDUSTRY, INELIGIBLE);
        // the latest record per facility: U5's second evaluation, not its first at 100
        assertThat(unit(r, U.get(5)).entry().id()).isEqualTo(u5Latest);
        assertThat(unit(r, U.get(5)).rank()).isEqualTo(5);
    }

    @Test
    void listsUnitsWithNoCodeSeparately() {
        CohortReport r = grade("C30");
        assertThat(r.notGraded()).extracting(u -> u.entry().creditCode(), CohortReport.NotGraded::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(INELIGIBLE, CohortReport.Reason.INELIGIBLE),
                        org.assertj.core.groups.Tuple.tuple(NOT_FILED, CohortReport.Reason.NOT_FILED));
        assertThat(r.notGraded().get(1).entry().reportingYear()).isEqualTo(2022);
    }

    @Test
    void flagsBottomFivePercentThreeYearsRunning() {
        CohortReport r = grade("C30");
        assertThat(r.years()).extracting(CohortReport.WindowYear::year, CohortReport.WindowYear::ranked)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2021, 20), org.assertj.core.groups.Tuple.tuple(2022, 20),
                        org.assertj.core.groups.Tuple.tuple(2023, 24));
        // 2023: rank > 24 − ceil(1.2) = 22 is the bottom 5 %
        assertThat(r.graded().stream().filter(g -> Boolean.TRUE.equals(g.bottom().get(2))).map(g -> g.entry().creditCode()))
                .containsExactlyInAnyOrder(U.get(23), U.get(24));
        assertThat(unit(r, U.get(24)).bottom()).containsExactly(true, true, true);
        assertThat(unit(r, U.get(23)).bottom()).containsExactly(null, false, true);
        assertThat(unit(r, U.get(1)).bottom()).containsExactly(false, false, false);
        assertThat(r.graded().stream().filter(CohortReport.GradedUnit::removalCandidate).map(g -> g.entry().creditCode()))
                .containsExactly(U.get(24));
    }

    @Test
    void theWholeSchemeWithoutAnIndustry() {
        CohortReport r = grade(null);
        assertThat(r.ranked()).isEqualTo(25);
        assertThat(r.aPlusLimit()).isEqualTo(2); // ceil(1.25)
        assertThat(unit(r, OTHER_INDUSTRY)).extracting(CohortReport.GradedUnit::rank, CohortReport.GradedUnit::grade).containsExactly(1, "A+");
        assertThat(unit(r, U.get(2))).extracting(CohortReport.GradedUnit::rank, CohortReport.GradedUnit::grade).containsExactly(3, "A");
        assertThat(grade("C26").ranked()).isEqualTo(1);
        assertThat(grade("C26").small()).isTrue();
    }

    @Test
    void commandPrintsTextJsonAndCsv() throws Exception {
        String[] common = {"cohort", "--year", "2023", "--industry", "C30", "--data", data.toString()};
        Run text = run(concat(common, "--lang", "en")); // the text in English (Chinese is the default: ChineseCliTest)
        assertThat(text.code).as(text.err).isZero();
        assertThat(text.out).contains("Cohort: green-factory, reporting year 2023, industry C30*")
                .contains("Rule: Ranked by score").contains("tie across a boundary takes the higher grade")
                .contains("Ranked: 24 unit(s); A+ up to rank 2, A up to rank 10. Codes given: A+ 3, A 8, B 13")
                .contains("[removal candidate]").contains("Removal candidates (bottom 5 % in 2021, 2022 and 2023): " + U.get(24))
                .contains("did not file for 2023 (last filed 2022").contains("ineligible").doesNotContain("SMALL COHORT");

        Run json = run(concat(common, "--format", "json"));
        JsonNode j = new ObjectMapper().readTree(json.out);
        assertThat(j.get("format").asText()).isEqualTo("verdant.cohort/1");
        assertThat(j.get("counts").toString()).isEqualTo("{\"A+\":3,\"A\":8,\"B\":13}");
        assertThat(j.get("graded")).hasSize(24);
        assertThat(j.get("not_graded")).hasSize(2);
        assertThat(j.get("removal_candidates").toString()).isEqualTo("[\"" + U.get(24) + "\"]");
        assertThat(j.get("graded").get(0).get("bottom_5_percent").toString()).isEqualTo("{\"2021\":false,\"2022\":false,\"2023\":false}");
        assertThat(run(concat(common, "--format", "json")).out).as("deterministic").isEqualTo(json.out);

        Run csv = run(concat(common, "--format", "csv"));
        String[] lines = csv.out.split("\n");
        assertThat(lines).hasSize(1 + 24 + 2);
        assertThat(lines[0]).as("UTF-8 with a BOM, for Excel").startsWith("\uFEFFstatus,rank,grade,score,credit_code,facility,industry,province,record,reporting_year,bottom_5_2021,bottom_5_2022,bottom_5_2023,removal_candidate");
        assertThat(lines[1]).startsWith("graded,1,A+,100," + U.get(1) + ",");
        assertThat(lines[24]).startsWith("graded,24,B,").contains(",true,true,true,true,");
        assertThat(lines[25]).startsWith("ineligible,,,");
        assertThat(lines[26]).startsWith("not_filed,,,");

        Run unknown = run("cohort", "--year", "2023", "--scheme", "green-factroy", "--data", data.toString(), "--lang", "en");
        assertThat(unknown.code).isEqualTo(2);
        assertThat(unknown.err).contains("no archived evaluation of 'green-factroy'").contains("green-factory");
    }

    @Test
    void saysWhenEditionsAreMixedAndGradesOneOnRequest() {
        List<ArchiveEntry> mixed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String edition = i == 0 ? "GB/T 36132-2025" : "GB/T 36132-2018";
            mixed.add(new ArchiveEntry(i + 1, null, java.time.Instant.EPOCH, "green-factory", edition, Stored.creditCode(300 + i), "工厂" + i,
                    "C3011", "江苏", 2025, true, true, BigDecimal.valueOf(80 + i), null, "f.yaml", "sha256:x", "sha256:r", "dev"));
        }
        CohortReport all = CohortGrader.grade(mixed, 2025, "green-factory", null);
        assertThat(all.editions()).containsExactly(java.util.Map.entry("GB/T 36132-2018", 2), java.util.Map.entry("GB/T 36132-2025", 1));
        assertThat(CohortRenderer.text(all)).contains("MIXED EDITIONS: GB/T 36132-2018 (2), GB/T 36132-2025 (1) are ranked together");
        CohortReport one = CohortGrader.grade(mixed, 2025, "green-factory", null, "GB/T 36132-2018");
        assertThat(one.ranked()).isEqualTo(2);
        assertThat(CohortRenderer.text(one)).doesNotContain("MIXED").contains("edition GB/T 36132-2018");
        assertThat(CohortRenderer.json(one)).contains("\"editions\" : {\n    \"GB/T 36132-2018\" : 2\n  }");
    }

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = VerdantCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    static String[] concat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
