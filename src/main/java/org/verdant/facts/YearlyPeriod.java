package org.verdant.facts;

import org.verdant.submission.Submission;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The years an "every year" (每年) requirement covers: the scorecard's number of years up to and
 * including the reporting year, from the facility's first full calendar year if it was founded
 * later (a factory founded on 1 January has that whole year). Never empty: the reporting year is
 * always in it.
 */
public record YearlyPeriod(int first, int last) {

    public static YearlyPeriod of(EvaluationContext ctx, Submission.Facility facility, Parameter years) {
        int first = ctx.reportingYear() - years.intValue() + 1;
        LocalDate founded = facility == null ? null : facility.founded();
        if (founded != null) {
            int firstFullYear = founded.getDayOfYear() == 1 ? founded.getYear() : founded.getYear() + 1;
            first = Math.max(first, Math.min(firstFullYear, ctx.reportingYear()));
        }
        return new YearlyPeriod(first, ctx.reportingYear());
    }

    /** The years of the period not among {@code covered}, earliest first. */
    public List<Integer> missing(List<Integer> covered) {
        List<Integer> out = new ArrayList<>();
        for (int y = first; y <= last; y++) if (!covered.contains(y)) out.add(y);
        return out;
    }

    public List<Integer> years() {
        List<Integer> out = new ArrayList<>();
        for (int y = first; y <= last; y++) out.add(y);
        return out;
    }

    /** "2021–2023", or one year. */
    public String span() {
        return first == last ? String.valueOf(last) : first + "–" + last;
    }

    public static String join(List<Integer> years) {
        return years.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
