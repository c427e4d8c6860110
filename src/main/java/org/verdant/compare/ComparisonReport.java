package org.verdant.compare;

import org.verdant.text.DisplayWidth;
import org.verdant.text.Numbers;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.verdant.text.Json;
import org.verdant.text.Messages;
import org.verdant.plan.Assignment;

import java.util.List;

/** A {@link Comparison} as text (zh/en) or JSON ({@code verdant.diff/1}); what-if and diff share it. */
public final class ComparisonReport {
    public static final String FORMAT = "verdant.diff/1";
    /** Value lines shown per criterion in text; JSON has them all. */
    private static final int VALUE_LINES = 12;

    private final Messages m;
    /** The sides' sources, so a level's or figure's citation reads in the reader's language. */
    private final org.verdant.rulebook.Sources sources;
    private final StringBuilder out = new StringBuilder();

    private ComparisonReport(Messages m, org.verdant.rulebook.Sources sources) {
        this.m = m;
        this.sources = sources;
    }

    /** What the two sides are: a title, the column labels and, for a what-if, the changes made. */
    public record Heading(String title, String labelA, String labelB, List<Assignment> changes) {
    }

    public static String text(Comparison c, Heading h, Messages m) {
        return new ComparisonReport(m, c.a().sources().with(c.b().sources())).body(c, h);
    }

    private String body(Comparison c, Heading h) {
        line(h.title());
        line("");
        if (!h.changes().isEmpty()) {
            line(m.get("diff.changes"));
            h.changes().forEach(a -> line("  " + Assignment.options(List.of(a))));
            line("");
        }
        line(DisplayWidth.padRight(m.get("diff.result"), 28) + " " + DisplayWidth.padRight(h.labelA(), 22) + " " + h.labelB()); // by display width: CJK is 2 columns
        row(m.get("label.basic_requirements"), eligibility(c.a().eligible()), eligibility(c.b().eligible()), null);
        row(m.get("label.mandatory"), m.get(c.a().mandatoryMet() ? "label.all_met" : "label.not_all_met"),
                m.get(c.b().mandatoryMet() ? "label.all_met" : "label.not_all_met"), null);
        Double delta = c.scoreDelta();
        row(m.get("label.score"), Numbers.rounded(c.a().score(), 2, "—"), Numbers.rounded(c.b().score(), 2, "—"),
                delta == null ? null : Numbers.signed(delta, 2));
        row(m.get("label.grade"), c.a().grade() == null ? m.get("label.none") : c.a().grade(),
                c.b().grade() == null ? m.get("label.none") : c.b().grade(), null);
        line("");
        if (!c.inputsKnown()) {
            line(m.get("diff.inputs_unknown"));
        } else if (c.inputs().isEmpty()) {
            line(m.get("diff.inputs_same"));
        } else {
            line(m.get("diff.inputs", c.inputs().size()));
            c.inputs().forEach(l -> line("  " + l.path() + ": " + side(l.a()) + " → " + side(l.b())));
        }
        line("");
        if (c.items().isEmpty()) {
            line(m.get("diff.items_none", c.unchanged()));
        } else {
            line(m.get("diff.items", c.items().size(), c.unchanged()));
            for (Comparison.ItemChange i : c.items()) {
                String points = i.gate() ? "" : " " + Numbers.rounded(i.pointsA(), 4, "—") + "/" + Numbers.rounded(i.maxA(), 4, "—") + " → "
                        + Numbers.rounded(i.pointsB(), 4, "—") + "/" + Numbers.rounded(i.maxB(), 4, "—");
                String delta2 = i.gate() || Math.abs(i.pointsDelta()) < 1e-9 ? "" : "  (" + m.get("diff.points_delta", Numbers.signed(i.pointsDelta(), 4)) + ")";
                line("  " + i.id() + "  " + status(i.statusA()) + " → " + status(i.statusB()) + points + delta2 + "  " + i.name());
                int shown = 0;
                for (TreeDiff.Leaf l : i.values()) {
                    if (shown++ == VALUE_LINES) {
                        line("      " + m.get("diff.more", i.values().size() - VALUE_LINES));
                        break;
                    }
                    line("      " + valueName(l.path()) + colon() + value(l.path(), l.a()) + " → " + value(l.path(), l.b()));
                }
            }
        }
        List<Comparison.CategoryChange> cats = c.categories().stream()
                .filter(k -> k.weightedA() != null || k.weightedB() != null).toList();
        if (!cats.isEmpty()) {
            line("");
            line(m.get("diff.categories"));
            for (Comparison.CategoryChange k : cats) {
                double d = (k.weightedB() == null ? 0 : k.weightedB()) - (k.weightedA() == null ? 0 : k.weightedA());
                line(("  " + DisplayWidth.padRight(k.id(), 4) + " " + DisplayWidth.padRight(k.name(), 26) + " "
                        + DisplayWidth.padLeft(Numbers.rounded(k.weightedA(), 2, "—"), 8) + " → " + DisplayWidth.padRight(Numbers.rounded(k.weightedB(), 2, "—"), 8)
                        + " " + (Math.abs(d) < 5e-5 ? "" : Numbers.signed(d, 2))).stripTrailing());
            }
        }
        line("");
        if (c.parameters().isEmpty()) {
            line(m.get("diff.parameters_none", c.a().rulebookDigest()));
        } else {
            line(m.get("diff.parameters"));
            c.parameters().forEach(p -> line("  " + parameterName(p) + colon() + parameter(p, p.a(), p.figureA()) + " → " + parameter(p, p.b(), p.figureB())));
            boolean digestOnly = c.parameters().stream().allMatch(p -> p.what().equals("rulebook digest") || p.what().equals("engine"));
            if (digestOnly) line("  " + m.get("diff.digest_only"));
        }
        return out.toString();
    }

    public static String json(Comparison c, Heading h) {
        ObjectNode root = Json.NODES.objectNode();
        root.put("format", FORMAT);
        root.set("a", side(c.a(), h.labelA()));
        root.set("b", side(c.b(), h.labelB()));
        Double delta = c.scoreDelta();
        if (delta != null) root.put("score_delta", Numbers.round(delta, 4)); else root.putNull("score_delta");
        ArrayNode changes = root.putArray("changes");
        h.changes().forEach(a -> changes.add(a.text()));
        if (c.inputsKnown()) {
            ArrayNode inputs = root.putArray("inputs");
            c.inputs().forEach(l -> inputs.add(leaf(l)));
        } else {
            root.putNull("inputs");
        }
        ArrayNode items = root.putArray("items");
        for (Comparison.ItemChange i : c.items()) {
            ObjectNode o = items.addObject();
            o.put("id", i.id());
            o.put("name", i.name());
            o.put("gate", i.gate());
            o.set("a", state(i.statusA(), i.pointsA(), i.maxA()));
            o.set("b", state(i.statusB(), i.pointsB(), i.maxB()));
            if (!i.gate()) o.put("points_delta", Numbers.round(i.pointsDelta(), 4));
            ArrayNode values = o.putArray("values");
            i.values().forEach(l -> values.add(leaf(l)));
            ArrayNode causes = o.putArray("causes");
            for (Comparison.Cause cause : c.causes(i)) {
                ObjectNode k = causes.addObject();
                k.put("kind", cause.word());
                ArrayNode leaves = k.putArray("leaves");
                cause.leaves().forEach(l -> leaves.add(leaf(l)));
            }
        }
        root.put("unchanged", c.unchanged());
        ArrayNode cats = root.putArray("categories");
        for (Comparison.CategoryChange k : c.categories()) {
            if (k.weightedA() == null && k.weightedB() == null) continue;
            ObjectNode o = cats.addObject();
            o.put("id", k.id());
            o.put("name", k.name());
            Json.putRounded(o, "a", k.weightedA());
            Json.putRounded(o, "b", k.weightedB());
        }
        ArrayNode params = root.putArray("parameters");
        for (Comparison.ParameterChange p : c.parameters()) {
            ObjectNode o = params.addObject();
            o.put("what", p.what());
            o.put("a", p.a());
            o.put("b", p.b());
        }
        return Json.pretty(root);
    }

    private static ObjectNode side(VerdictView v, String label) {
        ObjectNode o = Json.NODES.objectNode();
        o.put("label", label);
        o.put("scheme", v.scheme());
        o.put("edition", v.edition());
        o.put("facility", v.facility());
        if (v.eligible() != null) o.put("eligible", v.eligible()); else o.putNull("eligible");
        o.put("mandatory_met", v.mandatoryMet());
        Json.putRounded(o, "score", v.score());
        o.put("grade", v.grade());
        o.put("rulebook_digest", v.rulebookDigest());
        o.put("input_digest", v.inputDigest());
        return o;
    }

    private static ObjectNode state(String status, Double points, Double max) {
        ObjectNode o = Json.NODES.objectNode();
        o.put("status", status);
        Json.putRounded(o, "points", points);
        Json.putRounded(o, "max", max);
        return o;
    }

    private static ObjectNode leaf(TreeDiff.Leaf l) {
        ObjectNode o = Json.NODES.objectNode();
        o.put("path", l.path());
        o.put("a", l.a());
        o.put("b", l.b());
        return o;
    }

    private String eligibility(Boolean eligible) {
        return m.get(eligible == null ? "label.undetermined" : eligible ? "label.conforms" : "label.not_conforms");
    }

    private String status(String code) {
        return code == null ? m.get("diff.absent") : m.get("status." + code);
    }

    /**
     * A compared value's path in words ({@code parts[0].ratio} → 产品部分[0] · 比例): each JSON key by
     * its diff.value.* name, indices as written; a key with no name (a newer verdict's) as written.
     */
    private String valueName(String path) {
        List<String> names = new java.util.ArrayList<>();
        for (String segment : path.split("\\.")) {
            int bracket = segment.indexOf('[');
            String key = bracket < 0 ? segment : segment.substring(0, bracket);
            String name = m.has("diff.value." + key) ? m.get("diff.value." + key) : key;
            names.add(name + (bracket < 0 ? "" : segment.substring(bracket)));
        }
        return String.join(m.get("diff.value.separator"), names);
    }

    /**
     * A compared value: where a level came from ({@code …_from}) in the reader's words and its citation ({@code …_source})
     * in the reader's language, a severity by its word; else as written.
     */
    private String value(String path, String value) {
        if (value == null) return m.get("diff.absent");
        String key = path.substring(path.lastIndexOf('.') + 1).replaceFirst("\\[.*$", "");
        if (key.endsWith("_from") || key.endsWith("_source")) return org.verdant.verdict.Provenance.shown(value, m, sources);
        if (key.equals("severity") && m.has("word." + value)) return m.get("word." + value);
        // a computation's figures as people write them (8.6e6 m3 → 860 万 m3), as the verdict's text writes them
        if (key.equals("computation")) return Numbers.inText(value, m.lang());
        return value;
    }

    /**
     * A rulebook row that differs as one line in the reader's language (名称：A → B): its name in
     * words, a figure's value with its status in words, a citation in the reader's language.
     */
    public static String parameterLine(Comparison.ParameterChange p, Messages m, org.verdant.rulebook.Sources sources) {
        ComparisonReport r = new ComparisonReport(m, sources == null ? org.verdant.rulebook.Sources.NONE : sources);
        return r.parameterName(p) + r.colon() + r.parameter(p, p.a(), p.figureA()) + " → " + r.parameter(p, p.b(), p.figureB());
    }

    /** What a rulebook row is, in words: a figure or part by its code, the others named. */
    private String parameterName(Comparison.ParameterChange p) {
        return switch (p.kind()) {
            case SCHEME -> m.get("diff.param.scheme");
            case EDITION -> m.get("diff.param.edition");
            case GRADING -> m.get("diff.param.grading");
            case DIGEST -> m.get("diff.param.digest");
            case ENGINE -> m.get("diff.param.engine");
            case FIGURE_SOURCE -> m.get("diff.param.figure_source", p.figureA().ref());
            case PART, FIGURE -> p.what();
        };
    }

    /** One side of a rulebook row: a figure's value and its status in words, a part present without a version in words. */
    private String parameter(Comparison.ParameterChange p, String value, VerdictView.Figure figure) {
        if (value == null) return m.get("diff.absent");
        if (p.kind() == Comparison.ParameterChange.Kind.FIGURE && figure != null) {
            return figure.value() + (figure.unit() == null ? "" : " " + figure.unit()) + m.get("diff.figure_status", statusWord(figure.status()));
        }
        if (p.kind() == Comparison.ParameterChange.Kind.PART && value.equals("yes")) return m.get("diff.part_present");
        if (p.kind() == Comparison.ParameterChange.Kind.FIGURE_SOURCE) return sources.in(value, m.lang());
        return value;
    }

    /** A figure's status in words, as the report writes it (暂定, 占位, 已核实). */
    private String statusWord(String status) {
        String key = "verified".equals(status) ? "doc.verified" : "word." + status;
        return m.has(key) ? m.get(key) : status;
    }

    private String colon() {
        return "en".equals(m.lang()) ? ": " : "：";
    }

    private String side(String value) {
        return value == null ? m.get("diff.absent") : value;
    }

    private void row(String label, String a, String b, String note) {
        line((DisplayWidth.padRight("  " + label, 28) + " " + DisplayWidth.padRight(a, 22) + " " + b + (note == null ? "" : "  (" + note + ")")).stripTrailing());
    }

    private void line(String s) {
        out.append(s).append('\n');
    }
}
