package org.verdant.submission;

import org.verdant.yaml.Problems;
import org.verdant.yaml.YamlNode;

import java.time.LocalDate;

/**
 * The dates of a submission against its evaluation date and reporting year. An evaluation looks
 * back at what has happened: nothing it counts (an accident, a violation, a removal, a listing) is dated
 * after it. And it evaluates a recent year: the evaluation date falls in the reporting year or in
 * the {@value #YEARS_AFTER} calendar years after it. From any date in that span the three years
 * the gates look back over reach back to the end of the year before the reporting year, so they
 * cover the whole reporting year; a later evaluation date could not move an accident of the
 * reporting year out of the veto window. The span is docs/schemas.md's rule.
 */
final class DateChecks {
    /** How many calendar years after the reporting year an evaluation may be dated. */
    static final int YEARS_AFTER = 2;

    private final LocalDate evaluationDate;
    private final Problems problems;

    DateChecks(LocalDate evaluationDate, Problems problems) {
        this.evaluationDate = evaluationDate;
        this.problems = problems;
    }

    /** The last day an evaluation of {@code reportingYear} may be dated. */
    static LocalDate latestEvaluation(int reportingYear) {
        return LocalDate.of(reportingYear + YEARS_AFTER, 12, 31);
    }

    /** The evaluation date against the reporting year: not before it, and not more than {@value #YEARS_AFTER} years after it. */
    static void evaluationAgainstReportingYear(YamlNode dateNode, LocalDate evaluationDate, YamlNode yearNode, Integer year, Problems problems) {
        if (year == null || evaluationDate == null) return;
        if (year > evaluationDate.getYear()) {
            problems.say(yearNode, "problem.reporting_year.after_evaluation", year, evaluationDate);
        } else if (evaluationDate.isAfter(latestEvaluation(year))) {
            problems.say(dateNode, "problem.evaluation_date.too_late", evaluationDate, year, YEARS_AFTER,
                    latestEvaluation(year));
        }
    }

    /** {@code date} (at {@code at}) must not be after the evaluation date. */
    void notAfterEvaluation(YamlNode at, LocalDate date) {
        if (evaluationDate == null || date == null || at == null || !date.isAfter(evaluationDate)) return;
        problems.say(at, "problem.date.after_evaluation", date, evaluationDate);
    }

    /** A {@code year} (at {@code at}) that must have begun by the evaluation date. */
    void yearNotAfterEvaluation(YamlNode at, Integer year) {
        if (evaluationDate == null || year == null || at == null || year <= evaluationDate.getYear()) return;
        problems.say(at, "problem.year.after_evaluation", year, evaluationDate);
    }
}
