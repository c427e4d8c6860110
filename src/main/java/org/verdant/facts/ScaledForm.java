package org.verdant.facts;

/** One way a scaled indicator can be computed (e.g. per product, or per output value). */
public record ScaledForm(String criterionId, String form, String indicator, String unit) {
}
