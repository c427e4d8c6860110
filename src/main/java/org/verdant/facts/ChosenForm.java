package org.verdant.facts;

/** The form a scaled indicator is scored in for this submission, and why (a message key and its argument). */
public record ChosenForm(String criterionId, String form, String indicator, String reasonKey, String reasonArg) {
}
