package org.verdant.facts;

/** An indicator's value in one year of a park's statistics. */
public record YearValue(int year, IndicatorValue value) {
    public String indicator() {
        return value.indicator();
    }
}
