package org.verdant.explain;

import org.verdant.text.Numbers;
import org.verdant.text.Messages;
import org.verdant.verdict.VerdictJson;
import org.verdant.facts.Derive;
import org.verdant.facts.IndexRatios;
import org.verdant.facts.IndexYear;
import org.verdant.facts.PerformanceIndicator;
import org.verdant.facts.ThresholdIndicator;
import org.verdant.findings.Finding;
import org.verdant.findings.FindingCollector;
import org.verdant.findings.Values;
import org.verdant.findings.Status;
import org.verdant.rulebook.Figure;
import org.verdant.rulebook.Scorecard;
import org.verdant.verdict.GreenIndex;
import org.verdant.verdict.Verdict;
import org.verdant.verdict.VerdictBuilder;
import org.verdant.text.Location;
import org.verdant.yaml.PathIndex;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Stage 5 (explanations): a verdict and the submission's YAML become one {@link Trace} per gate
 * and criterion. Everything shown comes from the finding the rules recorded, the scorecard and
 * the verdict's arithmetic; this stage only finds the lines and writes the arithmetic out.
 */
public final class TraceBuilder {
    /** Inputs longer than this (a whole section) are cut: the line number leads to the rest. */
    private static final int VALUE_WIDTH = 100;
    private static final List<String> ROLES = List.of("basic", "advanced", "baseline", "leading", "threshold");

    private final Verdict verdict;
    private final PathIndex index;
    private final Messages m;

    private TraceBuilder(Verdict verdict, PathIndex index, Messages m) {
        this.verdict = verdict;
        this.index = index;
        this.m = m;
    }

    /** The trace of every gate and criterion, by id: gates first, then criteria in scorecard order. */
    public static Map<String, Trace> all(Verdict v, PathIndex index, Messages m) {
        TraceBuilder b = new TraceBuilder(v, index, m);
        Map<String, Trace> out = new LinkedHashMap<>();
        for (Verdict.Judged j : judged(v)) out.put(j.id(), b.trace(j));
        return out;
    }

    /** Gates, then criteria. */
    public static List<Verdict.Judged> judged(Verdict v) {
        List<Verdict.Judged> all = new ArrayList<>(v.gates());
        all.addAll(v.criteria());
        return all;
    }

    private Trace trace(Verdict.Judged j) {
        Finding f = j.finding();
        return new Trace(j.id(), rules(f), inputs(f), derived(f), levels(f), figures(j), missing(j), points(j));
    }

    /** The deciding rule and the rules that derived what it matched, each with its file:line. */
    private List<Trace.RuleUse> rules(Finding f) {
        org.verdant.rulebook.RuleIndex index = verdict.rulebookIndex();
        List<Trace.RuleUse> out = new ArrayList<>();
        out.add(new Trace.RuleUse("decided", f.rule(), index == null ? null : index.find(f.rule()).map(Object::toString).orElse(null)));
        for (String r : f.derivedBy()) {
            out.add(new Trace.RuleUse("derived", r, index == null ? null : index.find(r).map(Object::toString).orElse(null)));
        }
        return out;
    }

    // ---- what the rule read ----

    private List<Trace.Input> inputs(Finding f) {
        List<Trace.Input> out = new ArrayList<>();
        for (String path : f.inputs()) {
            index.find(path).ifPresent(found -> out.add(new Trace.Input(path, PathIndex.brief(found.node(), VALUE_WIDTH),
                    inputLocation(found.at()))));
        }
        return out;
    }

    private static String inputLocation(Location l) {
        return Path.of(l.file()).getFileName() + ":" + l.line();
    }

    private List<Trace.Derived> derived(Finding f) {
        Map<String, Object> values = f.values();
        List<Trace.Derived> out = new ArrayList<>();
        if (!f.indexYears().isEmpty()) {
            for (IndexYear y : f.indexYears()) {
                out.add(new Trace.Derived(String.valueOf(y.year()), y.formula(),
                        y.computation() != null ? Values.text(y.computation(), m) : m.get("label.not_reported")));
            }
        } else if (values.containsKey("formula") || values.containsKey("computation")) {
            out.add(new Trace.Derived(null, (String) values.get("formula"),
                    values.containsKey("computation") ? Values.text(values.get("computation"), m) : m.get("trace.not_computed")));
        }
        for (Map<?, ?> p : parts(f)) {
            out.add(new Trace.Derived((String) p.get("product"), null, (String) p.get("computation")));
            if (p.containsKey("weight_share_computation")) {
                out.add(new Trace.Derived((String) p.get("product"), m.get("trace.weight_share"), Values.text(p.get("weight_share_computation"), m)));
            }
        }
        if (values.containsKey("window_from")) {
            out.add(new Trace.Derived(m.get("trace.window"), null, values.get("window_from") + " – " + values.get("window_to")));
        }
        if (values.containsKey("accidents")) out.add(new Trace.Derived(m.get("trace.vetoing_accidents"), null, (String) values.get("accidents")));
        return out;
    }

    private List<Trace.Level> levels(Finding f) {
        Map<String, Object> values = f.values();
        List<Trace.Level> out = new ArrayList<>();
        for (String role : ROLES) {
            if (values.get(role) instanceof Double level) {
                out.add(new Trace.Level(null, role, level, (String) values.get("unit"), Values.text(values.get(role + "_from"), m),
                        (String) values.get(role + "_source")));
            }
        }
        for (Map<?, ?> p : parts(f)) {
            for (String role : ROLES) {
                if (p.get(role) instanceof Double level) {
                    out.add(new Trace.Level((String) p.get("product"), role, level, (String) p.get("unit"),
                            Values.text(p.get(role + "_from"), m), null));
                }
            }
        }
        return out;
    }

    // ---- the scorecard figures ----

    private List<Trace.FigureUse> figures(Verdict.Judged j) {
        Set<Figure> used = new LinkedHashSet<>();
        criterion(j.id()).ifPresent(c -> {
            if ("performance".equals(c.type())) {
                used.add(c.basic().points());
                used.add(c.advanced().points());
            } else if (c.points() != null) {
                used.add(c.points());
            }
            if (Scorecard.CATEGORY_PERCENT.equals(verdict.scorecard().scoring())) category(j).ifPresent(r -> used.add(r.spec().weight()));
        });
        used.addAll(j.finding().figures());
        used.addAll(j.finding().parameters());
        // With no tier for the facility, every tier was looked at and none applied.
        if (j.finding().status() == Status.NOT_APPLICABLE) {
            gate(j.id()).map(Scorecard.GateSpec::threshold).ifPresent(t -> t.tiers().forEach(tier -> used.add(tier.figure())));
        }
        if ("index".equals(j.type()) && verdict.greenIndex() != null) {
            if (verdict.greenIndex().weighted()) category(j).ifPresent(r -> used.add(r.spec().weight()));
            verdict.greenIndex().switches().stream().map(GreenIndex.Switch::figure).filter(java.util.Objects::nonNull).forEach(used::add);
        }
        List<Trace.FigureUse> out = new ArrayList<>();
        for (Figure f : used) {
            if (f == null) continue;
            out.add(new Trace.FigureUse(f.ref(), f.value(), f.unit(), f.status(), f.source(), f.clause(), figureLocation(f.location())));
        }
        return out;
    }

    /**
     * A figure's file named as the verdict names rulebook files (scorecards/…), whichever
     * directory the rulebook was loaded from, so the same evaluation traces the same text.
     */
    private String figureLocation(Location l) {
        if (l == null || l.line() == 0) return null;
        String shown = l.file().replace('\\', '/');
        for (String logical : verdict.rulebookFiles()) {
            String withinRoot = logical.substring(logical.indexOf('/') + 1);
            if (shown.equals(logical) || shown.endsWith("/" + withinRoot)) return logical + ":" + l.line();
        }
        return shown + ":" + l.line();
    }

    // ---- what was missing ----

    private List<String> missing(Verdict.Judged j) {
        Finding f = j.finding();
        Set<String> out = new LinkedHashSet<>();
        for (IndexYear y : f.indexYears()) {
            out.addAll(y.missingInputs());
            if (!y.reported() && y.missingInputs().isEmpty() && criterion(j.id()).map(c -> "stated".equals(c.decidedBy())).orElse(false)) {
                out.add("park.years[" + y.year() + "].indicators." + j.id());
            }
        }
        if (f.values().get("missing_inputs") instanceof List<?> list) list.forEach(x -> out.add(m.get("phrase.as_is", String.valueOf(x))));
        for (String role : ROLES) {
            Object what = f.values().get(role + "_missing");
            if (what != null) out.add(m.get("word." + role) + ": " + Values.text(what, m));
        }
        String section = decidingSection(j);
        if (section != null && index.find(section).isEmpty()) out.add(section);
        return List.copyOf(out);
    }

    /** The part of the submission a criterion not computed from figures is decided from. */
    private String decidingSection(Verdict.Judged j) {
        Optional<Scorecard.CriterionSpec> c = criterion(j.id());
        String decidedBy = c.map(Scorecard.CriterionSpec::decidedBy)
                .orElseGet(() -> gate(j.id()).map(Scorecard.GateSpec::decidedBy).orElse(""));
        return switch (decidedBy) {
            case "claim", "claim_and_carbon_trend", "claim_and_accidents" -> "claims." + j.id();
            case "accidents" -> "accidents";
            case "standing" -> "standing";
            case "application" -> "application";
            case "management_system" -> "management_systems." + c.map(Scorecard.CriterionSpec::system).orElse("");
            case "management_systems" -> "management_systems";
            case "csr_reports" -> "social_responsibility_reports";
            case "audit_list" -> "park.key_enterprise_audits";
            case "green_body" -> "park.green_body";
            default -> null; // computed criteria name the fields they lack themselves
        };
    }

    // ---- the points arithmetic ----

    private List<String> points(Verdict.Judged j) {
        List<String> out = new ArrayList<>();
        if ("gate".equals(j.category())) {
            if ("core".equals(j.type())) threshold(j, out);
            out.add(gateLine(j));
            return out;
        }
        Finding f = j.finding();
        switch (j.type()) {
            case "performance" -> performance(j, out);
            case "scaled" -> scaled(j, out);
            case "index" -> index(j, out);
            case "threshold" -> threshold(j, out);
            default -> {
                if (f.status() == Status.NOT_APPLICABLE) out.add(m.get("trace.points.not_applicable"));
                else if (f.values().containsKey("scoring")) out.add(m.get("trace.points.graded", f.values().get("scoring")));
                else out.add(m.get("trace.points.status", m.get("status." + f.status().code()), f.points(), f.max()));
            }
        }
        criterion(j.id()).ifPresent(c -> {
            if (!VerdictBuilder.meetsMandatoryPart(c, f)) {
                out.add(m.get("performance".equals(c.type()) ? "trace.points.basic_unmet" : "trace.points.mandatory_unmet"));
            }
        });
        category(j).ifPresent(r -> categoryLine(r, out));
        return out;
    }

    private void performance(Verdict.Judged j, List<String> out) {
        Finding f = j.finding();
        Scorecard.CriterionSpec c = criterion(j.id()).orElseThrow();
        PerformanceIndicator p = new PerformanceIndicator(c.id(), c.indicator(), c.direction(), c.basic().points().number(),
                c.advanced().points().number());
        Double x = (Double) f.values().get("value");
        if (x == null) {
            out.add(m.get("trace.points.no_value", whyNothing(j), f.max()));
            return;
        }
        String unit = (String) f.values().get("unit");
        boolean basicReached = tier(out, "basic", p.basicPoints(), x, (Double) f.values().get("basic"), f, p, unit, true);
        boolean advancedReached = tier(out, "advanced", p.advancedPoints(), x, (Double) f.values().get("advanced"), f, p, unit, basicReached);
        double basic = basicReached ? p.basicPoints() : 0;
        double advanced = basicReached && advancedReached ? p.advancedPoints() : 0;
        out.add(m.get("trace.points.sum", String.join(" + ", people(basic, advanced)), f.points(), f.max()));
    }

    /** One tier's line; returns whether the value reaches it. The advanced tier only counts once the basic one is reached. */
    private boolean tier(List<String> out, String tier, double points, double x, Double level, Finding f, PerformanceIndicator p,
                        String unit, boolean counts) {
        if (level == null) {
            out.add(m.get("trace.points.tier_no_level", m.get("word." + tier), points, f.values().get(tier + "_missing")));
            return false;
        }
        boolean reached = p.reaches(x, level);
        out.add(m.get("trace.points.tier", m.get("word." + tier), points, comparison(x, level, p.direction(), reached, unit),
                reached && counts ? points : 0.0));
        return reached;
    }

    private void scaled(Verdict.Judged j, List<String> out) {
        Finding f = j.finding();
        for (Map<?, ?> p : parts(f)) {
            out.add(m.get("trace.points.part", p.get("product"), clamp((Double) p.get("value"), (Double) p.get("baseline"),
                    (Double) p.get("leading"), (Double) p.get("ratio")), people((Double) p.get("weight_share") * 100).get(0) + " %"));
        }
        if (f.values().containsKey("scoring")) {
            out.add(Numbers.inText(Values.text(f.values().get("scoring"), m), m.lang()));
        } else {
            out.add(m.get("trace.points.no_value", whyNothing(j), f.max()));
        }
    }

    private String clamp(double x, double b, double l, double ratio) {
        if (Math.abs(l - b) <= 1e-9 * Math.max(1, Math.abs(b))) return "B = L = " + people(b).get(0) + ": " + people(ratio).get(0);
        List<String> f = people(x, b, l);
        org.verdant.text.Messages.Phrase share = FindingCollector.clamp(f.get(0), f.get(1), f.get(2));
        return m.get(share.key(), share.args()) + " = " + people(ratio).get(0);
    }

    /** Figures read together in a sentence: kept apart where the engine tells them apart, large ones as people write them. */
    private List<String> people(double... figures) {
        return Numbers.forPeople(Numbers.apart(figures), m.lang());
    }

    private void index(Verdict.Judged j, List<String> out) {
        Finding f = j.finding();
        GreenIndex gi = verdict.greenIndex();
        Scorecard.CriterionSpec c = criterion(j.id()).orElseThrow();
        Double leading = (Double) f.values().get("leading");
        boolean capped = Boolean.TRUE.equals(f.values().get("ratio_capped"));
        for (IndexYear y : f.indexYears()) {
            GreenIndex.Year year = gi.year(y.year());
            double[] share = year == null ? null : year.shares().get(j.id());
            if (share == null) {
                out.add(m.get("trace.points.index_not_assessed", y.year()));
            } else if (!y.reported()) {
                out.add(m.get("trace.points.index_mandatory_missing", y.year(), maxText(year, j), share[1], round2(year.gi())));
            } else {
                out.add(m.get("trace.points.index_year", y.year(), ratioText(y, leading, c.direction(), capped), maxText(year, j),
                        share[0], round2(year.gi())));
            }
        }
    }

    /** How an indicator's ratio to its leading value was found, e.g. "3.2 ÷ 3 = 1.0667, capped at 1". */
    private String ratioText(IndexYear y, Double leading, String direction, boolean capped) {
        if (y.value() == null) return Values.text(y.computation(), m) + " → 0"; // reported figures with no quotient (a zero denominator)
        double x = y.value();
        double l = leading == null ? 1 : leading;
        double raw = IndexRatios.ratio(x, l, direction);
        String text = switch (direction) {
            case "yes_no" -> (x >= 1 ? m.get("trace.yes") : m.get("trace.no")) + " → " + people(raw).get(0);
            case "lower" -> x <= 0 || l == 0 ? people(x).get(0) + " ≤ 0 → " + people(raw).get(0)
                    : String.join(" ÷ ", people(l, x)) + " = " + people(raw).get(0);
            default -> l == 0 ? people(raw).get(0) : String.join(" ÷ ", people(x, l)) + " = " + people(raw).get(0);
        };
        return capped && raw > 1 ? text + ", " + m.get("trace.capped") : text;
    }

    /** Each assessed indicator's maximum share of a year's GI: 100 ÷ n, or by category weight when weighting is on. */
    private String maxText(GreenIndex.Year year, Verdict.Judged j) {
        if (!verdict.greenIndex().weighted()) return "100 ÷ " + year.assessed();
        Map<String, Integer> assessedPerCategory = new LinkedHashMap<>();
        for (String id : year.shares().keySet()) {
            criterion(id).ifPresent(c -> assessedPerCategory.merge(c.category(), 1, Integer::sum));
        }
        double weightSum = verdict.scorecard().categories().stream().filter(c -> assessedPerCategory.containsKey(c.id()))
                .mapToDouble(c -> c.weight().number()).sum();
        Scorecard.CategorySpec own = category(j).orElseThrow().spec();
        return "100 × " + String.join(" ÷ ", people(own.weight().number(), weightSum)) + " ÷ "
                + assessedPerCategory.get(own.id());
    }

    private void threshold(Verdict.Judged j, List<String> out) {
        Finding f = j.finding();
        String direction = criterion(j.id()).map(Scorecard.CriterionSpec::direction)
                .orElseGet(() -> gate(j.id()).map(Scorecard.GateSpec::direction).orElse("higher"));
        ThresholdIndicator t = new ThresholdIndicator(j.id(), null, direction, "gate".equals(j.category()));
        List<Map<?, ?>> parts = parts(f);
        for (Map<?, ?> p : parts) {
            double x = (Double) p.get("value");
            double level = (Double) p.get("threshold");
            out.add(p.get("product") + ": " + comparison(x, level, direction, t.reaches(x, level), (String) p.get("unit")));
        }
        Double x = (Double) f.values().get("value");
        Double level = (Double) f.values().get("threshold");
        String unit = (String) f.values().get("unit");
        if (x != null && level != null) {
            out.add(comparison(x, level, direction, t.reaches(x, level), unit) + " → " + m.get("status." + f.status().code()));
        } else if (x != null) {
            out.add(m.get("trace.points.no_threshold", Numbers.showForPeople(x, unit, m.lang())));
        } else if (parts.isEmpty() || f.status() == Status.MISSING_DATA) {
            out.add(m.get("trace.points.threshold_missing", whyNothing(j)));
        }
        if (!t.gate()) out.add(m.get("trace.points.guidance"));
    }

    private String gateLine(Verdict.Judged j) {
        Status s = j.finding().status();
        if ("encouraged".equals(j.type())) return m.get("trace.points.encouraged");
        if (s == Status.MET) return m.get("trace.points.gate_met");
        if (s == Status.NOT_APPLICABLE) return m.get("core".equals(j.type()) ? "trace.points.core_undetermined" : "trace.points.gate_not_applicable");
        return m.get("trace.points.gate_blocks", m.get("status." + s.code()));
    }

    private void categoryLine(Verdict.CategoryResult r, List<String> out) {
        String name = r.spec().id() + " " + r.spec().name().in(m.lang());
        switch (verdict.scorecard().scoring()) {
            case Scorecard.CATEGORY_PERCENT -> out.add(m.get("trace.points.category_percent", name, r.points(), r.max(), round2(r.score()),
                    r.spec().weight().number(), round2(r.weighted()), round2(verdict.score())));
            case Scorecard.SUM_OF_POINTS, Scorecard.INDICATOR_TABLE -> out.add(m.get("trace.points.category_sum", name, r.points(), r.max(), round2(verdict.score())));
            default -> {
                // parks: the index lines say how the criterion counts; zero-carbon parks score nothing
            }
        }
    }

    /** What was missing, or the reason when nothing was (e.g. a division by zero). */
    private String whyNothing(Verdict.Judged j) {
        List<String> missing = missing(j);
        return missing.isEmpty() ? m.get(j.finding().reasonKey(), j.finding().reasonArgs()) : String.join(", ", missing);
    }

    /** "47 % ≥ 30 %" when reached, "47 % < 50 %" when not, in the indicator's direction. */
    private String comparison(double x, double level, String direction, boolean reached, String unit) {
        String op = "lower".equals(direction) ? (reached ? "≤" : ">") : (reached ? "≥" : "<");
        List<String> f = people(x, level);
        String u = unit == null || unit.isEmpty() ? "" : " " + unit;
        return f.get(0) + u + " " + op + " " + f.get(1) + u;
    }

    private static String round2(double d) {
        return Numbers.round(d, 2).toPlainString();
    }

    private static List<Map<?, ?>> parts(Finding f) {
        List<Map<?, ?>> out = new ArrayList<>();
        if (f.values().get("parts") instanceof List<?> list) list.forEach(p -> out.add((Map<?, ?>) p));
        return out;
    }

    private Optional<Scorecard.CriterionSpec> criterion(String id) {
        return verdict.scorecard().criteria().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    private Optional<Scorecard.GateSpec> gate(String id) {
        return verdict.scorecard().gates().stream().filter(g -> g.id().equals(id)).findFirst();
    }

    private Optional<Verdict.CategoryResult> category(Verdict.Judged j) {
        return verdict.categories().stream().filter(c -> c.spec().id().equals(j.category())).findFirst();
    }
}
