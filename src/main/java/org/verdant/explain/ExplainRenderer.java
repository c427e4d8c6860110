package org.verdant.explain;

import org.verdant.text.Numbers;
import org.verdant.text.Messages;
import org.verdant.report.Origins;
import org.verdant.report.TextVerdictRenderer;
import org.verdant.facts.Derive;
import org.verdant.findings.Finding;
import org.verdant.verdict.Verdict;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Stage 5 (explanations, for people): the traces of the chosen criteria as text. */
public final class ExplainRenderer {
    private final Messages m;
    private final StringBuilder out = new StringBuilder();

    private ExplainRenderer(Messages m) {
        this.m = m;
    }

    /** The verdict's sources: each figure's source in the reader's language. */
    private org.verdant.rulebook.Sources sources = org.verdant.rulebook.Sources.NONE;

    public static String render(Verdict v, List<Verdict.Judged> chosen, Map<String, Trace> traces, Messages m) {
        ExplainRenderer r = new ExplainRenderer(m);
        r.sources = v.sources();
        r.line(m.get("trace.title") + " — " + v.submission().facility().name() + " — " + v.scorecard().title().in(m.lang()) + " "
                + v.scorecard().edition() + " — " + Path.of(v.submission().file()).getFileName());
        for (Verdict.Judged j : chosen) r.criterion(j, traces.get(j.id()));
        return r.out.toString();
    }

    private void criterion(Verdict.Judged j, Trace t) {
        Finding f = j.finding();
        boolean gate = "gate".equals(j.category());
        String kind = gate ? m.get("type.gate") + ("gate".equals(j.type()) ? "" : ", " + m.get("gate_kind." + j.type()))
                : m.get("type." + j.type());
        String points = gate || "threshold".equals(j.type()) ? ""
                : "  " + TextVerdictRenderer.num(f.points()) + "/" + TextVerdictRenderer.num(f.max()) + " " + m.get("label.points");
        line("");
        line(TextVerdictRenderer.mark(f.status()) + " " + j.id() + " " + m.get("status." + f.status().code()) + "  " + kind + points
                + "  " + j.name().in(m.lang()) + "  [" + j.clause() + "]");
        line("    " + m.get(f.reasonKey(), f.reasonArgs()));
        // a DRL rule's name is English; Chinese names the rule by where it stands (file:line), a code like a clause
        section("trace.rules", t.rules().stream().map(r -> r.at() == null ? m.get("trace.rule." + r.role() + ".named", r.rule())
                : m.get("trace.rule." + r.role() + ".at", r.rule(), r.at())).toList());
        section("trace.inputs", t.inputs().stream().map(i -> i.path() + " = " + people(i.value()) + "  (" + i.at() + ")").toList());
        if (!t.derived().isEmpty()) {
            line("  " + m.get("trace.derived"));
            for (Trace.Derived d : t.derived()) {
                String label = d.label() == null ? "" : d.label() + ": ";
                if (d.formula() != null) {
                    line("    " + label + d.formula());
                    line("      " + people(d.computation()));
                } else {
                    line("    " + label + people(d.computation()));
                }
            }
        }
        section("trace.levels", t.levels().stream().map(l -> (l.label() == null ? "" : l.label() + ": ") + m.get("word." + l.role())
                + " " + Numbers.showForPeople(l.value(), l.unit(), m.lang()) + " — " + people(Origins.shown(l.from(), m, sources)) + (l.source() == null ? "" : "; " + people(Origins.shown(l.source(), m, sources)))).toList());
        section("trace.figures", t.figures().stream().map(fig -> fig.ref() + " = " + shown(fig.value()) + (fig.unit() == null ? "" : " " + fig.unit())
                + " [" + statusWord(fig.status()) + "] — " + Origins.shown(fig.source(), m, sources) + (fig.clause() == null ? "" : "; " + fig.clause())
                + (fig.at() == null ? "" : "  (" + fig.at() + ")")).toList());
        section("trace.missing", t.missing());
        section("trace.points", t.points());
        if (!f.evidence().isEmpty()) line("  " + m.get("label.evidence") + ": " + String.join("; ", f.evidence()));
    }

    private String shown(Object figureValue) {
        return figureValue instanceof Number n ? Numbers.forPeople(n.doubleValue(), m.lang()) : String.valueOf(figureValue);
    }

    /** A value or computation as the submission or a rule wrote it, its stand-alone figures as people write them. */
    private String people(Object text) {
        return text == null ? "null" : Numbers.inText(String.valueOf(text), m.lang());
    }

    /** A figure's status (verified, provisional, placeholder) in words. */
    private String statusWord(String status) {
        if (status == null) return "—";
        String key = "verified".equals(status) ? "doc.verified" : "word." + status;
        return m.has(key) ? m.get(key) : status;
    }

    private void section(String title, List<String> lines) {
        if (lines.isEmpty()) return;
        line("  " + m.get(title));
        lines.forEach(l -> line("    " + l));
    }

    private void line(String s) {
        out.append(s).append('\n');
    }
}
