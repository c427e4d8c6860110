package org.verdant.report;

import org.verdant.text.Numbers;
import org.verdant.text.Messages;
import org.verdant.facts.Derive;
import org.verdant.findings.Finding;
import org.verdant.findings.Status;
import org.verdant.submission.Submission;
import org.verdant.verdict.Verdict;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Stage 5 (for people): the verdict as text a reviewer reads in a terminal. */
public final class TextVerdictRenderer {
    private final Messages m;
    private final StringBuilder out = new StringBuilder();

    /** The verdict's sources: each figure's source in the reader's language. */
    private org.verdant.rulebook.Sources sources = org.verdant.rulebook.Sources.NONE;

    private TextVerdictRenderer(Messages m) {
        this.m = m;
    }

    public static String render(Verdict v, Messages m) {
        TextVerdictRenderer r = new TextVerdictRenderer(m);
        r.sources = v.sources();
        return r.verdict(v);
    }

    private String verdict(Verdict v) {
        Submission s = v.submission();
        line(m.get("label.title") + " — " + v.scorecard().title().in(m.lang()) + " " + v.scorecard().edition());
        line(facilityLabel(v.scorecard().scheme(), m) + ": " + s.facility().name() + "  " + m.get("label.credit_code") + ": " + s.facility().creditCode());
        line((s.facility().industry() == null ? "" : m.get("label.industry") + ": " + s.facility().industry() + "  ") + s.facility().province()
                + "  " + m.get("label.evaluation_date") + ": " + s.evaluationDate()
                + "  " + m.get("label.reporting_year") + ": " + s.reportingYear());
        if (s.evaluator() != null && s.evaluator().organisation() != null) {
            line(m.get("label.evaluator") + ": " + s.evaluator().organisation()
                    + (s.evaluator().kind() == null ? "" : " (" + evaluatorKind(s.evaluator().kind(), m) + ")"));
        }
        var table = v.scorecard().table();
        if (table != null) {
            line(m.get("label.indicator_table") + ": " + table.title().in(m.lang()) + " (" + table.id() + "@" + table.version() + ", "
                    + m.get("doc.table_kind." + table.kind().code()) + ", " + m.get("label.table_chosen." + v.scorecard().tableChoice()) + ")");
        }
        line("");
        line(m.get("label.result"));
        line("  " + m.get("label.basic_requirements") + ": " + m.get(eligibilityLabel(v)));
        // only the lines the scheme has: zero-carbon parks have no mandatory requirements, GB/T 36132-2025 none either
        if (v.scorecard().hasMandatoryRequirements()) {
            line("  " + m.get("label.mandatory") + ": " + m.get(v.mandatoryMet() ? "label.all_met" : "label.not_all_met"));
        }
        if (v.greenIndex() != null) {
            line("  " + m.get("label.green_index") + " " + v.greenIndex().last().year() + ": "
                    + Numbers.round(v.score(), 2).toPlainString());
        } else if (v.hasScore()) {
            line("  " + m.get("label.score") + ": " + Numbers.round(v.score(), 2).toPlainString() + " / 100");
        } else {
            line("  " + m.get("label.score") + ": " + m.get("label.not_scored"));
        }
        String grade = v.grade().label() != null ? v.grade().label() + " (" + v.grade().tableTitle().in(m.lang()) + ")"
                : m.get("label.none") + " (" + m.get(v.grade().whyNone()) + ")";
        line("  " + m.get("label.grade") + ": " + grade);
        String note = selectionNote(v, m);
        if (note != null) line("  " + note);
        line("");
        line(m.get("label.gates"));
        for (Verdict.Judged g : v.gates()) {
            Finding f = g.finding();
            String kind = "gate".equals(g.type()) ? "" : " (" + m.get("gate_kind." + g.type()) + ")";
            line("  " + mark(f.status()) + " " + g.id() + " " + m.get("status." + f.status().code()) + kind + "  " + g.name().in(m.lang()));
            line("      " + m.get(f.reasonKey(), f.reasonArgs()));
            details(f);
        }
        if (v.greenIndex() != null) greenIndex(v.greenIndex());
        if (v.hasScore()) categories(v);
        line("");
        line(m.get("label.criteria"));
        String category = null;
        for (Verdict.Judged j : v.criteria()) {
            if (!j.category().equals(category)) {
                category = j.category();
                String cat = category;
                v.categories().stream().filter(c -> c.spec().id().equals(cat)).findFirst()
                        .ifPresent(c -> line("[" + c.spec().id() + " " + c.spec().name().in(m.lang()) + "]"));
            }
            Finding f = j.finding();
            String points = "threshold".equals(j.type()) ? "" : " " + num(f.points()) + "/" + num(f.max()) + " " + m.get("label.points");
            line("  " + mark(f.status()) + " " + j.id() + " " + m.get("type." + j.type()) + points + "  " + j.name().in(m.lang())
                    + "  [" + j.clause() + "]");
            line("      " + m.get(f.reasonKey(), f.reasonArgs()));
            details(f);
        }
        List<Verdict.Judged> lost = v.criteria().stream()
                .filter(j -> j.finding().status() != Status.NOT_APPLICABLE && j.finding().points() < j.finding().max())
                .sorted(Comparator.comparingDouble((Verdict.Judged j) -> j.finding().points() - j.finding().max())
                        .thenComparing(Verdict.Judged::id))
                .toList();
        if (!lost.isEmpty()) {
            line("");
            line(m.get("label.to_improve"));
            for (Verdict.Judged j : lost) {
                Finding f = j.finding();
                line("  −" + num(f.max() - f.points()) + "  " + j.id() + " " + j.name().in(m.lang()) + " ("
                        + m.get("status." + f.status().code()) + ")");
            }
        }
        List<org.verdant.verdict.DataToCollect.Item> collect = org.verdant.verdict.DataToCollect.of(v, m);
        if (!collect.isEmpty()) {
            line("");
            line(m.get("label.data_to_collect"));
            for (org.verdant.verdict.DataToCollect.Item item : collect) line("  " + item.id() + ": " + item.fields().stream().map(x -> m.get("phrase.as_is", x)).collect(Collectors.joining("; ")));
        }
        line("");
        line(m.get("label.warnings"));
        List<Verdict.Warning> figures = v.warnings().stream().filter(w -> w.figure() != null).toList();
        if (!figures.isEmpty()) {
            line("  " + m.get("label.provisional_summary", figures.size(),
                    figures.stream().map(w -> w.figure().ref()).collect(Collectors.joining(", "))));
        }
        for (Verdict.Warning w : v.warnings()) {
            if (w.figure() == null) line("  " + m.get(w.key(), w.args()));
        }
        line("");
        line(m.get("label.rulebook") + ": " + v.rulebookDigest() + " (" + String.join(", ", v.rulebookParts()) + ")");
        line(m.get("label.input") + ": " + Path.of(s.file()).getFileName() + " " + v.inputDigest());
        line(m.get("label.engine") + ": verdant " + v.engineVersion());
        return out.toString();
    }

    /**
     * Why an applicant that fails its basic (or mandatory) requirements is not selected, in the
     * terms of its scheme: mandatory requirements only where the scheme has them, and that the
     * score is still reported only where it has a score. Null when nothing fails.
     */
    public static String selectionNote(Verdict v, Messages m) {
        boolean mandatory = v.scorecard().hasMandatoryRequirements();
        if (v.isEligible() && (!mandatory || v.mandatoryMet())) return null;
        boolean scored = v.scorecard().isScored();
        if (mandatory) return m.get(scored ? "label.eligible_note" : "label.selection_note.mandatory");
        return m.get(scored ? "label.selection_note.basic_scored" : "label.selection_note.basic");
    }

    /** How the applicant is named in its scheme: 企业名称 for factories and supply chains, 园区名称 for parks. */
    public static String facilityLabel(String scheme, Messages m) {
        String key = "label.facility." + scheme;
        return m.has(key) ? m.get(key) : m.get("label.facility");
    }

    /** Self-evaluation or third-party evaluation in words, not the submission's code. */
    public static String evaluatorKind(String kind, Messages m) {
        String key = "doc.kind." + kind;
        return m.has(key) ? m.get(key) : kind;
    }

    private void categories(Verdict v) {
        line("");
        line(m.get("label.categories"));
        for (Verdict.CategoryResult c : v.categories()) {
            if (c.score() == null) {
                line(String.format("  %-4s %s  %s %s", c.spec().id(), c.spec().name().in(m.lang()), m.get("label.points"),
                        c.weighted() == null ? "—" : Numbers.round(c.weighted(), 2).toPlainString()));
                continue;
            }
            line(String.format("  %-4s %s  %s %s  %s %s / %s  → %s",
                    c.spec().id(), c.spec().name().in(m.lang()), m.get("label.weight"),
                    Numbers.round(c.spec().weight().number(), 2).toPlainString(),
                    m.get("label.score"), Numbers.round(c.score(), 2).toPlainString(), "100",
                    Numbers.round(c.weighted(), 2).toPlainString()));
        }
    }

    private String eligibilityLabel(Verdict v) {
        if (v.eligible() == null) return "label.undetermined";
        return v.eligible() ? "label.conforms" : "label.not_conforms";
    }

    private void greenIndex(org.verdant.verdict.GreenIndex gi) {
        line("");
        line(m.get("label.green_index_years"));
        for (org.verdant.verdict.GreenIndex.Year y : gi.years()) {
            String state = y.complete() ? "" : "  " + m.get("label.incomplete")
                    + (y.mandatoryMissing().isEmpty() ? "" : ": " + String.join(", ", y.mandatoryMissing()));
            String pass = y.passes() == null ? "" : "  " + m.get(y.passes() ? "label.passes" : "label.below_pass_line");
            line("  " + y.year() + "  GI " + Numbers.round(y.gi(), 2).toPlainString() + "  ("
                    + m.get("label.indicators_assessed", y.assessed(), y.optionalReported()) + ")" + state + pass);
        }
        line("  " + m.get("label.switches") + ": " + gi.switches().stream().map(sw -> sw.name() + " = " + sw.value())
                .collect(Collectors.joining(", ")));
    }

    private void details(Finding f) {
        Map<String, Object> values = f.values();
        Map<String, String> shown = figures(values, List.of("value", "basic", "advanced", "baseline", "leading", "threshold"));
        if (values.containsKey("computation")) {
            line("      " + m.get("label.computation") + ": " + computation(values, shown.get("value")));
        }
        for (String tier : List.of("basic", "advanced")) {
            if (values.containsKey(tier)) {
                line("      " + m.get("label.reference") + " (" + m.get("word." + tier) + "): "
                        + shown.get(tier) + " " + values.getOrDefault("unit", "") + " — " + people(Origins.shown(values.get(tier + "_from"), m, sources))
                        + (values.containsKey(tier + "_source") ? "; " + people(Origins.shown(values.get(tier + "_source"), m, sources)) : ""));
            }
        }
        if (values.get("form_reason") instanceof org.verdant.findings.FindingCollector.FormReason r) {
            line("      " + m.get("label.form") + ": " + m.get(r.key(), r.arg()));
        }
        if (!f.indexYears().isEmpty()) {
            for (org.verdant.facts.IndexYear y : f.indexYears()) {
                line("      · " + y.year() + ": " + (y.reported() ? (y.computation() == null
                        ? Numbers.showForPeople(y.value(), y.unit(), m.lang()) : people(y.computation()))
                        + "; " + m.get("label.ratio") + " " + num(y.ratio()) : m.get("label.not_reported")));
            }
        }
        for (String role : List.of("baseline", "leading", "threshold")) {
            if (values.containsKey(role)) {
                line("      " + m.get("word." + role) + ": " + shown.get(role) + " " + values.getOrDefault("unit", "")
                        + " — " + people(Origins.shown(values.get(role + "_from"), m, sources)) + (values.containsKey(role + "_source") ? "; " + people(Origins.shown(values.get(role + "_source"), m, sources)) : ""));
            }
        }
        if (values.get("parts") instanceof List<?> parts) {
            for (Object o : parts) {
                @SuppressWarnings("unchecked")
                Map<String, Object> p = (Map<String, Object>) o;
                Map<String, String> part = figures(p, List.of("value", "baseline", "leading", "threshold"));
                String computation = computation(p, part.get("value"));
                if (p.containsKey("threshold")) {
                    line("      · " + p.get("product") + ": " + computation + "; " + m.get("word.threshold") + " "
                            + part.get("threshold") + " " + p.get("unit") + " — " + people(Origins.shown(p.get("threshold_from"), m, sources))
                            + (Boolean.TRUE.equals(p.get("reaches")) ? " ✔" : " ✘"));
                    continue;
                }
                line("      · " + p.get("product") + ": " + computation + "; " + m.get("word.baseline") + " "
                        + part.get("baseline") + ", " + m.get("word.leading") + " " + part.get("leading")
                        + " " + p.get("unit") + "; " + m.get("label.ratio") + " " + p.get("ratio")
                        + (p.containsKey("weight_share_computation") ? "; " + m.get("label.weight") + " " + people(p.get("weight_share_computation")) : ""));
            }
        }
        if (values.containsKey("scoring")) line("      " + m.get("label.scoring") + ": " + people(values.get("scoring")));
        if (values.get("missing_inputs") instanceof List<?> missing && !missing.isEmpty()) {
            line("      " + m.get("label.missing_inputs") + ": " + missing.stream().map(x -> m.get("phrase.as_is", String.valueOf(x))).collect(Collectors.joining("; ")));
        }
        f.warnings().forEach(w -> line("      ⚠ " + people(org.verdant.findings.Values.text(w, m))));
        if (values.containsKey("accidents")) line("      " + values.get("accidents"));
        if (!f.evidence().isEmpty()) line("      " + m.get("label.evidence") + ": " + String.join("; ", f.evidence()));
    }

    /**
     * The figures a finding compares (its value and the levels), shown together so that a value
     * and a level the engine tells apart never print alike ({@link Numbers#apart}), each as a
     * person writes it.
     */
    private Map<String, String> figures(Map<String, Object> values, List<String> roles) {
        List<String> present = roles.stream().filter(r -> values.get(r) instanceof Number).toList();
        List<String> apart = Numbers.forPeople(Numbers.apart(present.stream().map(r -> ((Number) values.get(r)).doubleValue()).toList()), m.lang());
        Map<String, String> shown = new java.util.HashMap<>();
        for (int i = 0; i < present.size(); i++) shown.put(present.get(i), apart.get(i));
        return shown;
    }

    /**
     * A computation as a person reads it; its result (the value, written with the usual digits
     * when the computation was made) shown with the digits that set it apart from its levels.
     */
    private String computation(Map<String, Object> values, String valueShown) {
        Object c = values.get("computation");
        if (c == null) return "null";
        String text = org.verdant.findings.Values.text(c, m);
        if (valueShown != null && values.get("value") instanceof Number n) {
            Object unit = values.get("unit");
            String suffix = unit == null || String.valueOf(unit).isEmpty() ? "" : " " + unit;
            String tail = " = " + Numbers.format(n.doubleValue()) + suffix;
            if (text.endsWith(tail)) return people(text.substring(0, text.length() - tail.length())) + " = " + valueShown + suffix;
        }
        return people(text);
    }

    private String people(Object text) {
        return text == null ? "null" : Numbers.inText(org.verdant.findings.Values.text(text, m), m.lang());
    }

    public static String mark(Status s) {
        return switch (s) {
            case MET -> "✔";
            case PARTLY_MET -> "◐";
            case NOT_MET -> "✘";
            case NOT_APPLICABLE -> "–";
            case MISSING_DATA -> "?";
        };
    }

    public static String num(double d) {
        return Numbers.round(d, 4).toPlainString();
    }

    private void line(String s) {
        out.append(s).append('\n');
    }
}
