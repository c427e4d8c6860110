package org.verdant.facts;

import org.verdant.submission.Submission;

import java.util.List;
import java.util.stream.Collectors;

/** Helpers for the cultivation measures' veto list: which stated facts fall in the look-back window. */
public final class CultivationChecks {
    private CultivationChecks() {
    }

    public static boolean notOperatingNormally(Submission.Standing s, Parameter maxStoppedMonths) {
        return (s.operatingStatus() != null && !s.operatingStatus().equals("normal"))
                || Boolean.TRUE.equals(s.abnormalOperationList())
                || (s.productionStoppedMonths() != null && s.productionStoppedMonths() > maxStoppedMonths.intValue());
    }

    public static boolean operatingUnknown(Submission.Standing s) {
        return s.operatingStatus() == null || s.abnormalOperationList() == null;
    }

    /** The cultivation veto's violations (tax evasion, tax fraud, other) within the window. */
    public static List<Submission.Violation> violationsWithin(Submission.Standing s, EvaluationContext ctx, Parameter years) {
        return violationsOfKind(s, ctx, years, "tax_evasion tax_fraud other");
    }

    /** Violations of the given kinds (a space-separated list) within the window. */
    public static List<Submission.Violation> violationsOfKind(Submission.Standing s, EvaluationContext ctx, Parameter years, String kinds) {
        List<String> wanted = java.util.Arrays.asList(AccidentRules.WORDS.split(kinds));
        return s.violations().stream().filter(v -> wanted.contains(v.kind()) && ctx.withinYearsBefore(v.date(), years.intValue())).toList();
    }

    public static List<Submission.Removal> removalsWithin(Submission.Standing s, EvaluationContext ctx, Parameter years) {
        return s.removals().stream().filter(r -> ctx.withinYearsBefore(r.date(), years.intValue())).toList();
    }

    public static List<Submission.InspectionFinding> seriousFindingsWithin(Submission.Standing s, EvaluationContext ctx, Parameter years) {
        return s.inspectionFindings().stream().filter(f -> f.serious() && ctx.withinYearsBefore(f.date(), years.intValue())).toList();
    }

    public static boolean rectificationOutstanding(Submission.Standing s) {
        return s.energyRectification().listed() && !Boolean.TRUE.equals(s.energyRectification().completed());
    }

    /** The application round: as stated, else the evaluation date's year. */
    public static int round(Submission.Application a, EvaluationContext ctx) {
        return a.round() != null ? a.round() : ctx.evaluationDate().getYear();
    }

    public static String describe(List<?> items) {
        return items.stream().map(CultivationChecks::describeOne).collect(Collectors.joining("; "));
    }

    private static String describeOne(Object o) {
        if (o instanceof Submission.Violation v) return v.date() + " " + v.kind() + (v.description() == null ? "" : " " + v.description());
        if (o instanceof Submission.Removal r) return r.date() + " " + r.list();
        if (o instanceof Submission.InspectionFinding f) {
            return f.date() + " " + f.inspection() + (f.description() == null ? "" : " " + f.description());
        }
        return String.valueOf(o);
    }

    /** The systems (of the four) that are not shown established with evidence. */
    public static List<String> systemsNotShown(List<?> systems) {
        List<String> shown = systems.stream().map(o -> (Submission.ManagementSystem) o)
                .filter(m -> Boolean.TRUE.equals(m.established()) && !m.evidence().isEmpty())
                .map(Submission.ManagementSystem::system).toList();
        return org.verdant.rulebook.Vocabulary.SYSTEMS.stream().filter(s -> !shown.contains(s)).toList();
    }
}
