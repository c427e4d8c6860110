package org.verdant.report;

import org.verdant.findings.Status;
import org.verdant.rulebook.IndicatorTable;
import org.verdant.rulebook.Scorecard;
import org.verdant.text.Messages;
import org.verdant.text.Numbers;
import org.verdant.verdict.Verdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One submission scored against several GB/T 36132-2025 indicator tables, side by side: the
 * result under each, each indicator's points, and why they differ (its weight, baseline, leading
 * value, rule or form in each table), so a province's differences from the national form show.
 */
public final class TableComparison {
    private final StringBuilder out = new StringBuilder();
    private final Messages m;

    private TableComparison(Messages m) {
        this.m = m;
    }

    /** {@code verdicts}: the same submission under each table, in the order asked for. */
    public static String render(List<Verdict> verdicts, Messages m) {
        return new TableComparison(m).body(verdicts);
    }

    private String body(List<Verdict> verdicts) {
        line(m.get("tcmp.title") + " — " + verdicts.get(0).submission().facility().name());
        line("");
        StringBuilder header = new StringBuilder(String.format("%-28s", ""));
        verdicts.forEach(v -> header.append(String.format("%-24s ", v.scorecard().table().id() + "@" + v.scorecard().table().version())));
        line(header.toString().stripTrailing());
        row(m.get("label.basic_requirements"), verdicts, v -> m.get(v.isEligible() ? "label.conforms" : "label.not_conforms"));
        row(m.get("label.score"), verdicts, v -> Numbers.rounded(v.score(), 2) + " / 100");
        row(m.get("tcmp.pass_line"), verdicts, v -> v.scorecard().table().passLine() == null ? m.get("tcmp.no_pass_line")
                : Numbers.format(v.scorecard().table().passLine().number()));
        line("");
        line(m.get("tcmp.indicators"));
        Map<String, List<Verdict.Judged>> byId = new LinkedHashMap<>();
        for (int i = 0; i < verdicts.size(); i++) {
            for (Verdict.Judged j : verdicts.get(i).criteria()) {
                List<Verdict.Judged> cells = byId.computeIfAbsent(j.id(), k -> new ArrayList<>(java.util.Collections.nCopies(verdicts.size(), null)));
                cells.set(i, j);
            }
        }
        for (var e : byId.entrySet()) {
            List<Verdict.Judged> cells = e.getValue();
            Verdict.Judged named = cells.stream().filter(Objects::nonNull).findFirst().orElseThrow();
            StringBuilder b = new StringBuilder(String.format("  %-26s", e.getKey() + " " + clip(named.name().in(m.lang()), 18)));
            for (Verdict.Judged j : cells) {
                b.append(String.format("%-24s", j == null ? m.get("tcmp.absent") : Numbers.rounded(j.finding().points(), 2) + "/"
                        + Numbers.rounded(j.finding().max(), 2) + " " + mark(j.finding().status())));
            }
            line(b.toString().stripTrailing());
            String why = why(verdicts, cells);
            if (!why.isEmpty()) line("      " + why);
        }
        line("");
        line(m.get("tcmp.footer"));
        return out.toString();
    }

    /** What differs between the tables for one indicator: its points, rule, form, baseline and leading value. */
    private String why(List<Verdict> verdicts, List<Verdict.Judged> cells) {
        List<String> parts = new ArrayList<>();
        differs(parts, m.get("tcmp.weight"), verdicts, cells, j -> Numbers.format(j.finding().max()));
        differs(parts, m.get("tcmp.rule"), verdicts, cells, j -> rule(verdicts, cells, j));
        differs(parts, m.get("tcmp.form"), verdicts, cells, j -> String.valueOf(j.finding().values().getOrDefault("form", "—")));
        differs(parts, m.get("word.baseline"), verdicts, cells, j -> level(j, "baseline"));
        differs(parts, m.get("word.leading"), verdicts, cells, j -> level(j, "leading"));
        return String.join("; ", parts);
    }

    private void differs(List<String> parts, String label, List<Verdict> verdicts, List<Verdict.Judged> cells,
                         java.util.function.Function<Verdict.Judged, String> shown) {
        List<String> values = cells.stream().map(j -> j == null ? "—" : shown.apply(j)).toList();
        if (values.stream().distinct().count() > 1) parts.add(label + " " + String.join(" → ", values));
    }

    private static String rule(List<Verdict> verdicts, List<Verdict.Judged> cells, Verdict.Judged j) {
        for (Verdict v : verdicts) {
            for (Scorecard.CriterionSpec c : v.scorecard().criteria()) {
                if (c.id().equals(j.id()) && v.criteria().contains(j) && c.tableIndicator() != null) return c.tableIndicator().rule().code();
            }
        }
        return "—";
    }

    private static String level(Verdict.Judged j, String role) {
        Object v = j.finding().values().get(role);
        if (v instanceof Double d) return Numbers.show(d, String.valueOf(j.finding().values().getOrDefault("unit", "")));
        return j.finding().values().containsKey(role + "_missing") ? "?" : "—";
    }

    private static String mark(Status s) {
        return TextVerdictRenderer.mark(s);
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    private void row(String label, List<Verdict> verdicts, java.util.function.Function<Verdict, String> cell) {
        StringBuilder b = new StringBuilder(String.format("%-28s", label));
        verdicts.forEach(v -> b.append(String.format("%-24s", cell.apply(v))));
        line(b.toString().stripTrailing());
    }

    private void line(String s) {
        out.append(s).append('\n');
    }

    /** The table kinds in words, for listings. */
    public static String kind(IndicatorTable t, Messages m) {
        return m.get("doc.table_kind." + t.kind().code());
    }
}
