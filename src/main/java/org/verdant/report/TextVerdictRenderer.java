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

    private TextVerdictRenderer(Messages m) {
        this.m = m;
    }

    public static String render(Verdict v, Messages m) {
        return new TextVerdictRenderer(m).verdict(v);
    }

    private String verdict(Verdict v) {
        Submission s = v.submission();
        line(m.get("label.title") + " — " + v.scorecard().title().in(m.lang()) + " " + v.scorecard().edition());
        line(m.get("label.facility") + ": " + s.facility().name() + "  " + m.get("label.credit_code") + ": " + s.facility().creditCode());
        line((s.facility().industry() == null ? "" : m.get("label.industry") + ": " + s.facility().industry() + "  ") + s.facility().province()
                + "  " + m.get("label.evaluation_date") + ": " + s.evaluationDate()
                + "  " + m.get("label.reporting_year") + ": " + s.reportingYear());
        if (s.evaluator() != null && s.evaluator().organisation() != null) {
            line(m.get("label.evaluator") + ": " + s.evaluator().organisation()
                    + (s.evaluator().kind() == null ? "" : " (" + s.evaluator().kind() + ")"));
        }
        var table = v.scorecard().table();
        if (table != null) {
            line(m.get("label.indicator_table") + ": " + table.title().in(m.lang()) + " (" + table.id() + "@" + table.version() + ", "
                    + m.get("doc.table_kind." + table.kind().code()) + ", " + m.get("label.table_chosen." + v.scorecard().tableChoice()) + ")");
        }
        line("");
        line(m.get("label.result"));
        line("  " + m.get("label.basic_requirements") + ": " + m.get(eligibilityLabel(v)));
        line("  " + m.get("label.mandatory") + ": " + m.get(v.mandatoryMet() ? "label.all_met" : "label.not_all_met"));
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
        if (!v.isEligible() || !v.mandatoryMet()) line("  " + m.get("label.eligible_note"));
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
        List<org.verdant.verdict.DataToCollect.Item> collect = org.verdant.verdict.DataToCollect.of(v);
        if (!collect.isEmpty()) {
            line("");
            line(m.get("label.data_to_collect"));
            for (org.verdant.verdict.DataToCollect.Item item : collect) line("  " + item.id() + ": " + String.join("; ", item.fields()));
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
        if (values.containsKey("computation")) line("      " + m.get("label.computation") + ": " + values.get("computation"));
        for (String tier : List.of("basic", "advanced")) {
            if (values.containsKey(tier)) {
                line("      " + m.get("label.reference") + " (" + m.get("word." + tier) + "): "
                        + num((Double) values.get(tier)) + " " + values.getOrDefault("unit", "") + " — " + values.get(tier + "_from")
                        + (values.containsKey(tier + "_source") ? "; " + values.get(tier + "_source") : ""));
            }
        }
        if (values.get("form_reason") instanceof org.verdant.findings.FindingCollector.FormReason r) {
            line("      " + m.get("label.form") + ": " + m.get(r.key(), r.arg()));
        }
        if (!f.indexYears().isEmpty()) {
            for (org.verdant.facts.IndexYear y : f.indexYears()) {
                line("      · " + y.year() + ": " + (y.reported() ? (y.computation() == null ? Numbers.show(y.value(), y.unit()) : y.computation())
                        + "; " + m.get("label.ratio") + " " + num(y.ratio()) : m.get("label.not_reported")));
            }
        }
        for (String role : List.of("baseline", "leading", "threshold")) {
            if (values.containsKey(role)) {
                line("      " + m.get("word." + role) + ": " + num((Double) values.get(role)) + " " + values.getOrDefault("unit", "")
                        + " — " + values.get(role + "_from") + (values.containsKey(role + "_source") ? "; " + values.get(role + "_source") : ""));
            }
        }
        if (values.get("parts") instanceof List<?> parts) {
            for (Object o : parts) {
                Map<?, ?> p = (Map<?, ?>) o;
                if (p.containsKey("threshold")) {
                    line("      · " + p.get("product") + ": " + p.get("computation") + "; " + m.get("word.threshold") + " "
                            + num((Double) p.get("threshold")) + " " + p.get("unit") + " — " + p.get("threshold_from")
                            + (Boolean.TRUE.equals(p.get("reaches")) ? " ✔" : " ✘"));
                    continue;
                }
                line("      · " + p.get("product") + ": " + p.get("computation") + "; " + m.get("word.baseline") + " "
                        + num((Double) p.get("baseline")) + ", " + m.get("word.leading") + " " + num((Double) p.get("leading"))
                        + " " + p.get("unit") + "; " + m.get("label.ratio") + " " + p.get("ratio")
                        + (p.containsKey("weight_share_computation") ? "; " + m.get("label.weight") + " " + p.get("weight_share_computation") : ""));
            }
        }
        if (values.containsKey("scoring")) line("      " + m.get("label.scoring") + ": " + values.get("scoring"));
        if (values.get("missing_inputs") instanceof List<?> missing && !missing.isEmpty()) {
            line("      " + m.get("label.missing_inputs") + ": " + missing.stream().map(String::valueOf).collect(Collectors.joining("; ")));
        }
        f.warnings().forEach(w -> line("      ⚠ " + w));
        if (values.containsKey("accidents")) line("      " + values.get("accidents"));
        if (!f.evidence().isEmpty()) line("      " + m.get("label.evidence") + ": " + String.join("; ", f.evidence()));
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
