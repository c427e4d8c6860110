package org.verdant.plan;

import org.verdant.text.Numbers;
import org.verdant.text.Messages;
import org.verdant.verdict.Verdict;

import java.util.ArrayList;
import java.util.List;

/**
 * The report's improvement section from the improvement planner: blockers with what clears them,
 * the changes ranked by the points each adds to the total (each checked by re-evaluating), and
 * what cannot be planned and why, in the same words as {@code ./verdant improve}.
 */
public final class PlanAdvisor implements ImprovementAdvisor {
    private final Plan plan;

    public PlanAdvisor(Plan plan) {
        this.plan = plan;
    }

    @Override
    public List<Improvement> advise(Verdict v, Messages m) {
        List<Improvement> out = new ArrayList<>();
        for (Plan.Step s : plan.blockers()) out.add(step(s, true, v, m));
        for (Plan.Open o : plan.open()) {
            if (o.blocking()) out.add(open(o, m));
        }
        for (Plan.Step s : plan.changes()) out.add(step(s, false, v, m));
        for (Plan.Step s : plan.longTerm()) out.add(step(s, false, v, m));
        for (Plan.Open o : plan.open()) {
            if (!o.blocking()) out.add(open(o, m));
        }
        return out;
    }

    private static Improvement step(Plan.Step s, boolean blocking, Verdict v, Messages m) {
        double lost = s.max() - s.pointsBefore();
        Double gain = s.gain();
        return new Improvement(s.id(), s.name().in(m.lang()), category(v, s.id(), m), blocking, s.statusBefore(),
                m.get("status." + s.statusBefore()), scored(v) ? m.get("doc.improve.lost", Numbers.rounded(lost, 2), Numbers.rounded(s.max(), 2)) : null,
                gain == null ? null : Numbers.rounded(gain, 2), action(s, m));
    }

    /** The step's action; a long-term target says so, and a figure how it stands against its one-year cap. */
    private static String action(Plan.Step s, Messages m) {
        String action = PlanReport.phrase(s.action(), m);
        if (s.figure() != null) action += " " + PlanReport.phrase(PlanReport.capPhrase(s), m);
        if (s.next() != null) action += " " + PlanReport.phrase(PlanReport.nextPhrase(s.next()), m);
        if (s.longTerm()) action = m.get("plan.advisor.long_term", action);
        return action + (s.verified() ? "" : " (" + m.get("plan.not_verified") + ")");
    }

    private static Improvement open(Plan.Open o, Messages m) {
        return new Improvement(o.id(), o.name().in(m.lang()), "", o.blocking(), o.status(), m.get("status." + o.status()),
                null, null, PlanReport.phrase(o.why(), m));
    }

    private static boolean scored(Verdict v) {
        return v.hasScore();
    }

    private static String category(Verdict v, String id, Messages m) {
        return v.criteria().stream().filter(j -> j.id().equals(id)).findFirst()
                .flatMap(j -> v.categories().stream().filter(c -> c.spec().id().equals(j.category())).findFirst())
                .map(c -> c.spec().id() + " " + c.spec().name().in(m.lang()))
                .orElse(m.get("type.gate"));
    }
}
