package org.verdant.rulebook;

import org.verdant.yaml.Problem;

import java.util.List;

/** The rulebook cannot be used; every problem found is listed. */
public class RulebookException extends Exception {
    private final List<Problem> problems;

    public RulebookException(List<Problem> problems) {
        super(problems.size() + " problem(s) in the rulebook");
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
