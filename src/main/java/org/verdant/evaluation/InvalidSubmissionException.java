package org.verdant.evaluation;

import org.verdant.yaml.Problem;

import java.util.List;

/** The submission cannot be scored; every problem found is listed. */
public class InvalidSubmissionException extends Exception {
    private final List<Problem> problems;

    public InvalidSubmissionException(List<Problem> problems) {
        super(problems.size() + " problem(s) in the submission");
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
