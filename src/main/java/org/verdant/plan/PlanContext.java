package org.verdant.plan;

import org.verdant.evaluation.InvalidSubmissionException;
import org.verdant.evaluation.UsageException;
import org.verdant.findings.Finding;
import org.verdant.rulebook.RulebookException;
import org.verdant.rulebook.Scorecard;
import org.verdant.text.Numbers;
import org.verdant.verdict.Verdict;
import org.verdant.yaml.YamlNode;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What every part of the {@link Planner} reads: the scenario, its baseline verdict and YAML tree,
 * and the scorecard lookups on them, kept in one place so each part looks a criterion up the same way.
 */
record PlanContext(Scenario scenario, Verdict base, YamlNode root, PlannerConfig config, Set<PlannerConfig.Cap> applied) {
    /** Below this, two figures (points, scores, a figure and its level) are the same. */
    static final double EPS = 1e-9;

    PlanContext(Scenario scenario, Verdict base) {
        this(scenario, base, scenario.root(), PlannerConfig.builtIn(), new LinkedHashSet<>());
    }

    /**
     * The step with its effort in units of the planner config: evidence and data their own, a
     * measured figure the share of its one-year cap it uses (at least the minimum), a figure
     * without a cap (a yes/no, a park's audits or staff) a whole year's retrofit, and so does a
     * change computed from the scorecard: it moves figures the planner cannot hold against a cap.
     */
    Plan.Step costed(Plan.Step s) {
        if (!s.verified()) return s.withEffortUnits(config.effort("figure_full_cap"));
        double units = switch (s.effort()) {
            case EVIDENCE -> config.effort("evidence");
            case DATA -> config.effort("data");
            case FIGURE -> s.figure() == null ? config.effort("figure_full_cap")
                    : Math.max(config.effort("figure_minimum"), config.effort("figure_full_cap") * s.figure().share());
        };
        return s.withEffortUnits(units);
    }

    static Verdict.Judged judged(Verdict v, String id) {
        return v.gates().stream().filter(j -> j.id().equals(id)).findFirst()
                .or(() -> v.criteria().stream().filter(j -> j.id().equals(id)).findFirst()).orElseThrow();
    }

    Scorecard.CriterionSpec spec(String id) {
        return base.scorecard().criteria().stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }

    Scorecard.GateSpec gate(String id) {
        return base.scorecard().gates().stream().filter(g -> g.id().equals(id)).findFirst().orElse(null);
    }

    String decidedBy(Verdict.Judged j) {
        Scorecard.GateSpec g = gate(j.id());
        if (g != null) return g.decidedBy();
        return spec(j.id()).decidedBy();
    }

    String indicatorName(Verdict.Judged j) {
        Scorecard.GateSpec g = gate(j.id());
        if (g != null) return g.indicator();
        Scorecard.CriterionSpec c = spec(j.id());
        if (c.forms() == null || c.forms().isEmpty()) return c.indicator();
        Object form = j.finding().values().get("form");
        return c.forms().stream().filter(f -> f.form().equals(form)).findFirst().orElse(c.forms().get(0)).indicator();
    }

    boolean higherIsBetter(Verdict.Judged j) {
        Scorecard.GateSpec g = gate(j.id());
        String direction = g != null ? g.direction() : spec(j.id()).direction();
        return !"lower".equals(direction);
    }

    String mainProduct() {
        var products = base.submission().products();
        for (int i = 0; i < products.size(); i++) {
            if (products.get(i).main() || products.size() == 1) return "products[" + i + "]";
        }
        return null;
    }

    YamlNode node(String path) {
        try {
            return TreeEdit.find(root, SetPath.parse(path));
        } catch (UsageException e) {
            return null;
        }
    }

    Verdict evaluateQuietly(List<Assignment> changes) throws UsageException, RulebookException {
        try {
            return scenario.evaluate(changes);
        } catch (InvalidSubmissionException e) {
            return null; // changes that cannot stand together: the caller leaves them out
        }
    }

    static Plan.Phrase reason(Finding f) {
        return new Plan.Phrase(f.reasonKey(), f.reasonArgs());
    }

    static Double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : null;
    }

    static String shown(double value, String unit) {
        return Numbers.format(value) + (unit == null || unit.isEmpty() ? "" : " " + unit);
    }
}
