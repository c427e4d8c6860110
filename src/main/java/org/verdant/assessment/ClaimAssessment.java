package org.verdant.assessment;

import org.verdant.text.Location;

import java.util.List;

/**
 * The evaluator's judgement of one claim, a fact the claim rules read: accepted or not, why
 * ({@code note}), for a graded item the degree of fulfilment the evaluator found (null: the
 * claim's own), and the uploaded evidence files the judgement rests on ({@code evidence}, by digest).
 */
public record ClaimAssessment(String criterionId, boolean accepted, String note, Double degree, Location location,
                              List<CitedFile> evidence) {
    public ClaimAssessment {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public ClaimAssessment(String criterionId, boolean accepted, String note, Double degree, Location location) {
        this(criterionId, accepted, note, degree, location, List.of());
    }

    /** An uploaded file the assessment cites: its digest ({@code sha256:…}, lower case) and where it is written. */
    public record CitedFile(String sha256, Location location, String path) {
    }
}
