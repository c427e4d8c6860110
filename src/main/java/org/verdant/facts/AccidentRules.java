package org.verdant.facts;

import org.verdant.submission.Severity;
import org.verdant.submission.Submission;
import org.verdant.text.Messages.Phrase;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Helpers for the accident veto: which accidents fall in the window, are severe enough and of a
 * kind the gate names, and words that name each event by its own date, severity and kind.
 */
public final class AccidentRules {
    private AccidentRules() {
    }

    /** Why an event does not count for a gate. */
    public enum NotCounted {
        KIND_NOT_COVERED, OUTSIDE_WINDOW, BELOW_BAR
    }

    /** An accident vetoes when it is at least the threshold severity and within the look-back window. */
    public static boolean vetoes(Submission.Accident a, EvaluationContext ctx, Parameter lookbackYears, Parameter minSeverity) {
        return reasons(a, ctx, lookbackYears, minSeverity, null).isEmpty();
    }

    /** As {@link #vetoes}, for the kinds of accident a scheme counts (a space-separated list such as "safety environmental"). */
    public static boolean vetoesOfKind(Submission.Accident a, EvaluationContext ctx, Parameter lookbackYears, Parameter minSeverity,
                                       Parameter kinds) {
        return reasons(a, ctx, lookbackYears, minSeverity, kinds).isEmpty();
    }

    /** Every reason the accident does not count (none: it vetoes); {@code kinds} null counts every kind. */
    public static List<NotCounted> reasons(Submission.Accident a, EvaluationContext ctx, Parameter lookbackYears, Parameter minSeverity,
                                           Parameter kinds) {
        List<NotCounted> out = new ArrayList<>();
        if (kinds != null && !kindsOf(kinds).contains(a.kind())) out.add(NotCounted.KIND_NOT_COVERED);
        if (!ctx.withinYearsBefore(a.date(), lookbackYears.intValue())) out.add(NotCounted.OUTSIDE_WINDOW);
        if (a.severity() == null || !a.severity().atLeast(bar(minSeverity))) out.add(NotCounted.BELOW_BAR);
        return out;
    }

    /** Each event that does not count, named by its own severity and kind, with its reasons. */
    public static List<Phrase> notCounted(List<?> events, EvaluationContext ctx, Parameter lookbackYears, Parameter minSeverity,
                                          Parameter kinds) {
        VetoWindow window = ctx.window(lookbackYears.intValue());
        List<Phrase> out = new ArrayList<>();
        for (Object o : events) {
            Submission.Accident a = (Submission.Accident) o;
            List<NotCounted> why = reasons(a, ctx, lookbackYears, minSeverity, kinds);
            if (why.isEmpty()) continue;
            List<Object> args = new ArrayList<>();
            args.add(named(a));
            for (NotCounted r : why) args.add(reasonPhrase(r, window, minSeverity));
            out.add(new Phrase("accident.not_counted." + why.size(), args));
        }
        return out;
    }

    /** As {@link #notCounted}, every kind counting. */
    public static List<Phrase> notCounted(List<?> events, EvaluationContext ctx, Parameter lookbackYears, Parameter minSeverity) {
        return notCounted(events, ctx, lookbackYears, minSeverity, null);
    }

    /** The events by date, severity and kind ("2022-12-01 较大环境污染事故"). */
    public static List<Phrase> named(List<?> events) {
        return events.stream().map(o -> named((Submission.Accident) o)).toList();
    }

    /** The sentence about the events that do not count, when the gate is clear: each named, or "none recorded". */
    public static Phrase othersClause(List<Phrase> notCounted) {
        return notCounted.isEmpty() ? new Phrase("accident.none_recorded", List.of()) : new Phrase("accident.others", List.of(notCounted));
    }

    /** The same after a veto: the other events, or nothing. */
    public static Phrase othersAfterVeto(List<Phrase> notCounted) {
        return notCounted.isEmpty() ? new Phrase("accident.nothing", List.of()) : new Phrase("accident.others_after_veto", List.of(notCounted));
    }

    /** The events as language-neutral records for the verdict: date, kind, severity, whether it counts and why not. */
    public static List<Map<String, Object>> events(List<?> events, EvaluationContext ctx, Parameter lookbackYears, Parameter minSeverity,
                                                   Parameter kinds) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : events) {
            Submission.Accident a = (Submission.Accident) o;
            List<NotCounted> why = reasons(a, ctx, lookbackYears, minSeverity, kinds);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("date", String.valueOf(a.date()));
            m.put("kind", a.kind());
            m.put("severity", a.severity() == null ? null : a.severity().code());
            m.put("counts", why.isEmpty());
            if (!why.isEmpty()) m.put("not_counted", why.stream().map(r -> r.name().toLowerCase(java.util.Locale.ROOT)).toList());
            out.add(m);
        }
        return out;
    }

    public static String describe(List<?> accidents) {
        return accidents.stream().map(o -> (Submission.Accident) o)
                .map(a -> a.date() + " " + a.kind() + " " + a.severity().code() + " (" + a.severity().chinese() + ")"
                        + (a.description() == null ? "" : " " + a.description()))
                .collect(Collectors.joining("; "));
    }

    private static Phrase named(Submission.Accident a) {
        return new Phrase("accident.event", List.of(String.valueOf(a.date()),
                new Phrase("accident.severity." + (a.severity() == null ? "unknown" : a.severity().code()), List.of()),
                new Phrase("accident.kind." + a.kind(), List.of())));
    }

    private static Phrase reasonPhrase(NotCounted r, VetoWindow window, Parameter minSeverity) {
        return switch (r) {
            case KIND_NOT_COVERED -> new Phrase("accident.kind_not_covered", List.of());
            case OUTSIDE_WINDOW -> new Phrase("accident.outside_window", List.of(window.from().toString(), window.to().toString()));
            case BELOW_BAR -> new Phrase("accident.below_bar", List.of(new Phrase("accident.severity." + bar(minSeverity).code(), List.of())));
        };
    }

    private static Severity bar(Parameter minSeverity) {
        return Severity.parse(minSeverity.word())
                .orElseThrow(() -> new IllegalStateException("scorecard parameter " + minSeverity.name() + " is not a severity: " + minSeverity.word()));
    }

    /** A list of words as the scorecard writes them ("safety environment"); compiled once, String.split would compile it per call. */
    static final java.util.regex.Pattern WORDS = java.util.regex.Pattern.compile("\\s+");

    private static List<String> kindsOf(Parameter kinds) {
        return Arrays.asList(WORDS.split(kinds.word().strip()));
    }
}
