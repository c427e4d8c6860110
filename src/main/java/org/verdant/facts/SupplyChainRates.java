package org.verdant.facts;

import org.verdant.submission.Submission;

import java.util.List;

/** A supply-chain rate from its two recorded figures, with the fields to fill in when they are absent. */
public final class SupplyChainRates {
    private SupplyChainRates() {
    }

    public static IndicatorValue rate(String indicator, String formula, Submission.Rate rate, String path) {
        if (rate == null) return new IndicatorValue(indicator, null, "%", formula, null, List.of(path), List.of());
        return Derive.quotient(indicator, formula, Derive.term(path + "." + rate.partName(), rate.part()),
                Derive.term(path + "." + rate.wholeName(), rate.whole()), "%");
    }
}
