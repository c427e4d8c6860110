package org.verdant.facts;

import org.verdant.submission.Severity;
import org.verdant.submission.Submission;

import java.util.List;
import java.util.stream.Collectors;

/** Helpers for the accident veto: which accidents fall in the window and are severe enough. */
public final class AccidentRules {
    private AccidentRules() {
    }

    /** An accident vetoes when it is at least the threshold severity and within the look-back window. */
    public static boolean vetoes(Submission.Accident a, EvaluationContext ctx, Parameter lookbackYears, Parameter minSeverity) {
        Severity threshold = Severity.parse(minSeverity.word())
                .orElseThrow(() -> new IllegalStateException("scorecard parameter accident_veto_severity is not a severity: " + minSeverity.word()));
        return a.severity() != null && a.severity().atLeast(threshold)
                && ctx.withinYearsBefore(a.date(), lookbackYears.intValue());
    }

    /** As {@link #vetoes}, for the kinds of accident a scheme counts (a space-separated list such as "safety environmental"). */
    public static boolean vetoesOfKind(Submission.Accident a, EvaluationContext ctx, Parameter lookbackYears, Parameter minSeverity,
                                       Parameter kinds) {
        return java.util.Arrays.asList(kinds.word().split("\\s+")).contains(a.kind()) && vetoes(a, ctx, lookbackYears, minSeverity);
    }

    public static String describe(List<?> accidents) {
        return accidents.stream().map(o -> (Submission.Accident) o)
                .map(a -> a.date() + " " + a.kind() + " " + a.severity().code() + " (" + a.severity().chinese() + ")"
                        + (a.description() == null ? "" : " " + a.description()))
                .collect(Collectors.joining("; "));
    }
}
