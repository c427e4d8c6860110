package org.verdant.report;

import org.verdant.text.DisplayWidth;
import org.verdant.text.Numbers;
import org.verdant.text.Messages;
import org.verdant.findings.Status;
import org.verdant.rulebook.Scorecard;
import org.verdant.verdict.DataToCollect;
import org.verdant.verdict.Verdict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One submission's verdicts under several editions, side by side: what an enterprise listed
 * under the old edition needs to see when it re-benchmarks against the new one.
 */
public final class EditionComparison {
    /** Columns (display width, CJK = 2) of the row labels and of each edition's cells. */
    private static final int LABEL = 26;
    private static final int CELL = 22;
    private final StringBuilder out = new StringBuilder();
    private final Messages m;

    private EditionComparison(Messages m) {
        this.m = m;
    }

    /** {@code verdicts} oldest edition first; the last is the one to move to. */
    public static String render(List<Verdict> verdicts, Messages m) {
        return new EditionComparison(m).body(verdicts);
    }

    private String body(List<Verdict> verdicts) {
        Verdict first = verdicts.get(0);
        Verdict last = verdicts.get(verdicts.size() - 1);
        line(m.get("cmp.title") + " — " + first.submission().facility().name());
        line("");
        StringBuilder header = new StringBuilder(DisplayWidth.padRight("", LABEL));
        verdicts.forEach(v -> header.append(DisplayWidth.padRight(v.scorecard().edition(), CELL)));
        line(header.toString().stripTrailing());
        row(m.get("label.basic_requirements"), verdicts, v -> m.get(v.isEligible() ? "label.conforms" : "label.not_conforms"));
        // only where an edition has mandatory requirements (GB/T 36132-2025 has none)
        if (verdicts.stream().anyMatch(v -> v.scorecard().hasMandatoryRequirements())) {
            row(m.get("label.mandatory"), verdicts, v -> !v.scorecard().hasMandatoryRequirements() ? m.get("label.mandatory.none")
                    : m.get(v.mandatoryMet() ? "label.all_met" : "label.not_all_met"));
        }
        row(m.get("label.score"), verdicts, v -> num(v.score(), 2) + " / 100");
        for (Verdict v : verdicts) {
            line("");
            line(m.get("cmp.dimensions", v.scorecard().edition()));
            for (Verdict.CategoryResult c : v.categories()) {
                line("  " + DisplayWidth.padRight(c.spec().id(), 4) + " " + DisplayWidth.padRight(c.spec().name().in(m.lang()), 24) + " "
                        + num(c.weighted(), 2) + " / " + num(c.spec().weight().number(), 2));
            }
            List<String> gatesNotPassed = v.gates().stream()
                    .filter(g -> g.finding().status() != Status.MET && g.finding().status() != Status.NOT_APPLICABLE)
                    .map(g -> g.id() + " (" + m.get("status." + g.finding().status().code()) + ")").toList();
            if (!gatesNotPassed.isEmpty()) line("  " + m.get("cmp.gates_not_passed") + ": " + String.join(", ", gatesNotPassed));
        }
        line("");
        line(m.get("cmp.same_indicator"));
        for (Verdict.Judged newer : last.criteria()) {
            Set<String> indicators = indicators(last.scorecard(), newer.id());
            if (indicators.isEmpty()) continue;
            for (Verdict.Judged older : first.criteria()) {
                Set<String> shared = new TreeSet<>(indicators(first.scorecard(), older.id()));
                shared.retainAll(indicators);
                if (shared.isEmpty()) continue;
                double was = share(older);
                double now = share(newer);
                String trend = now > was + 1e-9 ? m.get("cmp.gains") : now < was - 1e-9 ? m.get("cmp.loses") : m.get("cmp.same");
                line(String.format("  %-30s %-7s %6s %%  →  %-4s %6s %%  %s", String.join(", ", shared), older.id(),
                        num(was * 100, 1), newer.id(), num(now * 100, 1), trend));
            }
        }
        line("");
        line(m.get("cmp.points_not_given", last.scorecard().edition()));
        last.criteria().stream()
                .filter(j -> j.finding().points() < j.finding().max())
                .sorted(Comparator.comparingDouble((Verdict.Judged j) -> j.finding().points() - j.finding().max()).thenComparing(Verdict.Judged::id))
                .forEach(j -> line("  −" + num(j.finding().max() - j.finding().points(), 4) + "  " + j.id() + " "
                        + j.name().in(m.lang()) + " (" + m.get("status." + j.finding().status().code()) + ")"));
        List<DataToCollect.Item> collect = DataToCollect.of(last, m);
        if (!collect.isEmpty()) {
            line("");
            line(m.get("cmp.data_to_collect", last.scorecard().edition()));
            collect.forEach(i -> line("  " + i.id() + ": " + i.fields().stream().map(x -> m.get("phrase.as_is", x)).collect(java.util.stream.Collectors.joining("; "))));
        }
        line("");
        line(m.get("cmp.footer"));
        return out.toString();
    }

    /** The indicators a criterion is computed from (both tiers' in 2018, every form's in 2025). */
    private static Set<String> indicators(Scorecard s, String id) {
        Set<String> out = new TreeSet<>();
        s.criteria().stream().filter(c -> c.id().equals(id)).findFirst().ifPresent(c -> {
            if (c.indicator() != null) out.add(c.indicator());
            c.forms().forEach(f -> out.add(f.indicator()));
        });
        return out;
    }

    private static double share(Verdict.Judged j) {
        return j.finding().max() == 0 ? 0 : j.finding().points() / j.finding().max();
    }

    private void row(String label, List<Verdict> verdicts, java.util.function.Function<Verdict, String> cell) {
        StringBuilder b = new StringBuilder(DisplayWidth.padRight(label, LABEL));
        verdicts.forEach(v -> b.append(DisplayWidth.padRight(cell.apply(v), CELL)));
        line(b.toString().stripTrailing());
    }

    private static String num(double d, int places) {
        return Numbers.round(d, places).toPlainString();
    }

    private void line(String s) {
        out.append(s).append('\n');
    }
}
