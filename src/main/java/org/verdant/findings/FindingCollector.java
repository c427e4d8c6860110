package org.verdant.findings;

import org.verdant.text.FormattedNumber;
import org.verdant.text.Numbers;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.verdant.facts.IndicatorValue;
import org.verdant.facts.PerformanceIndicator;
import org.verdant.facts.ReferenceLevel;
import org.verdant.facts.ChosenForm;
import org.verdant.facts.Derive;
import org.verdant.facts.ScaledIndicator;
import org.verdant.facts.ScaledParts;
import org.verdant.facts.Scaling;
import java.util.LinkedHashMap;
import java.util.Map;
import org.verdant.facts.IndexIndicator;
import org.verdant.facts.IndexRatios;
import org.verdant.facts.IndexYear;
import org.verdant.facts.Parameter;
import org.verdant.facts.Requirement;
import org.verdant.facts.SubmissionFields;
import org.verdant.rulebook.Figure;
import org.verdant.facts.ThresholdIndicator;
import org.verdant.facts.TableIndicator;
import org.verdant.rulebook.IndicatorTable;
import org.verdant.text.Messages.Phrase;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The rules' global {@code findings}: each rule that decides a criterion records its finding
 * here. It listens to the agenda so every finding names the rule that produced it.
 */
public final class FindingCollector extends DefaultAgendaEventListener implements RuleRuntimeEventListener {
    private final List<Finding> findings = new ArrayList<>();
    /** The rule that inserted each derived fact (by identity): a trace names the rules behind a finding's figures. */
    private final Map<Object, String> insertedBy = new java.util.IdentityHashMap<>();
    private String currentRule = "";
    /** The match firing now; its facts are listed only when it records a finding (a derivation rule's never are). */
    private org.kie.api.runtime.rule.Match currentMatch;

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        currentMatch = event.getMatch();
        currentRule = currentMatch.getRule().getName();
    }

    public List<Finding> all() {
        return findings;
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (event.getRule() != null) insertedBy.put(event.getObject(), event.getRule().getName());
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
    }

    /**
     * A finding of the rule firing now, with the submission fields and parameters behind the facts
     * it matched, worked out when a trace asks for them: each matched fact is inserted before the
     * match, so the rule that inserted it is known now and does not change after.
     */
    private Finding start(String criterionId) {
        List<?> matched = currentMatch == null ? List.of() : snapshot(currentMatch.getObjects());
        Map<Object, String> derived = insertedBy;
        Finding f = new Finding(criterionId, currentRule, () -> lineage(matched, derived));
        findings.add(f);
        return f;
    }

    /** The matched facts as they are now: a collected list is the network's, and a pooled session reuses its memories. */
    private static List<?> snapshot(List<?> matched) {
        for (Object o : matched) {
            if (o instanceof java.util.Collection<?>) {
                return matched.stream().map(x -> x instanceof java.util.Collection<?> c ? new ArrayList<>(c) : x).toList();
            }
        }
        return matched;
    }

    private static Finding.Lineage lineage(List<?> matched, Map<Object, String> insertedBy) {
        List<Object> facts = matched.stream().filter(Objects::nonNull).map(Object.class::cast).toList();
        List<Figure> parameters = facts.stream().filter(Parameter.class::isInstance).map(o -> ((Parameter) o).figure()).toList();
        List<String> derivedBy = new ArrayList<>();
        for (Object o : facts) {
            String rule = insertedBy.get(o);
            if (rule != null && !derivedBy.contains(rule)) derivedBy.add(rule);
        }
        return new Finding.Lineage(SubmissionFields.of(facts), parameters, derivedBy);
    }

    /** Full points for a requirement (a gate has none). */
    public Finding met(Requirement r) {
        return start(r.id()).status(Status.MET, r.maxPoints(), r.maxPoints());
    }

    public Finding notMet(Requirement r) {
        return start(r.id()).status(Status.NOT_MET, 0, r.maxPoints());
    }

    public Finding notApplicable(Requirement r) {
        return start(r.id()).status(Status.NOT_APPLICABLE, 0, r.maxPoints());
    }

    public Finding missingData(Requirement r) {
        return start(r.id()).status(Status.MISSING_DATA, 0, r.maxPoints());
    }

    /** A qualitative item met to an assessed degree: that share of its points. */
    public Finding metToDegree(Requirement r, double degree) {
        Status status = degree >= 1 ? Status.MET : Status.PARTLY_MET;
        Finding f = start(r.id()).status(status, Numbers.fourPlaces(r.maxPoints() * degree), r.maxPoints());
        return f.value("degree", degree).value("scoring", Numbers.format(r.maxPoints()) + " × " + Numbers.format(degree)
                + " = " + Numbers.format(r.maxPoints() * degree));
    }

    /**
     * A park index indicator: its value and ratio in each reporting year. Points are its share of
     * the last year's index, given when the verdict computes the index (they depend on how many
     * indicators the park reported).
     */
    public Finding index(IndexIndicator i, IndexRatios ratios, Status status) {
        Finding f = start(i.id()).status(status, 0, 0);
        f.indexYears().addAll(ratios.years());
        IndexYear last = ratios.last();
        f.value("value", last.value()).value("unit", i.unit()).value("computation", last.computation());
        if (i.leading() != null) f.value("leading", i.leading().number()).value("leading_from", "scorecard").figures(List.of(i.leading()));
        if (last.ratio() != null) f.value("ratio", Numbers.fourPlaces(last.ratio()));
        if (!last.missingInputs().isEmpty()) f.value("missing_inputs", last.missingInputs());
        List<Map<String, Object>> years = new ArrayList<>();
        for (IndexYear y : ratios.years()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("year", y.year());
            m.put("value", y.value());
            m.put("computation", y.computation());
            m.put("ratio", y.ratio() == null ? null : Numbers.fourPlaces(y.ratio()));
            if (!y.missingInputs().isEmpty()) m.put("missing_inputs", y.missingInputs());
            years.add(m);
        }
        return f.value("years", years).value("ratio_capped", ratios.capped());
    }

    /** An indicator met or not against a threshold (no points): value, threshold and where it came from. */
    public Finding threshold(ThresholdIndicator t, IndicatorValue v, ReferenceLevel threshold, Status status) {
        Finding f = start(t.id()).status(status, 0, 0);
        compared(f, v, null, null);
        level(f, "threshold", threshold);
        return f;
    }

    /** Products each compared with a threshold of their energy-limit row (zero-carbon Z2). */
    public Finding thresholdParts(ThresholdIndicator t, ScaledParts parts, Status status) {
        Finding f = start(t.id()).status(status, 0, 0);
        List<Map<String, Object>> shown = new ArrayList<>();
        for (ScaledParts.Part p : parts.parts()) {
            Map<String, Object> m = partShown(p);
            m.put("threshold", p.baseline());
            m.put("threshold_from", p.baselineOrigin());
            m.put("reaches", t.reaches(p.value(), p.baseline()));
            shown.add(m);
        }
        if (!parts.missingInputs().isEmpty()) f.value("missing_inputs", parts.missingInputs());
        return f.value("parts", shown).figures(parts.figures()).warn(parts.warnings());
    }

    /** Both tiers reached: basic and advanced points. */
    public Finding advancedTier(PerformanceIndicator p, IndicatorValue v, ReferenceLevel basic, ReferenceLevel advanced) {
        return compared(start(p.id()).status(Status.MET, p.maxPoints(), p.maxPoints()), v, basic, advanced);
    }

    /** Basic tier only: the basic points. */
    public Finding basicTier(PerformanceIndicator p, IndicatorValue v, ReferenceLevel basic, ReferenceLevel advanced) {
        return compared(start(p.id()).status(Status.PARTLY_MET, p.basicPoints(), p.maxPoints()), v, basic, advanced);
    }

    public Finding belowBasicTier(PerformanceIndicator p, IndicatorValue v, ReferenceLevel basic, ReferenceLevel advanced) {
        return compared(start(p.id()).status(Status.NOT_MET, 0, p.maxPoints()), v, basic, advanced);
    }

    public Finding missingData(PerformanceIndicator p, IndicatorValue v, ReferenceLevel basic, ReferenceLevel advanced) {
        return compared(start(p.id()).status(Status.MISSING_DATA, 0, p.maxPoints()), v, basic, advanced);
    }

    /**
     * A scaled indicator: {@code weight × clamp((x − B)/(L − B), 0, 1)} points; met at or beyond
     * the leading value, not met at or short of the baseline, partly met between.
     */
    public Finding scaled(ScaledIndicator s, ChosenForm form, IndicatorValue v, ReferenceLevel baseline, ReferenceLevel leading) {
        double share = Scaling.share(v.value(), baseline.value(), leading.value(), s.direction());
        Finding f = scaledStatus(s, share);
        form(f, form);
        compared(f, v, null, null);
        level(f, "baseline", baseline);
        level(f, "leading", leading);
        f.value("ratio", Numbers.fourPlaces(share));
        f.value("scoring", scoringText(s, v.value(), baseline.value(), leading.value(), share));
        return f.figures(java.util.List.of(s.weightFigure()));
    }

    /** A scaled indicator scored per product, each product's share of the weight by its share of energy use. */
    public Finding scaledParts(ScaledIndicator s, ChosenForm form, ScaledParts parts) {
        double share = 0;
        List<Map<String, Object>> shown = new ArrayList<>();
        for (ScaledParts.Part p : parts.parts()) {
            double r = Scaling.share(p.value(), p.baseline(), p.leading(), s.direction());
            share += p.weightShare() * r;
            Map<String, Object> m = partShown(p);
            m.put("baseline", p.baseline());
            m.put("baseline_from", p.baselineOrigin());
            m.put("leading", p.leading());
            m.put("leading_from", p.leadingOrigin());
            m.put("ratio", Numbers.fourPlaces(r));
            m.put("weight_share", Numbers.fourPlaces(p.weightShare()));
            if (p.weightComputation() != null) m.put("weight_share_computation", p.weightComputation());
            shown.add(m);
        }
        Finding f = scaledStatus(s, share);
        form(f, form);
        f.value("parts", shown).value("ratio", Numbers.fourPlaces(share))
                .value("scoring", phrase("scoring.parts", shown(s.weight()), shown(share), shown(Scaling.points(s.weight(), share))));
        return f.figures(java.util.List.of(s.weightFigure())).figures(parts.figures()).warn(parts.warnings());
    }

    /** What a verdict shows of any per-product part: which product, its value and how it was computed. */
    private static Map<String, Object> partShown(ScaledParts.Part p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("product", p.product());
        m.put("path", p.path());
        m.put("value", p.value());
        m.put("unit", p.unit());
        m.put("computation", p.computation());
        return m;
    }

    public Finding scaledMissing(ScaledIndicator s, ChosenForm form, IndicatorValue v, ReferenceLevel baseline, ReferenceLevel leading) {
        Finding f = start(s.id()).status(Status.MISSING_DATA, 0, s.weight());
        form(f, form);
        compared(f, v, null, null);
        level(f, "baseline", baseline);
        level(f, "leading", leading);
        return f.figures(java.util.List.of(s.weightFigure()));
    }

    public Finding scaledPartsMissing(ScaledIndicator s, ChosenForm form, ScaledParts parts) {
        Finding f = start(s.id()).status(Status.MISSING_DATA, 0, s.weight());
        form(f, form);
        return f.value("missing_inputs", parts.missingInputs()).figures(java.util.List.of(s.weightFigure())).warn(parts.warnings());
    }

    /** An indicator of the table that cannot be scored: its value or a level it needs is missing. */
    public Finding tableMissing(TableIndicator t, ChosenForm form, IndicatorValue v, ReferenceLevel baseline, ReferenceLevel leading) {
        Finding f = start(t.id()).status(Status.MISSING_DATA, 0, t.weight());
        form(f, form);
        compared(f, v, null, null);
        level(f, "baseline", baseline);
        level(f, "leading", leading);
        return f.value("rule", t.ruleCode()).figures(List.of(t.weightFigure()));
    }

    /** A step: full points at or better than the leading value, none short of it. */
    public Finding stepped(TableIndicator t, ChosenForm form, IndicatorValue v, ReferenceLevel leading) {
        boolean reached = Scaling.share(v.value(), leading.value(), leading.value(), t.direction()) >= 1;
        Finding f = start(t.id()).status(reached ? Status.MET : Status.NOT_MET, reached ? t.weight() : 0, t.weight());
        form(f, form);
        compared(f, v, null, null);
        level(f, "leading", leading);
        f.value("rule", "step").value("scoring", "L = " + Numbers.format(leading.value()) + ": " + (reached ? Numbers.format(t.weight()) : "0"));
        return f.figures(List.of(t.weightFigure()));
    }

    /**
     * The range method (极差法): not reaching B none, at or beyond L full points, between them the
     * weight × (x − worst)/(best − worst); worst and best are the table's, else B and L.
     */
    public Finding ranged(TableIndicator t, ChosenForm form, IndicatorValue v, ReferenceLevel baseline, ReferenceLevel leading) {
        IndicatorTable.Range range = (IndicatorTable.Range) t.rule();
        double x = v.value();
        double b = baseline.value();
        double l = leading.value();
        double worst = range.worst() == null ? b : range.worst().number();
        double best = range.best() == null ? l : range.best().number();
        double share;
        if (Scaling.share(x, b, l, t.direction()) <= 0) share = 0;
        else if (Scaling.share(x, b, l, t.direction()) >= 1) share = 1;
        else share = Math.max(0, Math.min(1, (x - worst) / (best - worst)));
        Status status = share >= 1 ? Status.MET : share <= 0 ? Status.NOT_MET : Status.PARTLY_MET;
        Finding f = start(t.id()).status(status, Scaling.points(t.weight(), share), t.weight());
        form(f, form);
        compared(f, v, null, null);
        level(f, "baseline", baseline);
        level(f, "leading", leading);
        f.value("rule", "range").value("worst", worst).value("best", best).value("ratio", Numbers.fourPlaces(share))
                .value("scoring", phrase("scoring.range", shown(t.weight()), clamp(shown(x), shown(worst), shown(best)),
                        shown(Scaling.points(t.weight(), share))));
        if (range.worst() != null) f.figures(List.of(range.worst()));
        if (range.best() != null) f.figures(List.of(range.best()));
        return f.figures(List.of(t.weightFigure()));
    }

    /** Banded steps (分档): the points of the band the value falls in; none outside every band. */
    public Finding banded(TableIndicator t, ChosenForm form, IndicatorValue v) {
        IndicatorTable.Banded rule = (IndicatorTable.Banded) t.rule();
        IndicatorTable.Band hit = rule.bands().stream().filter(b -> b.contains(v.value())).findFirst().orElse(null);
        double points = hit == null ? 0 : hit.points().number();
        Status status = points >= t.weight() - 1e-9 ? Status.MET : points <= 0 ? Status.NOT_MET : Status.PARTLY_MET;
        Finding f = start(t.id()).status(status, points, t.weight());
        form(f, form);
        compared(f, v, null, null);
        f.value("rule", "banded").value("band", hit == null ? null : band(hit, v.unit()))
                .value("scoring", hit == null ? phrase("scoring.no_band", Numbers.show(v.value(), v.unit())) : band(hit, v.unit()) + ": " + Numbers.format(points));
        if (hit != null) f.figures(List.of(hit.points()));
        return f.figures(List.of(t.weightFigure()));
    }

    private static String band(IndicatorTable.Band b, String unit) {
        String u = unit == null || unit.isEmpty() ? "" : " " + unit;
        return "[" + (b.from() == null ? "−∞" : Numbers.format(b.from())) + ", " + (b.to() == null ? "∞" : Numbers.format(b.to())) + ")" + u;
    }

    private Finding scaledStatus(ScaledIndicator s, double share) {
        Status status = share >= 1 ? Status.MET : share <= 0 ? Status.NOT_MET : Status.PARTLY_MET;
        return start(s.id()).status(status, Scaling.points(s.weight(), share), s.weight());
    }

    private static void form(Finding f, ChosenForm form) {
        if (form == null || "single".equals(form.form())) return;
        f.value("form", form.form());
        if (form.reasonKey() != null) f.value("form_reason", new FormReason(form.reasonKey(), form.reasonArg()));
        // single-form indicators carry no form value: there was no choice to explain
    }

    /** Why a form was chosen: a message key, rendered in the reader's language. */
    public record FormReason(String key, String arg) {
    }

    private static Phrase scoringText(ScaledIndicator s, double x, double b, double l, double share) {
        if (Math.abs(l - b) <= 1e-9 * Math.max(1, Math.abs(b))) {
            return phrase("scoring.step_equal", shown(b), share >= 1 ? shown(s.weight()) : "0");
        }
        return phrase("scoring.scaled", shown(s.weight()), clamp(shown(x), shown(b), shown(l)), shown(share),
                shown(Scaling.points(s.weight(), share)));
    }

    /**
     * A figure of a scoring phrase, written as {@link Numbers#format} writes it when the phrase is
     * rendered: a consequence formats nothing (most verdicts are never written out in words).
     */
    private static FormattedNumber shown(double figure) {
        return FormattedNumber.of(figure);
    }

    /**
     * The share of a scaled or ranged indicator's points, (x − from) ÷ (to − from) kept within 0 and 1,
     * with its figures as the caller writes them; the findings and the trace (explain) say it alike.
     */
    public static Phrase clamp(Object x, Object from, Object to) {
        return phrase("scoring.clamp", x, from, to);
    }

    private static Phrase phrase(String key, Object... args) {
        return new Phrase(key, List.of(args));
    }

    /** Records the value, its computation and both reference levels the rule compared. */
    private static Finding compared(Finding f, IndicatorValue v, ReferenceLevel basic, ReferenceLevel advanced) {
        if (v != null) {
            f.value("value", v.value()).value("unit", v.unit()).value("formula", v.formula())
                    .value("computation", v.computation());
            if (!v.missingInputs().isEmpty()) f.value("missing_inputs", v.missingInputs());
            f.notes(v.notes());
        }
        level(f, "basic", basic);
        level(f, "advanced", advanced);
        return f;
    }

    private static void level(Finding f, String tier, ReferenceLevel r) {
        if (r == null) return;
        f.warn(r.warnings());
        if (r.isAvailable()) {
            f.value(tier, r.value()).value(tier + "_from", r.origin());
            if (r.source() != null) f.value(tier + "_source", r.source());
            f.figures(r.figures());
        } else {
            f.value(tier + "_missing", r.missing());
        }
    }
}
