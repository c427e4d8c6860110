package org.verdant.evaluation;

import org.verdant.yaml.Problem;
import org.verdant.yaml.Problems;

import java.util.List;

/** The submission cannot be scored; every problem found is listed. */
public class InvalidSubmissionException extends Exception {
    private final List<Problem> problems;
    private final int count;

    /** Every problem found: the listed ones (at most {@link Problems#MAX_LISTED}) and how many in all. */
    public InvalidSubmissionException(Problems found) {
        this(found.sorted(), found.count());
    }

    public InvalidSubmissionException(List<Problem> problems, int count) {
        super(count + " problem(s) in the submission");
        this.problems = List.copyOf(problems);
        this.count = count;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** How many problems were found, including any not listed. */
    public int count() {
        return count;
    }
}
