package org.verdant.plan;

import org.verdant.evaluation.UsageException;
import org.verdant.rulebook.GradingTable;
import org.verdant.rulebook.RulebookException;
import org.verdant.text.Numbers;
import org.verdant.verdict.Verdict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.verdant.plan.PlanContext.EPS;

/**
 * The answer to {@code --target}: what the target is (a score, or a grade of the selected grading
 * table), and the fewest planned steps that reach it, the chosen ones re-evaluated together.
 */
final class TargetSearch {
    private final PlanContext context;
    private final String target;
    private final GradingTable table;

    /** Refuses a target the verdict's grading cannot name, before any planning is done. */
    TargetSearch(PlanContext context, String target) throws UsageException {
        this.context = context;
        this.target = target;
        this.table = targetTable(target);
    }

    private GradingTable targetTable(String target) throws UsageException {
        Double score = parseNumber(target);
        if (score != null && (!Double.isFinite(score) || score < 0)) {
            // Java reads "NaN" and "Infinity" as numbers; a score to reach is a finite, non-negative one
            throw new PlanUsageException(null, "--target “" + target + "”不是可达到的分数：请给出不小于 0 的分数或一个等级",
                    "--target '" + target + "' is not a score that can be reached: give a score of 0 or more, or a grade");
        }
        if (score != null) return null;
        String id = context.base().grade().tableId();
        var gradings = context.scenario().rulebook().gradings();
        if (id == null) {
            String ids = String.join(", ", gradings.keySet());
            throw new PlanUsageException(null, "--target “" + target + "”是等级，但未选择评级表；请加 --grading 评级表（" + ids + "）或给出分数",
                    "--target '" + target + "' is a grade, but no grading table is selected; add --grading ID (" + ids + ") or give a score");
        }
        GradingTable table = gradings.get(id);
        if (table.bands().stream().noneMatch(b -> b.label().equals(target))) {
            String grades = String.join(", ", table.bands().stream().map(GradingTable.Band::label).toList());
            throw new PlanUsageException(null, "--target：评级表 " + id + " 没有等级“" + target + "”；其等级有：" + grades,
                    "--target: grading table " + id + " has no grade '" + target + "'; its grades: " + grades);
        }
        return table;
    }

    private static Double parseNumber(String s) {
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private boolean reaches(Verdict v) {
        if (table == null) return v.score() != null && Numbers.round(v.score(), 2).doubleValue() >= parseNumber(target) - EPS;
        if (v.grade().label() == null) return false;
        List<String> labels = table.bands().stream().map(GradingTable.Band::label).toList();
        return labels.indexOf(v.grade().label()) <= labels.indexOf(target);
    }

    /**
     * The fewest changes that reach the target: the blockers the grading table requires cleared
     * (all of them), then the changes with the largest gains, re-evaluated together.
     */
    Plan.Target search(List<Plan.Step> blockers, List<Plan.Step> changes, List<Plan.Open> open, List<Plan.Step> longTerm)
            throws UsageException, RulebookException {
        Verdict base = context.base();
        Plan.Phrase goal;
        List<Plan.Step> required = new ArrayList<>();
        if (table == null) {
            goal = Plan.Phrase.of("plan.goal.score", target);
        } else {
            GradingTable.Band band = table.bands().stream().filter(b -> b.label().equals(target)).findFirst().orElseThrow();
            boolean eligible = table.requires().contains("eligible");
            boolean mandatory = table.requires().contains("mandatory_met");
            goal = Plan.Phrase.of(eligible || mandatory ? "plan.goal.grade_requires" : "plan.goal.grade", target, table.id(),
                    Numbers.round(band.min(), 2).toPlainString());
            for (Plan.Open o : open) {
                if (!o.blocking()) continue;
                boolean gate = base.gates().stream().anyMatch(g -> g.id().equals(o.id()));
                if (gate && eligible || !gate && mandatory) {
                    boolean data = o.why().key().equals("plan.open.data") || o.why().key().equals("plan.open.index_year_missing");
                    boolean cap = o.why().key().equals("plan.open.beyond_cap");
                    return new Plan.Target(target, goal, false, List.of(), null,
                            Plan.Phrase.of(cap ? "plan.target.blocked_cap" : data ? "plan.target.blocked_data" : "plan.target.blocked", o.id(), o.why()),
                            null, cap ? List.of(o.id()) : List.of());
                }
            }
            for (Plan.Step b : blockers) {
                boolean gate = base.gates().stream().anyMatch(g -> g.id().equals(b.id()));
                if (gate && eligible || !gate && mandatory) required.add(b);
            }
        }
        List<Assignment> base0 = Planner.changesOf(required);
        Verdict current = context.evaluateQuietly(base0);
        if (current == null) {
            return new Plan.Target(target, goal, false, List.of(), null, Plan.Phrase.of("plan.target.conflict"), null);
        }
        List<Plan.Step> chosen = new ArrayList<>(required);
        if (reaches(current)) return new Plan.Target(target, goal, true, chosen, Plan.State.of(current), null, null);

        List<Plan.Step> candidates = new ArrayList<>();
        for (Plan.Step s : concat(blockers, changes)) {
            if (!s.verified() || required.contains(s) || s.gain() == null) continue;
            candidates.add(s);
        }
        List<Plan.Step> ranked = rankOnTopOf(base0, current, candidates);
        for (Plan.Step s : ranked) {
            // one criterion, one change: a step to a higher level replaces the one to a lower level
            Plan.Step same = chosen.stream().filter(c -> c.id().equals(s.id())).findFirst().orElse(null);
            if (same != null && same.pointsAfter() >= s.pointsAfter()) continue;
            List<Plan.Step> trial = new ArrayList<>(chosen);
            if (same != null) trial.set(trial.indexOf(same), s);
            else trial.add(s);
            Verdict v = context.evaluateQuietly(Planner.changesOf(trial));
            // a change whose points another chosen change already brought (MGT-07 after MGT-08, say) adds nothing
            if (v == null || v.score() <= current.score() + EPS) continue;
            chosen = trial;
            current = v;
            if (reaches(current)) return new Plan.Target(target, goal, true, chosen, Plan.State.of(current), null, null);
        }
        long unverified = changes.stream().filter(s -> !s.verified()).count();
        double unverifiedGain = changes.stream().filter(s -> !s.verified() && s.gain() != null).mapToDouble(Plan.Step::gain).sum();
        Plan.Phrase why = table != null && current.score() != null && current.grade().label() == null && current.grade().whyNone() != null
                && !current.grade().whyNone().equals("grade.below_bands")
                ? Plan.Phrase.of("plan.target.no_grade", Plan.Phrase.of(current.grade().whyNone()))
                : Plan.Phrase.of(unverified > 0 ? "plan.target.max_unverified" : "plan.target.max",
                Numbers.round(current.score(), 2).toPlainString(), unverified, Numbers.round(unverifiedGain, 2).toPlainString());
        List<String> needed = beyondCaps(chosen, longTerm);
        if (!needed.isEmpty()) {
            why = Plan.Phrase.of("plan.target.beyond_caps", Numbers.round(current.score(), 2).toPlainString(), String.join(", ", needed));
        }
        return new Plan.Target(target, goal, false, chosen, Plan.State.of(current), why, current.score(), needed);
    }

    /**
     * The long-term targets that, added to the chosen one-year changes (each replacing a one-year
     * step to the same criterion), reach the target, re-evaluated together; empty when even they do not.
     */
    private List<String> beyondCaps(List<Plan.Step> chosen, List<Plan.Step> longTerm) throws UsageException, RulebookException {
        List<Plan.Step> all = new ArrayList<>(chosen);
        List<String> ids = new ArrayList<>();
        Verdict current = context.evaluateQuietly(Planner.changesOf(all));
        for (Plan.Step s : longTerm) {
            if (!s.verified() || s.gain() == null) continue;
            List<Plan.Step> trial = new ArrayList<>(all);
            trial.removeIf(c -> c.id().equals(s.id()));
            trial.add(s);
            Verdict v = context.evaluateQuietly(Planner.changesOf(trial));
            if (v == null || v.score() == null || current != null && v.score() <= current.score() + EPS) continue;
            all = trial;
            current = v;
            ids.add(s.id());
            if (reaches(v)) return ids;
        }
        return List.of();
    }

    /** Candidates by what each adds on top of the required changes (largest first), ties by effort then id. */
    private List<Plan.Step> rankOnTopOf(List<Assignment> required, Verdict current, List<Plan.Step> candidates)
            throws UsageException, RulebookException {
        record Ranked(Plan.Step step, double gain) {
        }
        List<Ranked> ranked = new ArrayList<>();
        for (Plan.Step s : candidates) {
            double gain = s.gain();
            if (!required.isEmpty()) {
                List<Assignment> with = new ArrayList<>(required);
                with.addAll(s.changes());
                Verdict v = context.evaluateQuietly(with);
                if (v == null || v.score() == null) continue;
                gain = v.score() - current.score();
            }
            if (gain > EPS) ranked.add(new Ranked(s, gain));
        }
        ranked.sort(Comparator.comparingDouble((Ranked r) -> -Planner.round6(r.gain())).thenComparing(r -> r.step().effort())
                .thenComparing(r -> r.step().id()));
        return ranked.stream().map(Ranked::step).toList();
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
