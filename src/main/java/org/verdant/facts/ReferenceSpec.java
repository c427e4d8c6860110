package org.verdant.facts;

import org.verdant.rulebook.Figure;

/**
 * Where one tier of a performance criterion takes its reference level from, as the scorecard
 * says: fixed, submission, factor_of_basic or energy_limit.
 */
public record ReferenceSpec(String criterionId, String indicator, String tier, String form, Figure fixed,
                            Figure factor, Integer level, String quota, java.util.List<org.verdant.rulebook.Scorecard.EnergyTier> tiers,
                            String statedKey) {
    public ReferenceSpec(String criterionId, String indicator, String tier, String form, Figure fixed,
                         Figure factor, Integer level, String quota, java.util.List<org.verdant.rulebook.Scorecard.EnergyTier> tiers) {
        this(criterionId, indicator, tier, form, fixed, factor, level, quota, tiers, indicator);
    }
}
