package org.verdant.batch;

import java.math.BigDecimal;

/**
 * What one input came to: its JSON line (a verdict or an error record) and what the summary
 * counts. {@code status} is {@code valid} (a verdict), {@code invalid} (the submission has
 * problems: exit code 3 for {@code evaluate}) or {@code error} (unreadable input 2, invalid
 * rulebook 4, internal error 1); {@code exitCode} is what {@code verdant evaluate} would have
 * returned for it.
 */
public record Outcome(long seq, String input, int document, boolean inStream, String status, int exitCode, byte[] line,
                      String scheme, String edition, String grade, Boolean eligible, BigDecimal score,
                      String firstProblem) {
    public static final String VALID = "valid";
    public static final String INVALID = "invalid";
    public static final String ERROR = "error";

    /** The input as the summary names it: the file, and {@code #N} for the N-th document of a stream. */
    public String label() {
        return inStream ? input + "#" + document : input;
    }

    public boolean failed() {
        return !VALID.equals(status);
    }
}
