package org.verdant.plan;

import org.verdant.evaluation.InvalidSubmissionException;
import org.verdant.evaluation.UsageException;
import org.verdant.findings.Finding;
import org.verdant.findings.Status;
import org.verdant.plan.Trial.Aim;
import org.verdant.plan.Trial.Attempt;
import org.verdant.plan.Trial.Outcome;
import org.verdant.rulebook.RulebookException;
import org.verdant.rulebook.Scorecard;
import org.verdant.verdict.Verdict;
import org.verdant.yaml.YamlNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

import static org.verdant.plan.PlanContext.EPS;
import static org.verdant.plan.PlanContext.judged;
import static org.verdant.plan.PlanContext.number;
import static org.verdant.plan.PlanContext.reason;
import static org.verdant.plan.PlanContext.shown;
import static org.verdant.plan.Trial.open;
import static org.verdant.plan.Trial.reached;

/**
 * The quantitative candidates: the submission figure that brings an indicator to its level, searched
 * for by re-evaluating, or (when no single figure moves it) the points it would add, from the scorecard.
 */
final class IndicatorPlanner {
    /** Secant steps allowed to find the figure that reaches a level. */
    private static final int SOLVE_STEPS = 10;

    /** Indicators whose estimated steps say what data would raise them (plan.hint.* messages). */
    private static final Set<String> HINTS = Set.of("energy_per_unit", "renewable_share", "energy_carbon_functions", "catalogue_technologies",
            "retrofit_projects_per_year", "pollutant_margin");

    private final PlanContext context;
    private final Trial trial;
    private final YamlNode root;

    IndicatorPlanner(PlanContext context, Trial trial) {
        this.context = context;
        this.trial = trial;
        this.root = context.root();
    }

    Outcome indicator(Verdict.Judged j, Aim aim) throws UsageException, RulebookException {
        Finding f = j.finding();
        Map<String, Object> values = f.values();
        if (f.status() == Status.MISSING_DATA) return open(j, "plan.open.data", reason(f));
        if (values.get("parts") instanceof List<?> parts) return parts(j, aim, parts);
        String level = level(j, aim);
        Double target = number(values.get(level));
        String indicator = context.indicatorName(j);
        Verdict base = context.base();
        Levers.Lever lever = Levers.find(base.scorecard().scheme(), indicator, (String) values.get("computation"), context.mainProduct(),
                base.submission().reportingYear(), root);
        if (lever != null && "bool".equals(Levers.scalar(root, lever.path()).type())) {
            return trial.attempt(j, aim, new Attempt(List.of(Assignment.of(lever.path(), "true")),
                    Plan.Phrase.of("plan.do.set", lever.path(), Levers.scalar(root, lever.path()).text(), "true"), Plan.Effort.FIGURE));
        }
        Double value = number(values.get("value"));
        if (target == null || value == null) return open(j, "plan.open.data", reason(f));
        String unit = values.get("unit") == null ? "" : (String) values.get("unit");
        if (lever == null) return estimated(j, aim, value, target, unit, level);
        return solve(j, aim, lever, value, target, context.higherIsBetter(j), unit, level);
    }

    /** Which reference the aim is at: the basic or advanced tier (2018), the leading value, or a threshold. */
    private static String level(Verdict.Judged j, Aim aim) {
        Map<String, Object> v = j.finding().values();
        if ("performance".equals(j.type())) return aim == Aim.BASIC ? "basic" : "advanced";
        if (v.containsKey("threshold")) return "threshold";
        return "leading";
    }

    private Outcome solve(Verdict.Judged j, Aim aim, Levers.Lever lever, double value, double target, boolean higherBetter, String unit,
                          String level) throws UsageException, RulebookException {
        YamlNode.Scalar scalar = Levers.scalar(root, lever.path());
        Matcher m = Figures.NUMBER.matcher(scalar.text().strip());
        if (!m.matches()) return open(j, "plan.open.data", reason(j.finding()));
        double q0 = Double.parseDouble(m.group(1));
        String leverUnit = m.group(2).strip();
        boolean integer = "int".equals(scalar.type());
        boolean raise = lever.rises() == higherBetter;
        double q = Figures.firstGuess(q0, value, target, lever.rises(), raise);
        double prevQ = q0;
        double prevV = value;
        BigDecimal last = null;
        for (int k = 0; k < SOLVE_STEPS; k++) {
            BigDecimal rounded = Figures.roundSafe(q, raise, integer);
            if (last != null && rounded.compareTo(last) == 0) rounded = Figures.bump(rounded, raise, integer);
            if (rounded.signum() < 0) return open(j, "plan.open.negative", lever.path());
            String text = Figures.written(rounded, scalar.text()) + (leverUnit.isEmpty() ? "" : " " + leverUnit);
            Attempt a = new Attempt(List.of(Assignment.of(lever.path(), text)), Plan.Phrase.of("plan.do.figure", lever.path(), scalar.text(), text,
                    shown(value, unit), shown(target, unit), Plan.Phrase.of("plan.level." + level)), Plan.Effort.FIGURE);
            Verdict after;
            try {
                after = context.scenario().evaluate(a.changes());
            } catch (InvalidSubmissionException e) {
                return open(j, "plan.open.infeasible", lever.path(), e.problems().get(0).message());
            }
            if (reached(after, j.id(), aim)) return new Outcome(trial.step(j, a, after, true), null);
            Double v = number(judged(after, j.id()).finding().values().get("value"));
            if (v == null) return open(j, "plan.open.not_cleared", reason(judged(after, j.id()).finding()));
            double qd = rounded.doubleValue();
            double next = Math.abs(v - prevV) > 1e-12 ? qd + (target - v) * (qd - prevQ) / (v - prevV) : Double.NaN;
            boolean forward = raise ? next > qd : next < qd;
            if (!Double.isFinite(next) || !forward) next = raise ? qd + Math.max(Math.abs(qd) * 0.05, 1) : qd - Math.abs(qd) * 0.05;
            prevQ = qd;
            prevV = v;
            last = rounded;
            q = next;
        }
        return open(j, "plan.open.not_found", lever.path());
    }

    /** Products each brought to their level (GB/T 36132-2025 E1 per product, zero-carbon Z2). */
    private Outcome parts(Verdict.Judged j, Aim aim, List<?> parts) throws UsageException, RulebookException {
        String level = j.finding().values().containsKey("threshold") || ((Map<?, ?>) parts.get(0)).containsKey("threshold") ? "threshold" : "leading";
        List<Assignment> changes = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (Object o : parts) {
            Map<?, ?> p = (Map<?, ?>) o;
            Double value = number(p.get("value"));
            Double target = number(p.get(level));
            if (value == null || target == null) return open(j, "plan.open.data", reason(j.finding()));
            if (value <= target + EPS) continue; // energy per unit: lower is better
            String path = (String) p.get("path");
            String at = Levers.scalar(root, path + ".energy_per_unit") != null ? path + ".energy_per_unit" : path + ".energy";
            YamlNode.Scalar s = Levers.scalar(root, at);
            Matcher m = s == null ? null : Figures.NUMBER.matcher(s.text().strip());
            if (m == null || !m.matches()) return open(j, "plan.open.data", reason(j.finding()));
            String unit = m.group(2).strip();
            BigDecimal q = Figures.roundSafe(Double.parseDouble(m.group(1)) * target / value, false, false);
            String text = Figures.written(q, s.text()) + (unit.isEmpty() ? "" : " " + unit);
            changes.add(Assignment.of(at, text));
            shown.add(at + ": " + s.text() + " → " + text);
        }
        if (changes.isEmpty()) return open(j, "plan.open.not_found", "parts");
        Attempt a = new Attempt(changes, Plan.Phrase.of("plan.do.parts", Plan.Phrase.of("plan.level." + level), String.join("; ", shown)), Plan.Effort.FIGURE);
        return trial.attempt(j, aim, a);
    }

    /** No single figure moves the indicator: the points it would add are computed from the scorecard, not re-evaluated. */
    private Outcome estimated(Verdict.Judged j, Aim aim, double value, double target, String unit, String level) {
        Finding f = j.finding();
        Verdict base = context.base();
        boolean basic = aim == Aim.BASIC && "performance".equals(j.type());
        double pointsAfter = basic ? context.spec(j.id()).basic().points().number() : aim == Aim.FULL ? f.max() : f.points();
        Double gain = totalGain(j, pointsAfter - f.points());
        if (gain == null) return open(j, "plan.open.no_lever", shown(value, unit), shown(target, unit));
        String indicator = context.indicatorName(j);
        String hintKey = HINTS.contains(indicator) ? "plan.hint." + indicator : "plan.hint.none";
        Plan.Step step = new Plan.Step(j.id(), j.name(), j.type(),
                Plan.Phrase.of("plan.do.raise", shown(value, unit), shown(target, unit), Plan.Phrase.of("plan.level." + level), Plan.Phrase.of(hintKey)),
                List.of(), f.status().code(), (basic ? Status.PARTLY_MET : Status.MET).code(), f.points(), pointsAfter, f.max(),
                base.score(), base.score() + gain,
                null, Plan.Effort.DATA, false);
        return new Outcome(step, null);
    }

    /** What a criterion's extra points add to the total under the scorecard's arithmetic. */
    private Double totalGain(Verdict.Judged j, double points) {
        Verdict base = context.base();
        String scoring = base.scorecard().scoring();
        if (Scorecard.SUM_OF_POINTS.equals(scoring)) return points;
        if (Scorecard.INDICATOR_TABLE.equals(scoring)) return Scorecard.BONUS.equals(j.category()) ? null : points; // a bonus is capped
        if (!Scorecard.CATEGORY_PERCENT.equals(scoring)) return null;
        for (Verdict.CategoryResult c : base.categories()) {
            if (c.spec().id().equals(j.category()) && c.max() > 0) return c.spec().weight().number() * points / c.max();
        }
        return null;
    }
}
