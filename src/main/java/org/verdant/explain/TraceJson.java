package org.verdant.explain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.verdant.text.Messages;
import org.verdant.verdict.Verdict;
import org.verdant.verdict.VerdictJson;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.verdant.verdict.VerdictJson.NODES;
import static org.verdant.verdict.VerdictJson.value;

/** Traces as JSON: the {@code trace} object of a gate or criterion, and what {@code verdant explain --format json} prints. */
public final class TraceJson {
    public static final String EXPLAIN_FORMAT = "verdant.explain/1";

    private TraceJson() {
    }

    /** Every trace as the node the verdict writer puts under its gate or criterion. */
    public static Map<String, JsonNode> nodes(Map<String, Trace> traces) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        traces.forEach((id, t) -> out.put(id, trace(t)));
        return out;
    }

    /** The chosen gates and criteria with their traces. */
    public static String explain(Verdict v, List<Verdict.Judged> chosen, Map<String, Trace> traces, Messages m) {
        ObjectNode root = NODES.objectNode();
        root.put("format", EXPLAIN_FORMAT);
        root.put("scheme", v.scorecard().scheme());
        root.put("edition", v.scorecard().edition());
        root.put("lang", m.lang());
        ObjectNode input = root.putObject("input");
        input.put("file", Path.of(v.submission().file()).getFileName().toString());
        input.put("digest", v.inputDigest());
        ArrayNode criteria = root.putArray("criteria");
        for (Verdict.Judged j : chosen) criteria.add(VerdictJson.judged(j, m, !"gate".equals(j.category()), trace(traces.get(j.id()))));
        return VerdictJson.text(root);
    }

    static ObjectNode trace(Trace t) {
        ObjectNode o = NODES.objectNode();
        ArrayNode rules = o.putArray("rules");
        for (Trace.RuleUse r : t.rules()) {
            ObjectNode x = rules.addObject().put("role", r.role()).put("rule", r.rule());
            if (r.at() != null) x.put("at", r.at());
        }
        ArrayNode inputs = o.putArray("inputs");
        for (Trace.Input i : t.inputs()) inputs.addObject().put("path", i.path()).put("value", i.value()).put("at", i.at());
        ArrayNode derived = o.putArray("derived");
        for (Trace.Derived d : t.derived()) {
            ObjectNode x = derived.addObject();
            if (d.label() != null) x.put("label", d.label());
            if (d.formula() != null) x.put("formula", d.formula());
            x.put("computation", d.computation());
        }
        ArrayNode levels = o.putArray("levels");
        for (Trace.Level l : t.levels()) {
            ObjectNode x = levels.addObject();
            if (l.label() != null) x.put("label", l.label());
            x.put("role", l.role());
            x.set("value", value(l.value()));
            if (l.unit() != null) x.put("unit", l.unit());
            x.put("from", l.from());
            if (l.source() != null) x.put("source", l.source());
        }
        ArrayNode figures = o.putArray("figures");
        for (Trace.FigureUse f : t.figures()) {
            ObjectNode x = figures.addObject();
            x.put("ref", f.ref());
            x.set("value", value(f.value()));
            if (f.unit() != null) x.put("unit", f.unit());
            x.put("status", f.status());
            x.put("source", f.source());
            if (f.clause() != null) x.put("clause", f.clause());
            if (f.at() != null) x.put("at", f.at());
        }
        ArrayNode missing = o.putArray("missing");
        t.missing().forEach(missing::add);
        ArrayNode points = o.putArray("points");
        t.points().forEach(points::add);
        return o;
    }

}
