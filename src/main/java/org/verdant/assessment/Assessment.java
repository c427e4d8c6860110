package org.verdant.assessment;

import java.time.LocalDate;
import java.util.List;

/**
 * An evaluator's assessment of one submission (format verdant.assessment/1): who assessed it and
 * when, the submission it assesses (its digest, when the document names one), and the judgement
 * of each claim, in the document's order. {@code bytes} are the document's exact bytes, kept so
 * a record or the archive reproduces the verdict they led to.
 */
public record Assessment(String file, byte[] bytes, String digest, String organisation, String lead, LocalDate date,
                         String submissionDigest, List<ClaimAssessment> claims) {
    public static final String FORMAT = "verdant.assessment/1";

    public Assessment {
        bytes = bytes.clone();
        claims = List.copyOf(claims);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }
}
