package org.verdant.plan;

import org.verdant.evaluation.InvalidSubmissionException;
import org.verdant.evaluation.UsageException;
import org.verdant.findings.Finding;
import org.verdant.findings.Status;
import org.verdant.plan.Trial.Aim;
import org.verdant.plan.Trial.Outcome;
import org.verdant.rulebook.RulebookException;
import org.verdant.text.Numbers;
import org.verdant.verdict.GreenIndex;
import org.verdant.verdict.Verdict;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.verdant.plan.PlanContext.EPS;
import static org.verdant.plan.PlanContext.judged;
import static org.verdant.plan.PlanContext.reason;

/**
 * Builds an improvement {@link Plan} for one submission: which criteria block it, which fall short,
 * in what order. Every change it proposes is applied to the submission and evaluated again (a
 * {@link Trial}), so the points a step claims are the points the rules give; only changes that need
 * data Verdant cannot invent (a list of catalogue technologies, say) are computed from the
 * scorecard instead, and say so. One criterion is planned by {@link CriterionPlanner}, a
 * {@code --target} answered by {@link TargetSearch}.
 */
public final class Planner {
    private final PlanContext context;
    private final CriterionPlanner criteria;

    private Planner(PlanContext context) {
        this.context = context;
        this.criteria = new CriterionPlanner(context);
    }

    /** The plan, and (when {@code target} is not null) the smallest set of changes that reaches it. */
    public static Plan plan(Scenario scenario, String target) throws UsageException, InvalidSubmissionException, RulebookException {
        Verdict base = scenario.baseline();
        return new Planner(new PlanContext(scenario, base)).build(target);
    }

    private Plan build(String target) throws UsageException, RulebookException {
        Verdict base = context.base();
        boolean scored = base.hasScore();
        if (target != null && !scored) {
            throw new PlanUsageException(null, "--target：" + base.scorecard().scheme() + " 的评价结论没有可达到的分数；计划列出使其核心指标和引导性指标达标的措施",
                    "--target: a " + base.scorecard().scheme() + " verdict has no score to reach; "
                    + "the plan lists what makes its core indicator and guidance indicators met");
        }
        TargetSearch search = target == null ? null : new TargetSearch(context, target);
        List<Plan.Step> blockers = new ArrayList<>();
        List<Plan.Step> longTerm = new ArrayList<>();
        List<Plan.Open> open = new ArrayList<>();
        Set<String> blockerIds = new LinkedHashSet<>();
        for (Verdict.Judged g : base.gates()) {
            Status s = g.finding().status();
            if ("encouraged".equals(g.type()) || s == Status.MET) continue;
            if (s == Status.NOT_APPLICABLE) {
                if ("core".equals(g.type())) open.add(new Plan.Open(g.id(), g.name(), s.code(), true, Plan.Phrase.of("plan.open.undetermined", reason(g.finding()))));
                continue;
            }
            blockerIds.add(g.id());
            collect(criteria.plan(g, Aim.CLEAR), blockers, longTerm, open, true);
        }
        for (Verdict.Judged c : base.criteria()) {
            Status s = c.finding().status();
            boolean mandatory = "mandatory".equals(c.type()) && s != Status.MET && s != Status.NOT_APPLICABLE;
            boolean belowBasic = "performance".equals(c.type()) && (s == Status.NOT_MET || s == Status.MISSING_DATA);
            boolean indexMissing = "index".equals(c.type()) && context.spec(c.id()).required() && s == Status.MISSING_DATA;
            if (!mandatory && !belowBasic && !indexMissing) continue;
            blockerIds.add(c.id());
            collect(criteria.plan(c, belowBasic ? Aim.BASIC : Aim.CLEAR), blockers, longTerm, open, true);
        }
        if (base.greenIndex() != null) indexYearsMissing(open);

        List<Plan.Step> changes = new ArrayList<>();
        for (Verdict.Judged c : base.criteria()) {
            Finding f = c.finding();
            boolean done = blockers.stream().anyMatch(b -> b.id().equals(c.id()) && b.pointsAfter() >= b.max() - EPS
                    && !"performance".equals(b.type()));
            if (done || f.status() == Status.NOT_APPLICABLE && !criteria.reportable(c)) continue;
            boolean shortOfMax = f.max() > 0 && f.points() < f.max() - EPS;
            boolean thresholdUnmet = "threshold".equals(c.type()) && f.status() != Status.MET;
            if (f.status() == Status.NOT_APPLICABLE) {
                Outcome o = criteria.report(c);
                if (o != null && o.step() != null && o.step().gain() != null && o.step().gain() > EPS) changes.add(o.step());
                continue;
            }
            if (!shortOfMax && !thresholdUnmet) continue;
            if (blockerIds.contains(c.id()) && (!"performance".equals(c.type()) || open.stream().anyMatch(o -> o.id().equals(c.id()))
                    || longTerm.stream().anyMatch(l -> l.id().equals(c.id())))) continue;
            collect(criteria.plan(c, Aim.FULL), changes, longTerm, open, false);
        }
        changes.sort(RANKING);
        longTerm.sort(RANKING);
        Plan.Target answer = search == null ? null : search.search(blockers, changes, open, longTerm);
        return new Plan(context.scenario().file(), base.scorecard().scheme(), base.scorecard().edition(), base.submission().facility().name(),
                scored, Plan.State.of(base), blockers, changes, longTerm, open, answer, warnings());
    }

    /** The caps this plan applied and the effort units it ranked by: project figures, each with its status. */
    private List<Plan.Phrase> warnings() {
        List<Plan.Phrase> out = new ArrayList<>();
        if (context.applied().isEmpty()) return out;
        List<Plan.Phrase> caps = context.applied().stream()
                .map(c -> Plan.Phrase.of("plan.warning.cap_item", c.key().equals(PlannerConfig.DEFAULT) ? Plan.Phrase.of("plan.cap.default")
                        : new Plan.Field(c.key()), c.shown(), c.status())).toList();
        out.add(Plan.Phrase.of("plan.warning.caps", new Plan.Phrases(caps), context.config().version()));
        PlannerConfig.Figure unit = context.config().effort().get("figure_full_cap");
        out.add(Plan.Phrase.of("plan.warning.effort", Numbers.format(context.config().effort("evidence")), Numbers.format(context.config().effort("data")),
                Numbers.format(unit.value()), Numbers.format(context.config().effort("figure_minimum")), unit.status()));
        return out;
    }

    /**
     * Most points per unit of effort first (a change's gain over its effort units, {@link PlanContext#costed});
     * equal: the larger gain, then the lesser kind of effort, then the criterion id.
     */
    static final Comparator<Plan.Step> RANKING = Comparator
            .comparingDouble((Plan.Step s) -> s.gainPerEffort() == null ? 0 : -round6(s.gainPerEffort()))
            .thenComparingDouble((Plan.Step s) -> s.gain() == null ? 0 : -round6(s.gain()))
            .thenComparing(Plan.Step::effort)
            .thenComparing(Plan.Step::id);

    /** Gains equal to six decimals rank as equal, so float noise does not reorder them. */
    static double round6(double d) {
        return Math.round(d * 1e6) / 1e6;
    }

    private static void collect(Outcome o, List<Plan.Step> steps, List<Plan.Step> longTerm, List<Plan.Open> open, boolean blocking) {
        if (o.longTerm() != null) longTerm.add(o.longTerm());
        if (o.step() != null) steps.add(o.step());
        // a change beyond the caps is listed once, as a long-term target, unless it is what clears a blocker
        else if (o.open() != null && (blocking || o.longTerm() == null)) open.add(blocking ? new Plan.Open(o.open().id(), o.open().name(), o.open().status(), true, o.open().why()) : o.open());
    }

    private void indexYearsMissing(List<Plan.Open> open) {
        GreenIndex index = context.base().greenIndex();
        for (GreenIndex.Year y : index.years()) {
            if (y.year() == index.last().year()) continue; // the reporting year's gaps are the criteria's own
            for (String id : y.mandatoryMissing()) {
                Verdict.Judged j = judged(context.base(), id);
                open.add(new Plan.Open(id, j.name(), Status.MISSING_DATA.code(), true, Plan.Phrase.of("plan.open.index_year_missing", y.year())));
            }
        }
    }

    /** Every assignment of the steps, in order: what {@code what-if} is given to replay them. */
    static List<Assignment> changesOf(List<Plan.Step> steps) {
        List<Assignment> all = new ArrayList<>();
        steps.forEach(s -> all.addAll(s.changes()));
        return all;
    }

    // The figure arithmetic lives in Figures; PlannerTest pins it through these names.

    static BigDecimal roundSafe(double x, boolean up, boolean integer) {
        return Figures.roundSafe(x, up, integer);
    }

    static String written(BigDecimal b, String original) {
        return Figures.written(b, original);
    }

    static BigDecimal bump(BigDecimal b, boolean up, boolean integer) {
        return Figures.bump(b, up, integer);
    }
}
