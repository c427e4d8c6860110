package org.verdant.cohort;

import org.verdant.archive.ArchiveEntry;

import java.math.BigDecimal;
import java.util.List;

/**
 * A graded cohort: the stored evaluations of one scheme (and industry prefix) for one reporting
 * year, latest record per facility.
 *
 * @param industry     the GB/T 4754 prefix the cohort was limited to, or null
 * @param ranked       n, the number of ranked units
 * @param aPlusLimit   ceil(n × 5 %)
 * @param aLimit       ceil(n × 40 %)
 * @param graded       the ranked units, by rank
 * @param notGraded    units with no code: ineligible, undetermined, without a score, or not filed
 * @param years        the three years of the dynamic-management window (Y−2, Y−1, Y), each cohort's size
 * @param parks        for green parks: each applicant against its region's existing parks; else null
 * @param edition      the edition the cohort was limited to, or null
 * @param editions     the editions of the year's records and how many units each (more than one: scores of
 *                     different editions are ranked together, and the output says so)
 */
public record CohortReport(int year, String scheme, String industry, String edition, java.util.SortedMap<String, Integer> editions,
                           int ranked, boolean small,
                           int aPlusLimit, int aLimit, int aPlusCount, int aCount, int bCount,
                           List<GradedUnit> graded, List<NotGraded> notGraded, List<WindowYear> years,
                           ParkComparison parks) {

    /**
     * A ranked unit. {@code bottom} holds the bottom-5 % verdict for Y−2, Y−1 and Y in that order:
     * true, false, or null when it cannot be decided (no ranked record that year, or a small cohort).
     */
    public record GradedUnit(int rank, String grade, ArchiveEntry entry, List<Boolean> bottom, boolean removalCandidate) {
    }

    /** Why a unit has no code. */
    public enum Reason {
        INELIGIBLE("ineligible"),
        UNDETERMINED("eligibility undetermined"),
        NO_SCORE("no score"),
        NOT_FILED("did not file");

        public final String words;

        Reason(String words) {
            this.words = words;
        }
    }

    /** A unit with no code: its latest record for the year, or (not filed) its latest earlier record. */
    public record NotGraded(Reason reason, ArchiveEntry entry) {
    }

    /** One year of the dynamic-management window and the size of its ranked cohort. */
    public record WindowYear(int year, int ranked, boolean small) {
    }

    /**
     * Green parks: a new applicant must score at least the average of the existing parks of its
     * region (province).
     */
    public record ParkComparison(List<Region> regions, List<Applicant> applicants) {
    }

    /** A region's existing parks, the records whose scores are averaged, and the exact average. */
    public record Region(String province, List<ArchiveEntry> counted, List<ArchiveEntry> notCounted, BigDecimal average) {
    }

    /**
     * A new applicant. {@code meets} is null when it cannot be compared: ineligible or without a
     * score, or no existing park in its region. {@code note} is a code (at_or_above, below,
     * not_compared, no_existing_park); the renderers say it in words.
     */
    public record Applicant(ArchiveEntry entry, String province, BigDecimal regionalAverage, Boolean meets, String note) {
    }
}
