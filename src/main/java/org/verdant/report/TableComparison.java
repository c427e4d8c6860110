package org.verdant.report;

import org.verdant.findings.Status;
import org.verdant.rulebook.IndicatorTable;
import org.verdant.rulebook.Scorecard;
import org.verdant.text.DisplayWidth;
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
    /** Columns (display width, CJK = 2) of the row labels and of each table's cells. */
    private static final int LABEL = 28;
    private static final int CELL = 24;
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
        StringBuilder header = new StringBuilder(DisplayWidth.padRight("", LABEL));
        verdicts.forEach(v -> header.append(DisplayWidth.padRight(v.scorecard().table().id() + "@" + v.scorecard().table().version(), CELL - 1)).append(' '));
        line(header.toString().stripTrailing());
        row(m.get("label.basic_requirements"), verdicts, v -> m.get(v.isEligible() ? "label.conforms" : "label.not_conforms"));
        row(m.get("label.score"), verdicts, v -> Numbers.rounded(v.score(), 2) + " / 100");
        row(m.get("tcmp.pass_line"), verdicts, v -> v.scorecard().table().passLine() == null ? m.get("tcmp.no_pass_line")
                : Numbers.forPeople(v.scorecard().table().passLine().number(), m.lang()));
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
            StringBuilder b = new StringBuilder("  " + DisplayWidth.padRight(e.getKey() + " " + clip(named.name().in(m.lang()), 18), LABEL - 2));
            for (Verdict.Judged j : cells) {
                b.append(DisplayWidth.padRight(j == null ? m.get("tcmp.absent") : Numbers.rounded(j.finding().points(), 2) + "/"
                        + Numbers.rounded(j.finding().max(), 2) + " " + mark(j.finding().status()), CELL));
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
        differs(parts, m.get("tcmp.weight"), verdicts, cells, j -> Numbers.forPeople(j.finding().max(), m.lang()));
        differs(parts, m.get("tcmp.rule"), verdicts, cells, j -> rule(verdicts, cells, j));
        differs(parts, m.get("tcmp.form"), verdicts, cells, j -> String.valueOf(j.finding().values().getOrDefault("form", "—")));
        differs(parts, m.get("word.baseline"), verdicts, cells, j -> level(j, "baseline", m));
        differs(parts, m.get("word.leading"), verdicts, cells, j -> level(j, "leading", m));
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

    private static String level(Verdict.Judged j, String role, Messages m) {
        Object v = j.finding().values().get(role);
        if (v instanceof Double d) return Numbers.showForPeople(d, String.valueOf(j.finding().values().getOrDefault("unit", "")), m.lang());
        return j.finding().values().containsKey(role + "_missing") ? "?" : "—";
    }

    private static String mark(Status s) {
        return TextVerdictRenderer.mark(s);
    }

    /** At most {@code n} display columns (a Chinese name is cut at half the characters of a Latin one). */
    private static String clip(String s, int n) {
        if (DisplayWidth.of(s) <= n) return s;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            String c = new String(Character.toChars(cp));
            if (DisplayWidth.of(b + c) > n - 1) break;
            b.append(c);
            i += Character.charCount(cp);
        }
        return b + "…";
    }

    private void row(String label, List<Verdict> verdicts, java.util.function.Function<Verdict, String> cell) {
        StringBuilder b = new StringBuilder(DisplayWidth.padRight(label, LABEL));
        verdicts.forEach(v -> b.append(DisplayWidth.padRight(cell.apply(v), CELL)));
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
