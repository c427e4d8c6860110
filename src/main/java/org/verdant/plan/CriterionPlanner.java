package org.verdant.plan;

import org.verdant.evaluation.UsageException;
import org.verdant.findings.Finding;
import org.verdant.findings.Status;
import org.verdant.plan.Trial.Aim;
import org.verdant.plan.Trial.Attempt;
import org.verdant.plan.Trial.Outcome;
import org.verdant.rulebook.RulebookException;
import org.verdant.rulebook.Scorecard;
import org.verdant.text.Numbers;
import org.verdant.verdict.Verdict;
import org.verdant.yaml.YamlNode;

import java.util.List;

import static org.verdant.plan.PlanContext.number;
import static org.verdant.plan.PlanContext.reason;
import static org.verdant.plan.Trial.open;

/**
 * One criterion planned: picks the candidate change its scorecard's {@code decided_by} allows
 * (evidence, a figure, a park's staffing or audits, an unreported indicator) and tries it.
 */
final class CriterionPlanner {
    private final PlanContext context;
    private final Trial trial;
    private final EvidenceChanges evidence;
    private final IndicatorPlanner indicators;

    CriterionPlanner(PlanContext context) {
        this.context = context;
        this.trial = new Trial(context);
        this.evidence = new EvidenceChanges(context);
        this.indicators = new IndicatorPlanner(context, trial);
    }

    Outcome plan(Verdict.Judged j, Aim aim) throws UsageException, RulebookException {
        String decidedBy = context.decidedBy(j);
        Finding f = j.finding();
        return switch (decidedBy) {
            case "claim" -> trial.attempt(j, aim, evidence.claim(j.id()));
            case "claim_and_accidents", "claim_and_carbon_trend" -> {
                Outcome o = trial.attempt(j, aim, evidence.claim(j.id()));
                yield o.step() != null ? o : open(j, f.status() == Status.MISSING_DATA ? "plan.open.data" : "plan.open.fact", reason(f));
            }
            case "management_system" -> trial.attempt(j, aim, evidence.system(context.spec(j.id())));
            case "management_systems" -> trial.attempt(j, aim, evidence.allSystems());
            case "csr_reports" -> trial.attempt(j, aim, evidence.csr(f.values().get("missing_years")));
            case "accidents" -> f.status() == Status.MISSING_DATA && evidence.accidentStatement() != null
                    ? trial.attempt(j, aim, evidence.accidentStatement())
                    : open(j, f.status() == Status.MISSING_DATA ? "plan.open.data" : "plan.open.fact", reason(f));
            case "audit_list" -> audits(j, aim);
            case "green_body" -> greenBody(j, aim);
            case "indicator", "stated" -> indicators.indicator(j, aim);
            default -> open(j, f.status() == Status.MISSING_DATA ? "plan.open.data" : "plan.open.fact", reason(f));
        };
    }

    /** G4 (parks): every key enterprise on the audit list audited. */
    private Outcome audits(Verdict.Judged j, Aim aim) throws UsageException, RulebookException {
        YamlNode root = context.root();
        YamlNode.Scalar listed = Levers.scalar(root, "park.key_enterprise_audits.listed");
        YamlNode.Scalar completed = Levers.scalar(root, "park.key_enterprise_audits.completed");
        if (listed == null || completed == null || j.finding().status() != Status.NOT_MET) return open(j, "plan.open.data", reason(j.finding()));
        String path = "park.key_enterprise_audits.completed";
        return trial.attempt(j, aim, new Attempt(List.of(Assignment.of(path, listed.text())),
                Plan.Phrase.of("plan.do.set_field", new Plan.Field(path), completed.text(), listed.text()), Plan.Effort.FIGURE));
    }

    /** G6 (parks): the green-development body staffed to the scorecard's minimum. */
    private Outcome greenBody(Verdict.Judged j, Aim aim) throws UsageException, RulebookException {
        YamlNode.Scalar staff = Levers.scalar(context.root(), "park.green_body.full_time_staff");
        var minimum = context.base().scorecard().parameters().get("green_body_minimum_staff");
        if (staff == null || minimum == null || j.finding().status() != Status.NOT_MET) return open(j, "plan.open.data", reason(j.finding()));
        String path = "park.green_body.full_time_staff";
        String value = Numbers.round(minimum.number(), 0).toPlainString();
        return trial.attempt(j, aim, new Attempt(List.of(Assignment.of(path, value)), Plan.Phrase.of("plan.do.set_field", new Plan.Field(path), staff.text(), value),
                Plan.Effort.FIGURE));
    }

    /** A park's optional indicator it does not report, reported at its leading value (stated indicators only). */
    boolean reportable(Verdict.Judged c) {
        return "index".equals(c.type()) && "stated".equals(context.spec(c.id()).decidedBy()) && !context.spec(c.id()).required();
    }

    Outcome report(Verdict.Judged c) throws UsageException, RulebookException {
        if (!reportable(c)) return null;
        Scorecard.CriterionSpec spec = context.spec(c.id());
        int reportingYear = context.base().submission().reportingYear();
        String year = "park.years[" + reportingYear + "]";
        if (context.node(year) == null) return null;
        String value;
        if ("yes_no".equals(spec.direction())) {
            value = "true";
        } else {
            Double leading = number(c.finding().values().get("leading"));
            if (leading == null) return null;
            value = Numbers.round(leading, 4).toPlainString() + (spec.unit() == null || spec.unit().isEmpty() ? "" : " " + spec.unit());
        }
        String path = year + ".indicators." + c.id();
        return trial.attempt(c, Aim.FULL, new Attempt(List.of(Assignment.of(path, value)),
                Plan.Phrase.of("plan.do.report", c.id(), reportingYear, value), Plan.Effort.DATA));
    }
}
