package org.verdant.cohort;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The written-down grading rule: limits by rank, ties, bottom 5 %, small cohorts. */
class CohortRuleTest {
    static List<BigDecimal> scores(double... s) {
        return java.util.Arrays.stream(s).mapToObj(BigDecimal::valueOf).toList();
    }

    static List<String> grades(List<CohortRule.Placement> p) {
        return p.stream().map(CohortRule.Placement::grade).toList();
    }

    @Test
    void limitsByRank() {
        // n: ceil(n × 5 %), ceil(n × 40 %)
        int[][] table = {{1, 1, 1}, {5, 1, 2}, {19, 1, 8}, {20, 1, 8}, {21, 2, 9}, {24, 2, 10}, {40, 2, 16}, {41, 3, 17}, {100, 5, 40}, {101, 6, 41}};
        for (int[] row : table) {
            assertThat(CohortRule.aPlusLimit(row[0])).as("A+ limit for n=" + row[0]).isEqualTo(row[1]);
            assertThat(CohortRule.aLimit(row[0])).as("A limit for n=" + row[0]).isEqualTo(row[2]);
        }
        assertThat(CohortRule.bottomAbove(20)).isEqualTo(19);
        assertThat(CohortRule.bottomAbove(40)).isEqualTo(38);
        assertThat(CohortRule.bottomAbove(19)).isEqualTo(19); // small: nobody below
    }

    @Test
    void quotasWithoutTies() {
        List<BigDecimal> s = IntStream.range(0, 40).mapToObj(i -> BigDecimal.valueOf(100 - i)).toList();
        List<CohortRule.Placement> p = CohortRule.place(s);
        assertThat(grades(p).stream().filter("A+"::equals).count()).isEqualTo(2);
        assertThat(grades(p).stream().filter("A"::equals).count()).isEqualTo(14);
        assertThat(grades(p).stream().filter("B"::equals).count()).isEqualTo(24);
        assertThat(p.stream().filter(CohortRule.Placement::bottom).map(CohortRule.Placement::rank)).containsExactly(39, 40);
    }

    @Test
    void aTieAcrossABoundaryTakesTheHigherGrade() {
        // n = 20: A+ is rank 1, A ranks up to 8. Positions 1 and 2 tie; positions 8, 9 and 10 tie.
        double[] s = {95, 95, 94, 93, 92, 91, 90, 89, 89, 89, 88, 87, 86, 85, 84, 83, 82, 81, 80, 79};
        List<CohortRule.Placement> p = CohortRule.place(scores(s));
        assertThat(p.get(0).rank()).isEqualTo(1);
        assertThat(p.get(1).rank()).isEqualTo(1);
        assertThat(grades(p).subList(0, 2)).containsOnly("A+");
        assertThat(p.get(2).rank()).isEqualTo(3);
        assertThat(p.subList(7, 10)).extracting(CohortRule.Placement::rank).containsOnly(8);
        assertThat(grades(p).subList(2, 10)).containsOnly("A");
        assertThat(grades(p).subList(10, 20)).containsOnly("B");
        // scores compare as numbers: 89.5 and 89.50 tie
        assertThat(CohortRule.place(List.of(new BigDecimal("89.5"), new BigDecimal("89.50")))).extracting(CohortRule.Placement::rank).containsOnly(1);
    }

    @Test
    void aTieAcrossTheBottomBoundaryStaysOut() {
        double[] s = new double[20];
        for (int i = 0; i < 20; i++) s[i] = 100 - i;
        assertThat(CohortRule.place(scores(s)).get(19).bottom()).isTrue();
        s[19] = s[18]; // the last two tie: both rank 19, which is not below 19
        List<CohortRule.Placement> p = CohortRule.place(scores(s));
        assertThat(p.get(18).rank()).isEqualTo(19);
        assertThat(p.get(19).rank()).isEqualTo(19);
        assertThat(p).noneMatch(CohortRule.Placement::bottom);
    }

    @Test
    void smallCohortsAreGradedWithNoBottom() {
        List<CohortRule.Placement> p = CohortRule.place(scores(90, 80, 70, 60, 50));
        assertThat(grades(p)).containsExactly("A+", "A", "B", "B", "B");
        assertThat(p).noneMatch(CohortRule.Placement::bottom);
        assertThat(CohortRule.small(5)).isTrue();
        assertThat(CohortRule.small(20)).isFalse();
        assertThat(grades(CohortRule.place(scores(42)))).containsExactly("A+");
        assertThat(grades(CohortRule.place(scores(70, 70, 70)))).containsOnly("A+");
        assertThat(CohortRule.place(List.of())).isEmpty();
    }
}
