package org.verdant.archive;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One archived evaluation without its stored bytes: what a list or a history shows.
 *
 * @param previousId    the record this one re-evaluates (same scheme, credit code and reporting
 *                      year), or null for the first evaluation of that facility and year
 * @param eligible      true, false, or null (undetermined: a core veto that cannot be decided)
 * @param score         the verdict's score as its JSON writes it (2 decimals), null for schemes without one
 * @param evaluatedAt   when the evaluation ran (kept in the archive only, never in the verdict)
 */
public record ArchiveEntry(
        long id,
        Long previousId,
        Instant evaluatedAt,
        String scheme,
        String edition,
        String creditCode,
        String facilityName,
        String industry,
        String province,
        int reportingYear,
        Boolean eligible,
        boolean mandatoryMet,
        BigDecimal score,
        String grade,
        String inputFile,
        String inputDigest,
        String rulebookDigest,
        String engineVersion) {

    /** Eligible with a score: a unit a cohort can rank. */
    public boolean rankable() {
        return Boolean.TRUE.equals(eligible) && score != null;
    }
}
