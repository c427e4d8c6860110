package org.verdant.facts;

import java.time.LocalDate;

/**
 * The look-back window of a veto ("in the last three years"): the years before the evaluation
 * date, widened to cover the whole reporting year. An evaluation dated long after its reporting
 * year must not let an accident or violation of that year fall out of the window.
 */
public record VetoWindow(LocalDate from, LocalDate to) {

    public static VetoWindow of(EvaluationContext ctx, int years) {
        LocalDate back = ctx.evaluationDate().minusYears(years);
        LocalDate yearStart = LocalDate.of(ctx.reportingYear(), 1, 1);
        LocalDate yearEnd = LocalDate.of(ctx.reportingYear(), 12, 31);
        return new VetoWindow(back.isBefore(yearStart) ? back : yearStart,
                ctx.evaluationDate().isAfter(yearEnd) ? ctx.evaluationDate() : yearEnd);
    }

    /** Both ends included. */
    public boolean contains(LocalDate date) {
        return date != null && !date.isBefore(from) && !date.isAfter(to);
    }
}
