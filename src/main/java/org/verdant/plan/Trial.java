package org.verdant.plan;

import org.verdant.evaluation.InvalidSubmissionException;
import org.verdant.evaluation.UsageException;
import org.verdant.findings.Finding;
import org.verdant.findings.Status;
import org.verdant.rulebook.RulebookException;
import org.verdant.verdict.Verdict;

import java.util.List;

import static org.verdant.plan.PlanContext.judged;
import static org.verdant.plan.PlanContext.reason;

/**
 * A candidate change applied to the submission and evaluated again, so the step it makes claims
 * only the points the rules give; or, when it reaches nothing, why.
 */
final class Trial {
    /** What a step aims at: clearing a gate or mandatory requirement, a performance indicator's basic tier, or full points. */
    enum Aim { CLEAR, BASIC, FULL }

    /** A candidate: the changes to the submission, what the reader is told to do, and what it asks of the facility. */
    record Attempt(List<Assignment> changes, Plan.Phrase action, Plan.Effort effort) {
    }

    /**
     * One criterion planned: a step that reaches the aim within one year's caps, or why there is
     * none; {@code longTerm}: the change that reaches the aim but needs more than the caps allow.
     */
    record Outcome(Plan.Step step, Plan.Open open, Plan.Step longTerm) {
        Outcome(Plan.Step step, Plan.Open open) {
            this(step, open, null);
        }
    }

    private final PlanContext context;

    Trial(PlanContext context) {
        this.context = context;
    }

    /** A problem's message in both languages, for a plan reason rendered later in the reader's. */
    static org.verdant.text.Text inBoth(org.verdant.yaml.Problem p) {
        return new org.verdant.text.Text(p.message("zh"), p.message("en"));
    }

    Outcome attempt(Verdict.Judged j, Aim aim, Attempt a) throws UsageException, RulebookException {
        if (a == null) return open(j, "plan.open.data", reason(j.finding()));
        Verdict after;
        try {
            after = context.scenario().evaluate(a.changes());
        } catch (InvalidSubmissionException e) {
            return open(j, "plan.open.infeasible", a.changes().get(0).path().text(), inBoth(e.problems().get(0)));
        }
        if (!reached(after, j.id(), aim)) return open(j, "plan.open.not_cleared", reason(judged(after, j.id()).finding()));
        return new Outcome(context.costed(step(j, a, after, true)), null);
    }

    Plan.Step step(Verdict.Judged j, Attempt a, Verdict after, boolean verified) {
        Finding now = judged(after, j.id()).finding();
        Verdict base = context.base();
        return new Plan.Step(j.id(), j.name(), j.type(), a.action(), a.changes(), j.finding().status().code(), now.status().code(),
                j.finding().points(), now.points(), j.finding().max(), base.score(), after.score(), Plan.State.of(after), a.effort(), verified);
    }

    static Outcome open(Verdict.Judged j, String key, Object... args) {
        return new Outcome(null, new Plan.Open(j.id(), j.name(), j.finding().status().code(), false, Plan.Phrase.of(key, args)));
    }

    /** No one-year change reaches the aim; {@code longTerm} would, beyond the caps. */
    static Outcome beyondCaps(Verdict.Judged j, Plan.Step oneYear, Plan.Step longTerm) {
        Plan.Open open = oneYear != null ? null : new Plan.Open(j.id(), j.name(), j.finding().status().code(), false,
                Plan.Phrase.of("plan.open.beyond_cap", new Plan.Field(longTerm.figure().path()), longTerm.figure().cap()));
        return new Outcome(oneYear, open, longTerm);
    }

    static boolean reached(Verdict v, String id, Aim aim) {
        Verdict.Judged j = judged(v, id);
        Status s = j.finding().status();
        return switch (aim) {
            case CLEAR -> s == Status.MET || s == Status.NOT_APPLICABLE && !"core".equals(j.type()) && !"index".equals(j.type());
            case BASIC -> s == Status.MET || s == Status.PARTLY_MET;
            case FULL -> j.finding().max() > 0 ? j.finding().points() >= j.finding().max() - 1e-6 : s == Status.MET;
        };
    }
}
