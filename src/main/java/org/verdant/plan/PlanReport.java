package org.verdant.plan;

import org.verdant.text.Numbers;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.verdant.text.Json;
import org.verdant.text.Messages;

import java.util.ArrayList;
import java.util.List;

/** A {@link Plan} as text (zh/en) or JSON ({@code verdant.plan/1}). */
public final class PlanReport {
    public static final String FORMAT = "verdant.plan/1";

    private final Messages m;
    private final StringBuilder out = new StringBuilder();

    private PlanReport(Messages m) {
        this.m = m;
    }

    public static String text(Plan p, Messages m) {
        return new PlanReport(m).body(p);
    }

    private String body(Plan p) {
        line(m.get("plan.title") + " — " + p.facility() + " (" + p.edition() + ")");
        line(m.get("plan.now") + ": " + state(p.now(), p.scored()));
        line("");
        if (p.blockers().isEmpty() && p.open().stream().noneMatch(Plan.Open::blocking)) {
            line(m.get("plan.blockers_none"));
        } else {
            line(m.get("plan.blockers"));
            for (Plan.Step s : p.blockers()) step(s, null, p.scored());
            for (Plan.Open o : p.open()) if (o.blocking()) open(o);
        }
        line("");
        if (p.changes().isEmpty()) {
            line(m.get(p.scored() ? "plan.changes_none" : "plan.changes_unscored_none"));
        } else {
            line(m.get(p.scored() ? "plan.changes_one_year" : "plan.changes_unscored_one_year"));
            if (p.scored()) line("  " + m.get("plan.rank_effort"));
            int n = 1;
            for (Plan.Step s : p.changes()) step(s, n++, p.scored());
        }
        if (!p.longTerm().isEmpty()) {
            line("");
            line(m.get("plan.long_term"));
            for (Plan.Step s : p.longTerm()) step(s, null, p.scored());
        }
        List<Plan.Open> notPlanned = p.open().stream().filter(o -> !o.blocking()).toList();
        if (!notPlanned.isEmpty()) {
            line("");
            line(m.get("plan.open"));
            notPlanned.forEach(this::open);
        }
        if (p.target() != null) target(p, p.target());
        if (!p.warnings().isEmpty()) {
            line("");
            line(m.get("plan.warnings"));
            for (Plan.Phrase w : p.warnings()) line("  - " + render(w));
        }
        return out.toString();
    }

    private void step(Plan.Step s, Integer rank, boolean scored) {
        boolean moves = scored && s.gain() != null && Math.abs(s.gain()) >= 5e-5;
        String gain = moves ? Numbers.signed(s.gain(), 2) + "  " : "";
        String head = (rank == null ? "  " : String.format("  %2d. ", rank)) + gain + s.id() + "  " + s.name().in(m.lang());
        line(head);
        line("      " + render(s.action()));
        if (s.figure() != null) line("      " + render(capPhrase(s)));
        if (s.marginal() != null && scored) line("      " + render(marginalPhrase(s.marginal())));
        if (s.next() != null) line("      " + render(nextPhrase(s.next())));
        if (!s.changes().isEmpty()) line("      " + Assignment.options(s.changes()));
        String outcome = s.max() > 0
                ? m.get("plan.outcome", status(s.statusBefore()), status(s.statusAfter()), Numbers.rounded(s.pointsBefore(), 4, "—"),
                Numbers.rounded(s.pointsAfter(), 4, "—"), Numbers.rounded(s.max(), 4, "—"))
                : m.get("plan.outcome_gate", status(s.statusBefore()), status(s.statusAfter()));
        String total = moves
                ? "; " + m.get("plan.total", Numbers.rounded(s.scoreBefore(), 2, "—"), Numbers.rounded(s.scoreAfter(), 2, "—")) : "";
        String perEffort = moves && rank != null && s.gainPerEffort() != null
                ? "; " + m.get("plan.per_effort", Numbers.format(s.effortUnits()), Numbers.signed(s.gainPerEffort(), 2)) : "";
        line("      → " + outcome + total + perEffort + "  [" + m.get(s.verified() ? "plan.verified" : "plan.not_verified") + "]");
    }

    /** How much of its one-year cap the change uses, or that it needs more (a long-term target). */
    static Plan.Phrase capPhrase(Plan.Step s) {
        Plan.Figure f = s.figure();
        double change = f.from() == 0 ? 0 : Math.abs(f.to() - f.from()) / Math.abs(f.from()) * 100;
        String changed = f.cap().endsWith("%") ? Numbers.format(Numbers.round(change, 1).doubleValue()) + " %"
                : Numbers.format(Math.abs(f.to() - f.from()));
        return Plan.Phrase.of(s.longTerm() ? "plan.cap.beyond" : "plan.cap.within", new Plan.Field(f.path()), changed, f.cap(), f.capStatus());
    }

    static Plan.Phrase marginalPhrase(Plan.Marginal g) {
        return Plan.Phrase.of(g.up() ? "plan.marginal.up" : "plan.marginal.down", new Plan.Field(g.path()), Numbers.signed(g.gain(), 2),
                new Plan.Amount(g.before(), g.unit()), new Plan.Amount(g.after(), g.unit()));
    }

    static Plan.Phrase nextPhrase(Plan.Threshold t) {
        String key = "%".equals(t.unit()) ? "plan.next.points" : t.percent() == null ? "plan.next.no_percent" : "plan.next";
        return Plan.Phrase.of(key, Plan.Phrase.of("plan.level." + t.level()),
                new Plan.Amount(t.value(), t.unit()), new Plan.Amount(t.current(), t.unit()),
                "%".equals(t.unit()) ? new Plan.Amount(t.distance(), "") : new Plan.Amount(t.distance(), t.unit()),
                t.percent() == null ? "" : Numbers.format(Numbers.round(t.percent(), 1).doubleValue()));
    }

    private void open(Plan.Open o) {
        line("  " + o.id() + "  " + o.name().in(m.lang()) + " (" + status(o.status()) + ")");
        line("      " + render(o.why()));
    }

    private void target(Plan p, Plan.Target t) {
        line("");
        line(m.get("plan.target", t.asked(), render(t.goal())));
        if (t.reachable() && t.steps().isEmpty()) {
            line("  " + m.get("plan.target.reached_now"));
        } else if (t.reachable()) {
            line("  " + m.get("plan.target.reachable", t.steps().size(), String.join(", ", t.steps().stream().map(Plan.Step::id).toList()),
                    state(t.reached(), true)));
        } else {
            line("  " + render(t.why()));
            if (!t.steps().isEmpty()) {
                line("  " + m.get("plan.target.with_all", String.join(", ", t.steps().stream().map(Plan.Step::id).toList()),
                        state(t.reached(), true)));
            }
        }
        if (!t.steps().isEmpty()) {
            line("  " + m.get("plan.target.command"));
            line("    ./verdant what-if " + Assignment.quote(p.file()) + " " + Assignment.options(Planner.changesOf(t.steps()))
                    + (p.now().gradingTable() == null ? "" : " --grading " + p.now().gradingTable()));
        }
        line("  " + m.get("plan.target.rule"));
    }

    private String state(Plan.State s, boolean scored) {
        List<String> parts = new ArrayList<>();
        parts.add(m.get("label.basic_requirements") + ": " + m.get(s.eligible() == null ? "label.undetermined"
                : s.eligible() ? "label.conforms" : "label.not_conforms"));
        if (s.hasMandatory()) parts.add(m.get("label.mandatory") + ": " + m.get(s.mandatoryMet() ? "label.all_met" : "label.not_all_met"));
        if (scored) parts.add(m.get("label.score") + ": " + Numbers.rounded(s.score(), 2, "—"));
        if (s.gradingTable() != null) parts.add(m.get("label.grade") + ": " + (s.grade() == null ? m.get("label.none") : s.grade()));
        return String.join("; ", parts);
    }

    private String status(String code) {
        return m.get("status." + code);
    }

    /** A phrase in the reader's language (for other renderers of a plan, e.g. the evaluation report). */
    public static String phrase(Plan.Phrase phrase, Messages m) {
        return new PlanReport(m).render(phrase);
    }

    /**
     * A phrase in the reader's language; phrase arguments (a finding's reason, say) are rendered
     * first, a field by its label, a figure as Verdant prints numbers.
     */
    String render(Plan.Phrase phrase) {
        Object[] args = phrase.args().stream().map(this::argument).toArray();
        return m.get(phrase.key(), args).strip();
    }

    private Object argument(Object a) {
        if (a instanceof Plan.Phrase inner) return render(inner);
        if (a instanceof Plan.Phrases list) return String.join(m.get("plan.list_separator"), list.items().stream().map(this::render).toList());
        if (a instanceof Plan.Field f) return label(f.path(), m);
        if (a instanceof Plan.Amount n) return Numbers.show(n.value(), n.unit());
        if (a instanceof org.verdant.text.Text t) return t.in(m.lang()); // a problem's message, say
        return a;
    }

    /**
     * A submission field by its label ({@code field.<path>}, list items generalised: products[].energy);
     * a park's stated indicator by its id; the path itself only for a field no label names.
     */
    public static String label(String path, Messages m) {
        String key = "field." + PlannerConfig.key(path);
        if (m.has(key)) return m.get(key);
        java.util.regex.Matcher stated = java.util.regex.Pattern.compile("park\\.years\\[\\d*]\\.indicators\\.([\\w-]+)").matcher(path);
        if (stated.matches()) return m.get("field.park_indicator", stated.group(1));
        return path;
    }

    private void line(String s) {
        out.append(s).append('\n');
    }

    // ---- JSON ----

    public static String json(Plan p, Messages m) {
        PlanReport r = new PlanReport(m);
        ObjectNode root = Json.NODES.objectNode();
        root.put("format", FORMAT);
        root.put("scheme", p.scheme());
        root.put("edition", p.edition());
        root.put("facility", p.facility());
        root.put("lang", m.lang());
        root.put("input", java.nio.file.Path.of(p.file()).getFileName().toString());
        root.set("now", state(p.now()));
        ArrayNode blockers = root.putArray("blockers");
        p.blockers().forEach(s -> blockers.add(r.step(s)));
        ArrayNode changes = root.putArray("changes");
        p.changes().forEach(s -> changes.add(r.step(s)));
        ArrayNode longTerm = root.putArray("long_term");
        p.longTerm().forEach(s -> longTerm.add(r.step(s)));
        ArrayNode open = root.putArray("open");
        for (Plan.Open o : p.open()) {
            ObjectNode n = open.addObject();
            n.put("id", o.id());
            n.put("name", o.name().in(m.lang()));
            n.put("status", o.status());
            n.put("blocking", o.blocking());
            n.put("why", r.render(o.why()));
        }
        if (p.target() != null) {
            Plan.Target t = p.target();
            ObjectNode n = root.putObject("target");
            n.put("asked", t.asked());
            n.put("goal", r.render(t.goal()));
            n.put("reachable", t.reachable());
            ArrayNode ids = n.putArray("changes");
            t.steps().forEach(s -> ids.add(s.id()));
            ArrayNode set = n.putArray("set");
            Planner.changesOf(t.steps()).forEach(a -> set.add(a.text()));
            if (t.reached() != null) n.set("reached", state(t.reached())); else n.putNull("reached");
            if (t.why() != null) n.put("why", r.render(t.why())); else n.putNull("why");
            n.put("rule", m.get("plan.target.rule"));
            ArrayNode needed = n.putArray("long_term_needed");
            t.longTermNeeded().forEach(needed::add);
        } else {
            root.putNull("target");
        }
        ArrayNode warnings = root.putArray("warnings");
        p.warnings().forEach(w -> warnings.add(r.render(w)));
        return Json.pretty(root);
    }

    private ObjectNode step(Plan.Step s) {
        ObjectNode n = Json.NODES.objectNode();
        n.put("id", s.id());
        n.put("name", s.name().in(m.lang()));
        n.put("type", s.type());
        n.put("action", render(s.action()));
        ArrayNode set = n.putArray("set");
        s.changes().forEach(a -> set.add(a.text()));
        ObjectNode before = n.putObject("before");
        before.put("status", s.statusBefore());
        before.put("points", Numbers.round(s.pointsBefore(), 4));
        ObjectNode after = n.putObject("after");
        after.put("status", s.statusAfter());
        after.put("points", Numbers.round(s.pointsAfter(), 4));
        n.put("max", Numbers.round(s.max(), 4));
        Json.putRounded(n, "score_before", s.scoreBefore());
        Json.putRounded(n, "score_after", s.scoreAfter());
        Json.putRounded(n, "gain", s.gain());
        n.put("verified", s.verified());
        n.put("effort", s.effort().name().toLowerCase());
        n.put("effort_units", Numbers.round(s.effortUnits(), 4));
        Json.putRounded(n, "gain_per_effort", s.gainPerEffort());
        n.put("long_term", s.longTerm());
        if (s.figure() != null) {
            Plan.Figure f = s.figure();
            ObjectNode fig = n.putObject("figure");
            fig.put("path", f.path());
            fig.put("label", label(f.path(), m));
            fig.put("from", Numbers.round(f.from(), 6));
            fig.put("to", Numbers.round(f.to(), 6));
            fig.put("unit", f.unit());
            fig.put("cap", f.cap());
            fig.put("cap_key", f.capKey());
            fig.put("cap_status", f.capStatus());
            fig.put("cap_share", Numbers.round(f.share(), 4));
            fig.put("text", render(capPhrase(s)));
        } else {
            n.putNull("figure");
        }
        if (s.marginal() != null) {
            Plan.Marginal g = s.marginal();
            ObjectNode mg = n.putObject("marginal");
            mg.put("path", g.path());
            mg.put("direction", g.up() ? "up" : "down");
            mg.put("percent", 1);
            mg.put("gain", Numbers.round(g.gain(), 4));
            mg.put("indicator_before", Numbers.round(g.before(), 6));
            mg.put("indicator_after", Numbers.round(g.after(), 6));
            mg.put("text", render(marginalPhrase(g)));
        } else {
            n.putNull("marginal");
        }
        if (s.next() != null) {
            Plan.Threshold t = s.next();
            ObjectNode nx = n.putObject("next_threshold");
            nx.put("level", t.level());
            nx.put("value", Numbers.round(t.value(), 6));
            nx.put("current", Numbers.round(t.current(), 6));
            nx.put("unit", t.unit());
            nx.put("distance", Numbers.round(t.distance(), 6));
            Json.putRounded(nx, "percent", t.percent());
            nx.put("text", render(nextPhrase(t)));
        } else {
            n.putNull("next_threshold");
        }
        return n;
    }

    private static ObjectNode state(Plan.State s) {
        ObjectNode n = Json.NODES.objectNode();
        if (s.eligible() != null) n.put("eligible", s.eligible()); else n.putNull("eligible");
        n.put("mandatory_met", s.mandatoryMet());
        Json.putRounded(n, "score", s.score());
        n.put("grade", s.grade());
        n.put("grading", s.gradingTable());
        return n;
    }
}
