package org.verdant.facts;

import org.verdant.submission.Submission;
import org.verdant.text.Messages.Phrase;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Helpers for a violation gate (GB/T 36132-2025 4.2 a): which listed violations count, and words naming each one. */
public final class ViolationRules {
    private ViolationRules() {
    }

    /** The listed violations of the gate's kinds (a space-separated list) within the veto window. */
    public static List<Submission.Violation> counted(Submission.Standing s, EvaluationContext ctx, Parameter years, Parameter kinds) {
        return s.violations().stream().filter(v -> reasons(v, ctx, years, kinds).isEmpty()).toList();
    }

    /** Each listed violation that does not count, named by its date and kind, with its reasons. */
    public static List<Phrase> notCounted(Submission.Standing s, EvaluationContext ctx, Parameter years, Parameter kinds) {
        VetoWindow window = ctx.window(years.intValue());
        List<Phrase> out = new ArrayList<>();
        for (Submission.Violation v : s.violations()) {
            List<AccidentRules.NotCounted> why = reasons(v, ctx, years, kinds);
            if (why.isEmpty()) continue;
            List<Object> args = new ArrayList<>();
            args.add(named(v));
            for (AccidentRules.NotCounted r : why) {
                args.add(r == AccidentRules.NotCounted.OUTSIDE_WINDOW
                        ? new Phrase("accident.outside_window", List.of(window.from().toString(), window.to().toString()))
                        : new Phrase("accident.kind_not_covered", List.of()));
            }
            out.add(new Phrase("accident.not_counted." + why.size(), args));
        }
        return out;
    }

    /** The sentence about the listed violations that do not count, when the gate is clear: each named, or "none listed". */
    public static Phrase othersClause(List<Phrase> notCounted) {
        return notCounted.isEmpty() ? new Phrase("violation.none_listed", List.of()) : new Phrase("violation.others", List.of(notCounted));
    }

    /** The same after a veto: the other violations, or nothing. */
    public static Phrase othersAfterVeto(List<Phrase> notCounted) {
        return notCounted.isEmpty() ? new Phrase("accident.nothing", List.of()) : new Phrase("violation.others_after_veto", List.of(notCounted));
    }

    /** The violations by date and kind ("2023-02-10 环境违法违规"). */
    public static List<Phrase> named(List<Submission.Violation> violations) {
        return violations.stream().map(ViolationRules::named).toList();
    }

    private static Phrase named(Submission.Violation v) {
        return new Phrase("violation.event", List.of(String.valueOf(v.date()), new Phrase("violation.kind." + v.kind(), List.of())));
    }

    private static List<AccidentRules.NotCounted> reasons(Submission.Violation v, EvaluationContext ctx, Parameter years, Parameter kinds) {
        List<AccidentRules.NotCounted> out = new ArrayList<>();
        if (!Arrays.asList(AccidentRules.WORDS.split(kinds.word().strip())).contains(v.kind())) out.add(AccidentRules.NotCounted.KIND_NOT_COVERED);
        if (!ctx.withinYearsBefore(v.date(), years.intValue())) out.add(AccidentRules.NotCounted.OUTSIDE_WINDOW);
        return out;
    }
}
