package org.verdant.app;

import org.verdant.verdict.Verdict;

import java.util.List;

/**
 * What {@code batch --lines short} writes of a verdict beyond its own fields: the facility, and
 * each gate's and criterion's status and points, in the verdict's order. Read here, in the
 * application layer, so that batch needs nothing of the findings or the submission.
 */
public record VerdictMarks(String creditCode, String name, List<Mark> gates, List<Mark> criteria) {
    /** A gate's or criterion's id, its status code, and its points and maximum (0 for a gate). */
    public record Mark(String id, String status, double points, double max) {
    }

    public static VerdictMarks of(Verdict v) {
        return new VerdictMarks(v.submission().facility().creditCode(), v.submission().facility().name(), marks(v.gates()), marks(v.criteria()));
    }

    private static List<Mark> marks(List<Verdict.Judged> judged) {
        return judged.stream().map(j -> new Mark(j.id(), j.finding().status().code(), j.finding().points(), j.finding().max())).toList();
    }
}
