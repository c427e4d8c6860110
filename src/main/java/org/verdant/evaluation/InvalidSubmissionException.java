package org.verdant.evaluation;

import org.verdant.fault.Fault;
import org.verdant.yaml.Problem;
import org.verdant.yaml.Problems;

import java.util.List;

/** The submission cannot be scored; every problem found is listed. */
public class InvalidSubmissionException extends Fault {
    /** Every problem found: the listed ones (at most {@link Problems#MAX_LISTED}) and how many in all. */
    public InvalidSubmissionException(Problems found) {
        this(found.sorted(), found.count());
    }

    public InvalidSubmissionException(List<Problem> problems, int count) {
        super(Kind.INVALID_SUBMISSION, null, count + " problem(s) in the submission", problems, count);
    }
}
