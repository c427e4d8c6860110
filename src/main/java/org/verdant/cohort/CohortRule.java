package org.verdant.cohort;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The 企业绿码 grading rule, written down (docs/archive.md): A+ top 5 %, A next 35 %, B the
 * remaining 60 % (工信部节〔2024〕13号 dynamic management), with ties and small cohorts decided
 * as follows.
 *
 * <ul>
 *   <li>Units are ranked on their score as the verdict writes it (2 decimals), highest first, by
 *       competition ranking: a unit's rank is 1 + the number of units that scored strictly
 *       higher, so tied units share the best rank of their group.</li>
 *   <li>A+ if rank ≤ ceil(n × 5 %); A if rank ≤ ceil(n × 40 %); else B. Equivalently: A+ when
 *       fewer than 5 % of the cohort scored strictly higher, A when fewer than 40 % did. A tie
 *       across a boundary therefore takes the higher grade, and the counts may exceed the quotas.</li>
 *   <li>Bottom 5 %: rank &gt; n − ceil(n × 5 %), so a tie across that boundary stays out of it;
 *       decided only in a cohort of at least {@link #MIN_COHORT} ranked units (below that, 5 %
 *       is less than one unit and no unit is put in the bottom 5 %).</li>
 *   <li>A cohort of fewer than {@link #MIN_COHORT} ranked units is still graded, and flagged small.</li>
 * </ul>
 */
public final class CohortRule {
    public static final int A_PLUS_PERCENT = 5;
    public static final int A_CUMULATIVE_PERCENT = 40;
    public static final int BOTTOM_PERCENT = 5;
    /** The smallest cohort in which 5 % is at least one whole unit. */
    public static final int MIN_COHORT = 20;

    public static final String A_PLUS = "A+";
    public static final String A = "A";
    public static final String B = "B";

    /** The rule in one paragraph, for every output. */
    public static final String TEXT = "Ranked by score (2 decimals, highest first); tied units share the best rank of their group. "
            + "A+ if rank <= ceil(n x 5%), A if rank <= ceil(n x 40%), otherwise B: a tie across a boundary takes the higher grade, "
            + "so A+ and A may hold more than 5% and 35%. Bottom 5%: rank > n - ceil(n x 5%) (a tie across that boundary stays out), "
            + "decided only in cohorts of at least " + MIN_COHORT + " ranked units; a smaller cohort is graded but flagged small. "
            + "Only eligible units with a score are ranked; ineligible, undetermined and non-filing units get no code.";

    /** Where one score landed. */
    public record Placement(int rank, String grade, boolean bottom) {
    }

    private CohortRule() {
    }

    /** ceil(n × percent / 100), in integers. */
    public static int ceilPercent(int n, int percent) {
        return (n * percent + 99) / 100;
    }

    public static int aPlusLimit(int n) {
        return ceilPercent(n, A_PLUS_PERCENT);
    }

    public static int aLimit(int n) {
        return ceilPercent(n, A_CUMULATIVE_PERCENT);
    }

    /** The lowest rank that is not yet in the bottom 5 % (ranks above it are), or n when none can be. */
    public static int bottomAbove(int n) {
        return n < MIN_COHORT ? n : n - ceilPercent(n, BOTTOM_PERCENT);
    }

    public static boolean small(int n) {
        return n < MIN_COHORT;
    }

    /** Places each score (in the given order) in a cohort made of exactly these scores. */
    public static List<Placement> place(List<BigDecimal> scores) {
        int n = scores.size();
        List<Placement> out = new ArrayList<>(n);
        for (BigDecimal s : scores) {
            int higher = 0;
            for (BigDecimal t : scores) if (t.compareTo(s) > 0) higher++;
            int rank = higher + 1;
            String grade = rank <= aPlusLimit(n) ? A_PLUS : rank <= aLimit(n) ? A : B;
            out.add(new Placement(rank, grade, rank > bottomAbove(n)));
        }
        return out;
    }
}
