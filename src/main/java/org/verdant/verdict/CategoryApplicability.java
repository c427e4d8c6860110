package org.verdant.verdict;

import org.verdant.rulebook.Scorecard;
import org.verdant.text.Numbers;

import java.util.ArrayList;
import java.util.List;

/**
 * A first-level category every criterion of which is not applicable. Under category_percent
 * (GB/T 36132-2018) it leaves the total and the other categories' weights are scaled back to
 * 100, the category-level form of the reading that a not-applicable criterion leaves its
 * category's maximum. The other scorings accept no not-applicable claims; should a rule still
 * leave a whole category not applicable there, it scores 0 of its weight and the verdict says so.
 */
final class CategoryApplicability {
    private CategoryApplicability() {
    }

    /** Σ weight × score ÷ 100 over the applicable categories, scaled to their share of the weights. */
    static double renormalised(double weightedSum, double applicableWeight, List<Scorecard.CategorySpec> all) {
        double allWeight = all.stream().mapToDouble(c -> c.weight().number()).sum();
        return applicableWeight > 0 ? weightedSum * allWeight / applicableWeight : 0;
    }

    static List<Verdict.Warning> warnings(Scorecard scorecard, List<Scorecard.CategorySpec> notApplicable, double applicableWeight) {
        List<Verdict.Warning> out = new ArrayList<>();
        for (Scorecard.CategorySpec c : notApplicable) {
            List<Object> args = List.of(c.id(), c.name().zh(), c.name().en(), Numbers.format(c.weight().number()),
                    Numbers.format(applicableWeight));
            if (Scorecard.CATEGORY_PERCENT.equals(scorecard.scoring())) {
                out.add(new Verdict.Warning("category_not_applicable", null, null, applicableWeight > 0
                        ? "warning.category_not_applicable" : "warning.category_none_applicable", args));
            } else {
                out.add(new Verdict.Warning("category_not_applicable", null, null, "warning.category_not_applicable_scored_zero", args));
            }
        }
        return out;
    }
}
