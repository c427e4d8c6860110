package org.verdant.facts;

import java.time.LocalDate;

/** When the evaluation happens and which year's figures it reads. */
public record EvaluationContext(LocalDate evaluationDate, int reportingYear, String scheme, String edition) {

    /** True when {@code date} lies within {@code years} years before the evaluation date (inclusive). */
    public boolean withinYearsBefore(LocalDate date, int years) {
        return date != null && !date.isAfter(evaluationDate) && !date.isBefore(evaluationDate.minusYears(years));
    }
}
