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
import java.math.MathContext;
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

    /** Indicators whose estimated steps say what data would raise them (plan.tip.* messages; plan.hint.none for the rest). */
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
        Levers.Lever lever = Levers.find(base.scorecard().scheme(), indicator, values.get("computation") instanceof String c ? c : null, context.mainProduct(),
                base.submission().reportingYear(), root);
        if (lever != null && "bool".equals(Levers.scalar(root, lever.path()).type())) {
            return trial.attempt(j, aim, new Attempt(List.of(Assignment.of(lever.path(), "true")),
                    Plan.Phrase.of("plan.do.set_true", new Plan.Field(lever.path())), Plan.Effort.FIGURE));
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
            if (rounded.signum() < 0) return open(j, "plan.open.negative", new Plan.Field(lever.path()));
            Attempt a = attempt(lever, scalar, q0, leverUnit, rounded, value, target, unit, level);
            Verdict after;
            try {
                after = context.scenario().evaluate(a.changes());
            } catch (InvalidSubmissionException e) {
                return open(j, "plan.open.infeasible", new Plan.Field(lever.path()), Trial.inBoth(e.problems().get(0)));
            }
            if (reached(after, j.id(), aim)) return capped(j, aim, lever, scalar, q0, leverUnit, integer, raise, rounded, a, after, level);
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
        return open(j, "plan.open.not_found", new Plan.Field(lever.path()));
    }

    /** The lever set to {@code to}: the --set in the file's own writing, the sentence with the field's label and Verdant's numbers. */
    private Attempt attempt(Levers.Lever lever, YamlNode.Scalar scalar, double q0, String leverUnit, BigDecimal to, double value,
                            double target, String unit, String level) {
        String text = Figures.written(to, scalar.text()) + (leverUnit.isEmpty() ? "" : " " + leverUnit);
        List<Assignment> changes = new java.util.ArrayList<>(List.of(Assignment.of(lever.path(), text)));
        changes.addAll(partsLowered(lever, leverUnit, to.doubleValue(), text));
        return new Attempt(changes, Plan.Phrase.of("plan.do.lever", new Plan.Field(lever.path()),
                new Plan.Amount(q0, leverUnit), new Plan.Amount(to.doubleValue(), leverUnit), new Plan.Amount(value, unit),
                new Plan.Amount(target, unit), Plan.Phrase.of("plan.level." + level)), Plan.Effort.FIGURE);
    }

    /** The parts within the lever's figure stated above its new value, set to it (in the same unit; others are left for the reader to refuse). */
    private List<Assignment> partsLowered(Levers.Lever lever, String leverUnit, double to, String text) {
        List<Assignment> out = new java.util.ArrayList<>();
        for (String part : Levers.partsWithin(lever.path())) {
            YamlNode.Scalar s = Levers.scalar(root, part);
            if (s == null) continue;
            Matcher m = Figures.NUMBER.matcher(s.text().strip());
            if (m.matches() && m.group(2).strip().equals(leverUnit) && Double.parseDouble(m.group(1)) > to) out.add(Assignment.of(part, text));
        }
        return out;
    }

    /**
     * The change that reaches the level, held against the lever's one-year cap: within it, the
     * step; beyond it, a long-term target, and as the one-year step the cap's worth of change
     * when that alone earns points.
     */
    private Outcome capped(Verdict.Judged j, Aim aim, Levers.Lever lever, YamlNode.Scalar scalar, double q0, String leverUnit, boolean integer,
                           boolean raise, BigDecimal to, Attempt a, Verdict after, String level) throws UsageException, RulebookException {
        PlannerConfig.Cap cap = context.config().cap(lever.path());
        context.applied().add(cap);
        Plan.Marginal marginal = marginal(j, lever, q0, leverUnit, integer, raise);
        Plan.Threshold next = next(j);
        Plan.Figure figure = figure(lever.path(), q0, to.doubleValue(), leverUnit, cap);
        Plan.Step full = trial.step(j, a, after, true).with(figure, false, 0, marginal, next);
        if (figure.share() <= 1 + 1e-9) return new Outcome(context.costed(full), null);
        Plan.Step longTerm = context.costed(full.with(figure, true, 0, marginal, next));
        Plan.Step oneYear = null;
        if (aim == Aim.FULL) {
            BigDecimal limit = Figures.roundSafe(cap.limit(q0, raise), !raise, integer); // rounded back towards today's figure: within the cap
            Finding f = j.finding();
            Double value = number(f.values().get("value"));
            String unit = f.values().get("unit") == null ? "" : (String) f.values().get("unit");
            Double target = number(f.values().get(level(j, aim)));
            if (value != null && target != null && limit.doubleValue() != q0) {
                Attempt partial = attempt(lever, scalar, q0, leverUnit, limit, value, target, unit, level);
                Verdict v = context.evaluateQuietly(partial.changes());
                Finding now = v == null ? null : judged(v, j.id()).finding();
                boolean earns = now != null && now.points() > f.points() + EPS && (v.score() == null || v.score() > context.base().score() + EPS);
                if (earns) {
                    Double reachedValue = number(now.values().get("value"));
                    Attempt worded = new Attempt(partial.changes(), Plan.Phrase.of("plan.do.lever_capped", new Plan.Field(lever.path()),
                            new Plan.Amount(q0, leverUnit), new Plan.Amount(limit.doubleValue(), leverUnit), cap.shown(),
                            new Plan.Amount(value, unit), new Plan.Amount(reachedValue == null ? value : reachedValue, unit),
                            new Plan.Amount(target, unit), Plan.Phrase.of("plan.level." + level)), Plan.Effort.FIGURE);
                    Plan.Figure used = figure(lever.path(), q0, limit.doubleValue(), leverUnit, cap);
                    oneYear = context.costed(trial.step(j, worded, v, true).with(used, false, 0, marginal, next));
                }
            }
        }
        return Trial.beyondCaps(j, oneYear, longTerm);
    }

    private static Plan.Figure figure(String path, double from, double to, String unit, PlannerConfig.Cap cap) {
        return new Plan.Figure(path, from, to, unit, cap.key(), cap.shown(), cap.status(), cap.share(from, to));
    }

    /**
     * What 1 % more (or less) of the lever adds to the total, re-evaluated; null when it adds
     * nothing or crosses a level (a tier's step is not a rate), for a count, or without a score.
     */
    private Plan.Marginal marginal(Verdict.Judged j, Levers.Lever lever, double q0, String leverUnit, boolean integer, boolean raise)
            throws UsageException, RulebookException {
        Verdict base = context.base();
        if (!base.hasScore() || base.score() == null || integer || q0 == 0) return null;
        BigDecimal moved = new BigDecimal(q0 * (raise ? 1.01 : 0.99)).round(new MathContext(10)).stripTrailingZeros();
        String text = moved.toPlainString() + (leverUnit.isEmpty() ? "" : " " + leverUnit);
        Verdict v = context.evaluateQuietly(List.of(Assignment.of(lever.path(), text)));
        if (v == null || v.score() == null) return null;
        Finding before = j.finding();
        Finding after = judged(v, j.id()).finding();
        double gain = v.score() - base.score();
        Double from = number(before.values().get("value"));
        Double to = number(after.values().get("value"));
        if (gain <= EPS || after.status() != before.status() || from == null || to == null) return null;
        String unit = before.values().get("unit") == null ? "" : (String) before.values().get("unit");
        return new Plan.Marginal(lever.path(), raise, gain, from, to, unit);
    }

    /**
     * The nearest level beyond the value in the better direction (a tier, B where points start,
     * L where they are full, a threshold); null when the value is past them all.
     */
    Plan.Threshold next(Verdict.Judged j) {
        Map<String, Object> values = j.finding().values();
        Double value = number(values.get("value"));
        if (value == null) return null;
        boolean higher = context.higherIsBetter(j);
        String unit = values.get("unit") == null ? "" : (String) values.get("unit");
        Plan.Threshold best = null;
        for (String key : List.of("basic", "baseline", "advanced", "leading", "threshold")) {
            Double at = number(values.get(key));
            if (at == null || (higher ? at <= value + EPS : at >= value - EPS)) continue;
            double distance = Math.abs(at - value);
            if (best != null && best.distance() <= distance) continue;
            best = new Plan.Threshold(key, at, value, unit, distance, value == 0 ? null : distance / Math.abs(value) * 100);
        }
        return best;
    }

    /**
     * Products each brought to their level (GB/T 36132-2025 E1 per product, zero-carbon Z2), each
     * product's figure held against its one-year cap: if one needs more, the whole change is a
     * long-term target and the one-year step moves each product by at most its cap.
     */
    private Outcome parts(Verdict.Judged j, Aim aim, List<?> parts) throws UsageException, RulebookException {
        String level = j.finding().values().containsKey("threshold") || ((Map<?, ?>) parts.get(0)).containsKey("threshold") ? "threshold" : "leading";
        List<Assignment> changes = new ArrayList<>();
        List<Assignment> cappedChanges = new ArrayList<>();
        List<Plan.Phrase> shown = new ArrayList<>();
        List<Plan.Phrase> cappedShown = new ArrayList<>();
        Plan.Figure widest = null;
        Plan.Figure widestCapped = null;
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
            double q0 = Double.parseDouble(m.group(1));
            BigDecimal q = Figures.roundSafe(q0 * target / value, false, false);
            PlannerConfig.Cap cap = context.config().cap(at);
            context.applied().add(cap);
            Plan.Figure figure = figure(at, q0, q.doubleValue(), unit, cap);
            if (widest == null || figure.share() > widest.share()) widest = figure;
            String product = String.valueOf(p.get("product"));
            changes.add(Assignment.of(at, Figures.written(q, s.text()) + (unit.isEmpty() ? "" : " " + unit)));
            shown.add(Plan.Phrase.of("plan.do.part", product, new Plan.Field(at), new Plan.Amount(q0, unit), new Plan.Amount(q.doubleValue(), unit)));
            BigDecimal c = figure.share() <= 1 + 1e-9 ? q : Figures.roundSafe(cap.limit(q0, false), true, false);
            Plan.Figure used = figure(at, q0, c.doubleValue(), unit, cap);
            if (widestCapped == null || used.share() > widestCapped.share()) widestCapped = used;
            cappedChanges.add(Assignment.of(at, Figures.written(c, s.text()) + (unit.isEmpty() ? "" : " " + unit)));
            cappedShown.add(Plan.Phrase.of("plan.do.part", product, new Plan.Field(at), new Plan.Amount(q0, unit), new Plan.Amount(c.doubleValue(), unit)));
        }
        if (changes.isEmpty()) return open(j, "plan.open.not_found", j.id());
        Attempt a = new Attempt(changes, Plan.Phrase.of("plan.do.parts", Plan.Phrase.of("plan.level." + level), new Plan.Phrases(shown)),
                Plan.Effort.FIGURE);
        Outcome full = trial.attempt(j, aim, a);
        if (full.step() == null) return full;
        Plan.Step step = full.step().with(widest, false, 0, null, null);
        if (widest.share() <= 1 + 1e-9) return new Outcome(context.costed(step), null);
        Plan.Step longTerm = context.costed(step.with(widest, true, 0, null, null));
        Plan.Step oneYear = null;
        Verdict v = aim == Aim.FULL ? context.evaluateQuietly(cappedChanges) : null;
        if (v != null && judged(v, j.id()).finding().points() > j.finding().points() + EPS
                && (v.score() == null || v.score() > context.base().score() + EPS)) {
            Attempt partial = new Attempt(cappedChanges, Plan.Phrase.of("plan.do.parts_capped", new Plan.Phrases(cappedShown),
                    Plan.Phrase.of("plan.level." + level)), Plan.Effort.FIGURE);
            oneYear = context.costed(trial.step(j, partial, v, true).with(widestCapped, false, 0, null, null));
        }
        return Trial.beyondCaps(j, oneYear, longTerm);
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
        String hintKey = HINTS.contains(indicator) ? "plan.tip." + indicator : "plan.hint.none";
        Plan.Step step = new Plan.Step(j.id(), j.name(), j.type(),
                Plan.Phrase.of("plan.do.raise", shown(value, unit), shown(target, unit), Plan.Phrase.of("plan.level." + level), Plan.Phrase.of(hintKey)),
                List.of(), f.status().code(), (basic ? Status.PARTLY_MET : Status.MET).code(), f.points(), pointsAfter, f.max(),
                base.score(), base.score() + gain,
                null, Plan.Effort.DATA, false);
        return new Outcome(context.costed(step.with(null, false, 0, null, next(j))), null);
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
