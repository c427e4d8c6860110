package org.verdant.assessment;

import org.verdant.text.Location;

/**
 * The evaluator's judgement of one claim, a fact the claim rules read: accepted or not, why
 * ({@code note}), and for a graded item the degree of fulfilment the evaluator found (null:
 * the claim's own).
 */
public record ClaimAssessment(String criterionId, boolean accepted, String note, Double degree, Location location) {
}
