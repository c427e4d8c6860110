package org.verdant.facts;

import java.time.LocalDate;

/** When the evaluation happens and which year's figures it reads. */
public record EvaluationContext(LocalDate evaluationDate, int reportingYear, String scheme, String edition) {

    /** True when {@code date} lies in the veto window of {@code years} years: before the evaluation date, and the whole reporting year. */
    public boolean withinYearsBefore(LocalDate date, int years) {
        return window(years).contains(date);
    }

    public VetoWindow window(int years) {
        return VetoWindow.of(this, years);
    }
}
