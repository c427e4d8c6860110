package org.verdant.plan;

import org.verdant.text.Numbers;
import org.verdant.evaluation.InvalidSubmissionException;
import org.verdant.evaluation.UsageException;
import org.verdant.findings.Finding;
import org.verdant.findings.Status;
import org.verdant.rulebook.GradingTable;
import org.verdant.rulebook.RulebookException;
import org.verdant.rulebook.Scorecard;
import org.verdant.verdict.GreenIndex;
import org.verdant.verdict.Verdict;
import org.verdant.yaml.YamlNode;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds an improvement {@link Plan} for one submission. Every change it proposes is applied to
 * the submission and evaluated again (a {@link Scenario}), so the points a step claims are the
 * points the rules give; only changes that need data Verdant cannot invent (a list of
 * catalogue technologies, say) are computed from the scorecard instead, and say so.
 */
public final class Planner {
    /** What a step aims at: clearing a gate or mandatory requirement, a performance indicator's basic tier, or full points. */
    enum Aim { CLEAR, BASIC, FULL }

    private static final Pattern NUMBER = Pattern.compile("([-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*(.*)");
    private static final double EPS = 1e-9;
    /** Secant steps allowed to find the figure that reaches a level. */
    private static final int SOLVE_STEPS = 10;

    /** Indicators whose estimated steps say what data would raise them (plan.hint.* messages). */
    private static final Set<String> HINTS = Set.of("energy_per_unit", "renewable_share", "energy_carbon_functions", "catalogue_technologies",
            "retrofit_projects_per_year", "pollutant_margin");

    private final Scenario scenario;
    private final Verdict base;
    private final YamlNode root;

    private Planner(Scenario scenario, Verdict base) {
        this.scenario = scenario;
        this.base = base;
        this.root = scenario.root();
    }

    /** One criterion planned: a step that reaches the aim, or why there is none. */
    private record Outcome(Plan.Step step, Plan.Open open) {
    }

    private record Attempt(List<Assignment> changes, Plan.Phrase action, Plan.Effort effort) {
    }

    /** The plan, and (when {@code target} is not null) the smallest set of changes that reaches it. */
    public static Plan plan(Scenario scenario, String target) throws UsageException, InvalidSubmissionException, RulebookException {
        Verdict base = scenario.baseline();
        return new Planner(scenario, base).build(target);
    }

    private Plan build(String target) throws UsageException, RulebookException {
        boolean scored = base.hasScore();
        if (target != null && !scored) {
            throw new UsageException("--target: a " + base.scorecard().scheme() + " verdict has no score to reach; "
                    + "the plan lists what makes its core indicator and guidance indicators met");
        }
        GradingTable table = target == null ? null : targetTable(target);
        List<Plan.Step> blockers = new ArrayList<>();
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
            collect(plan(g, Aim.CLEAR), blockers, open, true);
        }
        for (Verdict.Judged c : base.criteria()) {
            Status s = c.finding().status();
            boolean mandatory = "mandatory".equals(c.type()) && s != Status.MET && s != Status.NOT_APPLICABLE;
            boolean belowBasic = "performance".equals(c.type()) && (s == Status.NOT_MET || s == Status.MISSING_DATA);
            boolean indexMissing = "index".equals(c.type()) && spec(c.id()).required() && s == Status.MISSING_DATA;
            if (!mandatory && !belowBasic && !indexMissing) continue;
            blockerIds.add(c.id());
            collect(plan(c, belowBasic ? Aim.BASIC : Aim.CLEAR), blockers, open, true);
        }
        if (base.greenIndex() != null) indexYearsMissing(open);

        List<Plan.Step> changes = new ArrayList<>();
        for (Verdict.Judged c : base.criteria()) {
            Finding f = c.finding();
            boolean done = blockers.stream().anyMatch(b -> b.id().equals(c.id()) && b.pointsAfter() >= b.max() - EPS
                    && !"performance".equals(b.type()));
            if (done || f.status() == Status.NOT_APPLICABLE && !reportable(c)) continue;
            boolean shortOfMax = f.max() > 0 && f.points() < f.max() - EPS;
            boolean thresholdUnmet = "threshold".equals(c.type()) && f.status() != Status.MET;
            if (f.status() == Status.NOT_APPLICABLE) {
                Outcome o = report(c);
                if (o != null && o.step() != null && o.step().gain() != null && o.step().gain() > EPS) changes.add(o.step());
                continue;
            }
            if (!shortOfMax && !thresholdUnmet) continue;
            if (blockerIds.contains(c.id()) && (!"performance".equals(c.type()) || open.stream().anyMatch(o -> o.id().equals(c.id())))) continue;
            collect(plan(c, Aim.FULL), changes, open, false);
        }
        changes.sort(RANKING);
        Plan.Target answer = target == null ? null : target(target, table, blockers, changes, open);
        return new Plan(scenario.file(), base.scorecard().scheme(), base.scorecard().edition(), base.submission().facility().name(),
                scored, Plan.State.of(base), blockers, changes, open, answer);
    }

    /** Largest gain first; equal gains: the lesser effort, then the criterion id. */
    static final Comparator<Plan.Step> RANKING = Comparator
            .comparingDouble((Plan.Step s) -> s.gain() == null ? 0 : -round6(s.gain()))
            .thenComparing(Plan.Step::effort)
            .thenComparing(Plan.Step::id);

    private static double round6(double d) {
        return Math.round(d * 1e6) / 1e6;
    }

    private static void collect(Outcome o, List<Plan.Step> steps, List<Plan.Open> open, boolean blocking) {
        if (o.step() != null) steps.add(o.step());
        else if (o.open() != null) open.add(blocking ? new Plan.Open(o.open().id(), o.open().name(), o.open().status(), true, o.open().why()) : o.open());
    }

    private void indexYearsMissing(List<Plan.Open> open) {
        for (GreenIndex.Year y : base.greenIndex().years()) {
            if (y.year() == base.greenIndex().last().year()) continue; // the reporting year's gaps are the criteria's own
            for (String id : y.mandatoryMissing()) {
                Verdict.Judged j = judged(base, id);
                open.add(new Plan.Open(id, j.name(), Status.MISSING_DATA.code(), true, Plan.Phrase.of("plan.open.index_year_missing", y.year())));
            }
        }
    }

    // ---- one criterion ----

    private Outcome plan(Verdict.Judged j, Aim aim) throws UsageException, RulebookException {
        String decidedBy = decidedBy(j);
        Finding f = j.finding();
        return switch (decidedBy) {
            case "claim" -> attempt(j, aim, claim(j.id()));
            case "claim_and_accidents", "claim_and_carbon_trend" -> {
                Outcome o = attempt(j, aim, claim(j.id()));
                yield o.step() != null ? o : open(j, f.status() == Status.MISSING_DATA ? "plan.open.data" : "plan.open.fact", reason(f));
            }
            case "management_system" -> attempt(j, aim, system(spec(j.id())));
            case "management_systems" -> attempt(j, aim, allSystems());
            case "csr_reports" -> attempt(j, aim, csr());
            case "accidents" -> f.status() == Status.MISSING_DATA && accidentStatement() != null
                    ? attempt(j, aim, accidentStatement()) : open(j, f.status() == Status.MISSING_DATA ? "plan.open.data" : "plan.open.fact", reason(f));
            case "audit_list" -> audits(j, aim);
            case "green_body" -> greenBody(j, aim);
            case "indicator", "stated" -> indicator(j, aim);
            default -> open(j, f.status() == Status.MISSING_DATA ? "plan.open.data" : "plan.open.fact", reason(f));
        };
    }

    private Outcome attempt(Verdict.Judged j, Aim aim, Attempt a) throws UsageException, RulebookException {
        if (a == null) return open(j, "plan.open.data", reason(j.finding()));
        Verdict after;
        try {
            after = scenario.evaluate(a.changes());
        } catch (InvalidSubmissionException e) {
            return open(j, "plan.open.infeasible", a.changes().get(0).path().text(), e.problems().get(0).message());
        }
        if (!reached(after, j.id(), aim)) return open(j, "plan.open.not_cleared", reason(judged(after, j.id()).finding()));
        return new Outcome(step(j, a, after, true), null);
    }

    private Plan.Step step(Verdict.Judged j, Attempt a, Verdict after, boolean verified) {
        Finding now = judged(after, j.id()).finding();
        return new Plan.Step(j.id(), j.name(), j.type(), a.action(), a.changes(), j.finding().status().code(), now.status().code(),
                j.finding().points(), now.points(), j.finding().max(), base.score(), after.score(), Plan.State.of(after), a.effort(), verified);
    }

    private Outcome open(Verdict.Judged j, String key, Object... args) {
        return new Outcome(null, new Plan.Open(j.id(), j.name(), j.finding().status().code(), false, Plan.Phrase.of(key, args)));
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

    // ---- qualitative changes ----

    private static String evidence(String what) {
        return "[\"evidence for " + what + "\"]";
    }

    /** met: true with evidence (keeping what the claim already cites); a graded item assessed as fully met. */
    private Attempt claim(String id) {
        String at = "claims." + id;
        YamlNode node = node(at);
        if (!(node instanceof YamlNode.Mapping m)) {
            return new Attempt(List.of(Assignment.of(at, "{met: true, evidence: " + evidence(id) + "}")), Plan.Phrase.of("plan.do.claim", id),
                    Plan.Effort.EVIDENCE);
        }
        List<Assignment> changes = new ArrayList<>();
        changes.add(Assignment.of(at + ".met", "true"));
        if (!(m.get("evidence") instanceof YamlNode.Sequence s) || s.items().isEmpty()) changes.add(Assignment.of(at + ".evidence", evidence(id)));
        boolean graded = m.has("degree");
        if (graded) changes.add(Assignment.of(at + ".degree", "1"));
        return new Attempt(changes, Plan.Phrase.of(graded ? "plan.do.degree" : "plan.do.claim", id), Plan.Effort.EVIDENCE);
    }

    /** A management system established (with evidence) or certified (a certificate valid a year past the evaluation date). */
    private Attempt system(Scorecard.CriterionSpec c) {
        String sys = c.system();
        String at = "management_systems." + sys;
        List<Assignment> changes = new ArrayList<>(established(sys));
        if ("certified".equals(c.aspect())) {
            String until = base.submission().evaluationDate().plusYears(1).toString();
            changes.add(Assignment.of(at + ".certificate", "{body: \"certification body\", number: \"certificate number\", valid_until: " + until + "}"));
            return new Attempt(changes, Plan.Phrase.of("plan.do.system_certified", sys, base.submission().evaluationDate().toString()), Plan.Effort.EVIDENCE);
        }
        return new Attempt(changes, Plan.Phrase.of("plan.do.system_established", sys), Plan.Effort.EVIDENCE);
    }

    private List<Assignment> established(String sys) {
        String at = "management_systems." + sys;
        YamlNode node = node(at);
        if (!(node instanceof YamlNode.Mapping m)) return List.of(Assignment.of(at, "{established: true, evidence: " + evidence(sys + " system") + "}"));
        List<Assignment> changes = new ArrayList<>();
        if (!(m.get("established") instanceof YamlNode.Scalar e && "true".equals(e.text()))) changes.add(Assignment.of(at + ".established", "true"));
        if (!(m.get("evidence") instanceof YamlNode.Sequence s) || s.items().isEmpty()) changes.add(Assignment.of(at + ".evidence", evidence(sys + " system")));
        return changes;
    }

    /** Every management system established with evidence (GB/T 36132-2025 G3). */
    private Attempt allSystems() {
        List<Assignment> changes = new ArrayList<>();
        List<String> systems = new ArrayList<>();
        for (String sys : org.verdant.rulebook.Vocabulary.SYSTEMS) {
            List<Assignment> more = established(sys);
            if (!more.isEmpty()) systems.add(sys);
            changes.addAll(more);
        }
        if (changes.isEmpty()) return null;
        return new Attempt(changes, Plan.Phrase.of("plan.do.systems", String.join(", ", systems)), Plan.Effort.EVIDENCE);
    }

    private Attempt csr() {
        int year = base.submission().reportingYear();
        String at = "social_responsibility_reports";
        YamlNode node = node(at);
        Plan.Phrase action = Plan.Phrase.of("plan.do.csr", year);
        if (!(node instanceof YamlNode.Mapping m)) {
            return new Attempt(List.of(Assignment.of(at, "{years: [" + year + "], evidence: " + evidence("the " + year + " report") + "}")), action, Plan.Effort.EVIDENCE);
        }
        List<Assignment> changes = new ArrayList<>();
        if (m.get("years") instanceof YamlNode.Sequence ys) {
            if (ys.items().stream().noneMatch(y -> y instanceof YamlNode.Scalar s && s.text().equals(String.valueOf(year)))) {
                changes.add(Assignment.of(at + ".years[" + ys.items().size() + "]", String.valueOf(year)));
            }
        } else {
            changes.add(Assignment.of(at + ".years", "[" + year + "]"));
        }
        if (!(m.get("evidence") instanceof YamlNode.Sequence s) || s.items().isEmpty()) changes.add(Assignment.of(at + ".evidence", evidence("the " + year + " report")));
        return new Attempt(changes, action, Plan.Effort.EVIDENCE);
    }

    /** The accident history stated with evidence; only when it is absent or uncited (never hiding an event). */
    private Attempt accidentStatement() {
        YamlNode node = node("accidents");
        Plan.Phrase action = Plan.Phrase.of("plan.do.accidents");
        if (!(node instanceof YamlNode.Mapping m)) {
            return new Attempt(List.of(Assignment.of("accidents", "{events: [], evidence: " + evidence("the accident history") + "}")), action, Plan.Effort.DATA);
        }
        if (!(m.get("evidence") instanceof YamlNode.Sequence s) || s.items().isEmpty()) {
            return new Attempt(List.of(Assignment.of("accidents.evidence", evidence("the accident history"))), action, Plan.Effort.DATA);
        }
        return null;
    }

    /** G4 (parks): every key enterprise on the audit list audited. */
    private Outcome audits(Verdict.Judged j, Aim aim) throws UsageException, RulebookException {
        YamlNode.Scalar listed = Levers.scalar(root, "park.key_enterprise_audits.listed");
        YamlNode.Scalar completed = Levers.scalar(root, "park.key_enterprise_audits.completed");
        if (listed == null || completed == null || j.finding().status() != Status.NOT_MET) return open(j, "plan.open.data", reason(j.finding()));
        String path = "park.key_enterprise_audits.completed";
        return attempt(j, aim, new Attempt(List.of(Assignment.of(path, listed.text())),
                Plan.Phrase.of("plan.do.set", path, completed.text(), listed.text()), Plan.Effort.FIGURE));
    }

    /** G6 (parks): the green-development body staffed to the scorecard's minimum. */
    private Outcome greenBody(Verdict.Judged j, Aim aim) throws UsageException, RulebookException {
        YamlNode.Scalar staff = Levers.scalar(root, "park.green_body.full_time_staff");
        var minimum = base.scorecard().parameters().get("green_body_minimum_staff");
        if (staff == null || minimum == null || j.finding().status() != Status.NOT_MET) return open(j, "plan.open.data", reason(j.finding()));
        String path = "park.green_body.full_time_staff";
        String value = Numbers.round(minimum.number(), 0).toPlainString();
        return attempt(j, aim, new Attempt(List.of(Assignment.of(path, value)), Plan.Phrase.of("plan.do.set", path, staff.text(), value),
                Plan.Effort.FIGURE));
    }

    // ---- quantitative changes ----

    private Outcome indicator(Verdict.Judged j, Aim aim) throws UsageException, RulebookException {
        Finding f = j.finding();
        Map<String, Object> values = f.values();
        if (f.status() == Status.MISSING_DATA) return open(j, "plan.open.data", reason(f));
        if (values.get("parts") instanceof List<?> parts) return parts(j, aim, parts);
        String level = level(j, aim);
        Double target = number(values.get(level));
        String indicator = indicatorName(j);
        Levers.Lever lever = Levers.find(base.scorecard().scheme(), indicator, (String) values.get("computation"), mainProduct(),
                base.submission().reportingYear(), root);
        if (lever != null && "bool".equals(Levers.scalar(root, lever.path()).type())) {
            return attempt(j, aim, new Attempt(List.of(Assignment.of(lever.path(), "true")),
                    Plan.Phrase.of("plan.do.set", lever.path(), Levers.scalar(root, lever.path()).text(), "true"), Plan.Effort.FIGURE));
        }
        Double value = number(values.get("value"));
        if (target == null || value == null) return open(j, "plan.open.data", reason(f));
        String unit = values.get("unit") == null ? "" : (String) values.get("unit");
        if (lever == null) return estimated(j, aim, value, target, unit, level);
        return solve(j, aim, lever, value, target, higherIsBetter(j), unit, level);
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
        Matcher m = NUMBER.matcher(scalar.text().strip());
        if (!m.matches()) return open(j, "plan.open.data", reason(j.finding()));
        double q0 = Double.parseDouble(m.group(1));
        String leverUnit = m.group(2).strip();
        boolean integer = "int".equals(scalar.type());
        boolean raise = lever.rises() == higherBetter;
        double q = firstGuess(q0, value, target, lever.rises(), raise);
        double prevQ = q0;
        double prevV = value;
        BigDecimal last = null;
        for (int k = 0; k < SOLVE_STEPS; k++) {
            BigDecimal rounded = roundSafe(q, raise, integer);
            if (last != null && rounded.compareTo(last) == 0) rounded = bump(rounded, raise, integer);
            if (rounded.signum() < 0) return open(j, "plan.open.negative", lever.path());
            String text = written(rounded, scalar.text()) + (leverUnit.isEmpty() ? "" : " " + leverUnit);
            Attempt a = new Attempt(List.of(Assignment.of(lever.path(), text)), Plan.Phrase.of("plan.do.figure", lever.path(), scalar.text(), text,
                    shown(value, unit), shown(target, unit), Plan.Phrase.of("plan.level." + level)), Plan.Effort.FIGURE);
            Verdict after;
            try {
                after = scenario.evaluate(a.changes());
            } catch (InvalidSubmissionException e) {
                return open(j, "plan.open.infeasible", lever.path(), e.problems().get(0).message());
            }
            if (reached(after, j.id(), aim)) return new Outcome(step(j, a, after, true), null);
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

    /** Proportional: most indicators are the lever over a fixed denominator (or a fixed numerator over it). */
    private static double firstGuess(double q0, double value, double target, boolean rises, boolean raise) {
        if (q0 != 0 && value != 0 && target != 0) return rises ? q0 * target / value : q0 * value / target;
        if (q0 != 0 && value != 0 && rises) return 0; // a level of zero needs the figure at zero
        return raise ? (q0 == 0 ? 1 : q0 * 1.5) : q0 * 0.5;
    }

    /** Rounded to four significant digits, away from the level (so the rounded figure still reaches it). */
    static BigDecimal roundSafe(double x, boolean up, boolean integer) {
        if (integer) return BigDecimal.valueOf(up ? Math.ceil(x - 1e-9) : Math.floor(x + 1e-9)).setScale(0, RoundingMode.UNNECESSARY);
        if (x == 0) return BigDecimal.ZERO;
        BigDecimal b = new BigDecimal(x).round(new MathContext(12, RoundingMode.HALF_UP));
        b = b.round(new MathContext(4, up ? RoundingMode.CEILING : RoundingMode.FLOOR)).stripTrailingZeros();
        return b.scale() < 0 ? b.setScale(0) : b;
    }

    /** A figure written as the submission wrote the one it replaces: with an exponent if that one had one (1.26e5). */
    static String written(BigDecimal b, String original) {
        if (!original.strip().matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)[eE][-+]?\\d+.*") || b.signum() == 0) return b.toPlainString();
        int exponent = b.precision() - b.scale() - 1;
        BigDecimal mantissa = b.movePointLeft(exponent).stripTrailingZeros();
        return (mantissa.scale() < 0 ? mantissa.setScale(0) : mantissa).toPlainString() + "e" + exponent;
    }

    /** One unit of the fourth significant digit further. */
    static BigDecimal bump(BigDecimal b, boolean up, boolean integer) {
        BigDecimal unit = integer ? BigDecimal.ONE : BigDecimal.ONE.movePointLeft(3 - (b.precision() - b.scale() - 1));
        if (b.signum() == 0) unit = integer ? BigDecimal.ONE : new BigDecimal("0.001");
        BigDecimal out = (up ? b.add(unit) : b.subtract(unit)).stripTrailingZeros();
        return out.scale() < 0 ? out.setScale(0) : out;
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
            Matcher m = s == null ? null : NUMBER.matcher(s.text().strip());
            if (m == null || !m.matches()) return open(j, "plan.open.data", reason(j.finding()));
            String unit = m.group(2).strip();
            BigDecimal q = roundSafe(Double.parseDouble(m.group(1)) * target / value, false, false);
            String text = written(q, s.text()) + (unit.isEmpty() ? "" : " " + unit);
            changes.add(Assignment.of(at, text));
            shown.add(at + ": " + s.text() + " → " + text);
        }
        if (changes.isEmpty()) return open(j, "plan.open.not_found", "parts");
        Attempt a = new Attempt(changes, Plan.Phrase.of("plan.do.parts", Plan.Phrase.of("plan.level." + level), String.join("; ", shown)), Plan.Effort.FIGURE);
        return attempt(j, aim, a);
    }

    /** No single figure moves the indicator: the points it would add are computed from the scorecard, not re-evaluated. */
    private Outcome estimated(Verdict.Judged j, Aim aim, double value, double target, String unit, String level) {
        Finding f = j.finding();
        boolean basic = aim == Aim.BASIC && "performance".equals(j.type());
        double pointsAfter = basic ? spec(j.id()).basic().points().number() : aim == Aim.FULL ? f.max() : f.points();
        Double gain = totalGain(j, pointsAfter - f.points());
        if (gain == null) return open(j, "plan.open.no_lever", shown(value, unit), shown(target, unit));
        String hintKey = HINTS.contains(indicatorName(j)) ? "plan.hint." + indicatorName(j) : "plan.hint.none";
        Plan.Step step = new Plan.Step(j.id(), j.name(), j.type(),
                Plan.Phrase.of("plan.do.raise", shown(value, unit), shown(target, unit), Plan.Phrase.of("plan.level." + level), Plan.Phrase.of(hintKey)),
                List.of(), f.status().code(), (basic ? Status.PARTLY_MET : Status.MET).code(), f.points(), pointsAfter, f.max(),
                base.score(), base.score() + gain,
                null, Plan.Effort.DATA, false);
        return new Outcome(step, null);
    }

    /** What a criterion's extra points add to the total under the scorecard's arithmetic. */
    private Double totalGain(Verdict.Judged j, double points) {
        String scoring = base.scorecard().scoring();
        if (Scorecard.SUM_OF_POINTS.equals(scoring)) return points;
        if (!Scorecard.CATEGORY_PERCENT.equals(scoring)) return null;
        for (Verdict.CategoryResult c : base.categories()) {
            if (c.spec().id().equals(j.category()) && c.max() > 0) return c.spec().weight().number() * points / c.max();
        }
        return null;
    }

    /** A park's optional indicator it does not report, reported at its leading value (stated indicators only). */
    private boolean reportable(Verdict.Judged c) {
        return "index".equals(c.type()) && "stated".equals(spec(c.id()).decidedBy()) && !spec(c.id()).required();
    }

    private Outcome report(Verdict.Judged c) throws UsageException, RulebookException {
        if (!reportable(c)) return null;
        Scorecard.CriterionSpec spec = spec(c.id());
        String year = "park.years[" + base.submission().reportingYear() + "]";
        if (node(year) == null) return null;
        String value;
        if ("yes_no".equals(spec.direction())) {
            value = "true";
        } else {
            Double leading = number(c.finding().values().get("leading"));
            if (leading == null) return null;
            value = Numbers.round(leading, 4).toPlainString() + (spec.unit() == null || spec.unit().isEmpty() ? "" : " " + spec.unit());
        }
        String path = year + ".indicators." + c.id();
        return attempt(c, Aim.FULL, new Attempt(List.of(Assignment.of(path, value)),
                Plan.Phrase.of("plan.do.report", c.id(), base.submission().reportingYear(), value), Plan.Effort.DATA));
    }

    // ---- target ----

    private GradingTable targetTable(String target) throws UsageException {
        if (parseNumber(target) != null) return null;
        String id = base.grade().tableId();
        var gradings = scenario.rulebook().gradings();
        if (id == null) {
            throw new UsageException("--target '" + target + "' is a grade, but no grading table is selected; add --grading ID ("
                    + String.join(", ", gradings.keySet()) + ") or give a score");
        }
        GradingTable table = gradings.get(id);
        if (table.bands().stream().noneMatch(b -> b.label().equals(target))) {
            throw new UsageException("--target: grading table " + id + " has no grade '" + target + "'; its grades: "
                    + String.join(", ", table.bands().stream().map(GradingTable.Band::label).toList()));
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

    private boolean reaches(Verdict v, String target, GradingTable table) {
        if (table == null) return v.score() != null && Numbers.round(v.score(), 2).doubleValue() >= parseNumber(target) - EPS;
        if (v.grade().label() == null) return false;
        List<String> labels = table.bands().stream().map(GradingTable.Band::label).toList();
        return labels.indexOf(v.grade().label()) <= labels.indexOf(target);
    }

    /**
     * The fewest changes that reach the target: the blockers the grading table requires cleared
     * (all of them), then the changes with the largest gains, re-evaluated together.
     */
    private Plan.Target target(String target, GradingTable table, List<Plan.Step> blockers, List<Plan.Step> changes, List<Plan.Open> open)
            throws UsageException, RulebookException {
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
                    return new Plan.Target(target, goal, false, List.of(), null,
                            Plan.Phrase.of(data ? "plan.target.blocked_data" : "plan.target.blocked", o.id(), o.why()), null);
                }
            }
            for (Plan.Step b : blockers) {
                boolean gate = base.gates().stream().anyMatch(g -> g.id().equals(b.id()));
                if (gate && eligible || !gate && mandatory) required.add(b);
            }
        }
        List<Assignment> base0 = changesOf(required);
        Verdict current = evaluateQuietly(base0);
        if (current == null) {
            return new Plan.Target(target, goal, false, List.of(), null, Plan.Phrase.of("plan.target.conflict"), null);
        }
        List<Plan.Step> chosen = new ArrayList<>(required);
        if (reaches(current, target, table)) return new Plan.Target(target, goal, true, chosen, Plan.State.of(current), null, null);

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
            Verdict v = evaluateQuietly(changesOf(trial));
            // a change whose points another chosen change already brought (MGT-07 after MGT-08, say) adds nothing
            if (v == null || v.score() <= current.score() + EPS) continue;
            chosen = trial;
            current = v;
            if (reaches(current, target, table)) return new Plan.Target(target, goal, true, chosen, Plan.State.of(current), null, null);
        }
        long unverified = changes.stream().filter(s -> !s.verified()).count();
        double unverifiedGain = changes.stream().filter(s -> !s.verified() && s.gain() != null).mapToDouble(Plan.Step::gain).sum();
        Plan.Phrase why = table != null && current.score() != null && current.grade().label() == null && current.grade().whyNone() != null
                && !current.grade().whyNone().equals("grade.below_bands")
                ? Plan.Phrase.of("plan.target.no_grade", Plan.Phrase.of(current.grade().whyNone()))
                : Plan.Phrase.of(unverified > 0 ? "plan.target.max_unverified" : "plan.target.max",
                Numbers.round(current.score(), 2).toPlainString(), unverified, Numbers.round(unverifiedGain, 2).toPlainString());
        return new Plan.Target(target, goal, false, chosen, Plan.State.of(current), why, current.score());
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
                Verdict v = evaluateQuietly(with);
                if (v == null || v.score() == null) continue;
                gain = v.score() - current.score();
            }
            if (gain > EPS) ranked.add(new Ranked(s, gain));
        }
        ranked.sort(Comparator.comparingDouble((Ranked r) -> -round6(r.gain())).thenComparing(r -> r.step().effort())
                .thenComparing(r -> r.step().id()));
        return ranked.stream().map(Ranked::step).toList();
    }

    private Verdict evaluateQuietly(List<Assignment> changes) throws UsageException, RulebookException {
        try {
            return scenario.evaluate(changes);
        } catch (InvalidSubmissionException e) {
            return null; // changes that cannot stand together: the caller leaves them out
        }
    }

    static List<Assignment> changesOf(List<Plan.Step> steps) {
        List<Assignment> all = new ArrayList<>();
        steps.forEach(s -> all.addAll(s.changes()));
        return all;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    // ---- lookups ----

    static Verdict.Judged judged(Verdict v, String id) {
        return v.gates().stream().filter(j -> j.id().equals(id)).findFirst()
                .or(() -> v.criteria().stream().filter(j -> j.id().equals(id)).findFirst()).orElseThrow();
    }

    private Scorecard.CriterionSpec spec(String id) {
        return base.scorecard().criteria().stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }

    private Scorecard.GateSpec gate(String id) {
        return base.scorecard().gates().stream().filter(g -> g.id().equals(id)).findFirst().orElse(null);
    }

    private String decidedBy(Verdict.Judged j) {
        Scorecard.GateSpec g = gate(j.id());
        if (g != null) return g.decidedBy();
        return spec(j.id()).decidedBy();
    }

    private String indicatorName(Verdict.Judged j) {
        Scorecard.GateSpec g = gate(j.id());
        if (g != null) return g.indicator();
        Scorecard.CriterionSpec c = spec(j.id());
        if (c.forms() == null || c.forms().isEmpty()) return c.indicator();
        Object form = j.finding().values().get("form");
        return c.forms().stream().filter(f -> f.form().equals(form)).findFirst().orElse(c.forms().get(0)).indicator();
    }

    private boolean higherIsBetter(Verdict.Judged j) {
        Scorecard.GateSpec g = gate(j.id());
        String direction = g != null ? g.direction() : spec(j.id()).direction();
        return !"lower".equals(direction);
    }

    private String mainProduct() {
        var products = base.submission().products();
        for (int i = 0; i < products.size(); i++) {
            if (products.get(i).main() || products.size() == 1) return "products[" + i + "]";
        }
        return null;
    }

    private YamlNode node(String path) {
        try {
            return TreeEdit.find(root, SetPath.parse(path));
        } catch (UsageException e) {
            return null;
        }
    }

    private static Plan.Phrase reason(Finding f) {
        return new Plan.Phrase(f.reasonKey(), f.reasonArgs());
    }

    private static Double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : null;
    }

    private static String shown(double value, String unit) {
        return Numbers.format(value) + (unit == null || unit.isEmpty() ? "" : " " + unit);
    }
}
