package org.verdant.compare;

import com.fasterxml.jackson.databind.JsonNode;
import org.verdant.text.Json;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What differs between an archived verdict and a re-run of the same submission: identical bytes,
 * or each difference that matters to a reader (rulebook digest, engine version, edition,
 * eligibility, score, grade, category scores, and the status and points of every gate and
 * criterion), with anything else summed up as wording.
 */
public final class VerdictComparison {

    /** One difference: what, its archived value and its value now ("—" for absent). */
    public record Difference(String what, String archived, String now) {
        @Override
        public String toString() {
            return what + ": " + archived + " → " + now;
        }
    }

    /** The outcome: identical means byte-identical verdict JSON. */
    public record Result(boolean identical, List<Difference> differences) {
    }

    private VerdictComparison() {
    }

    public static Result compare(String archivedJson, String nowJson) {
        if (archivedJson.equals(nowJson)) return new Result(true, List.of());
        JsonNode a = parse(archivedJson);
        JsonNode b = parse(nowJson);
        List<Difference> out = new ArrayList<>();
        field(out, "rulebook digest", a.path("rulebook").path("digest"), b.path("rulebook").path("digest"));
        field(out, "engine version", a.path("engine").path("version"), b.path("engine").path("version"));
        field(out, "input digest", a.path("input").path("digest"), b.path("input").path("digest"));
        field(out, "edition", a.path("edition"), b.path("edition"));
        field(out, "eligible", a.path("eligible"), b.path("eligible"));
        field(out, "mandatory_met", a.path("mandatory_met"), b.path("mandatory_met"));
        field(out, "score", a.path("score"), b.path("score"));
        field(out, "grade", a.path("grade"), b.path("grade"));
        Map<String, JsonNode> ca = byId(a.path("categories"));
        Map<String, JsonNode> cb = byId(b.path("categories"));
        for (String id : union(ca, cb)) {
            field(out, "category " + id + " score", ca.getOrDefault(id, missing()).path("score"), cb.getOrDefault(id, missing()).path("score"));
        }
        judged(out, "gate", byId(a.path("gates")), byId(b.path("gates")));
        judged(out, "criterion", byId(a.path("criteria")), byId(b.path("criteria")));
        int wa = a.path("warnings").size();
        int wb = b.path("warnings").size();
        if (wa != wb) out.add(new Difference("warnings", String.valueOf(wa), String.valueOf(wb)));
        if (out.isEmpty()) {
            out.add(new Difference("wording", "the verdict JSON differs in text only (names, reasons, warnings or files listed)", "see the JSON"));
        }
        return new Result(false, out);
    }

    private static void judged(List<Difference> out, String kind, Map<String, JsonNode> a, Map<String, JsonNode> b) {
        for (String id : union(a, b)) {
            JsonNode x = a.get(id);
            JsonNode y = b.get(id);
            if (x == null || y == null) {
                out.add(new Difference(kind + " " + id, x == null ? "—" : "present", y == null ? "—" : "present"));
                continue;
            }
            field(out, kind + " " + id + " status", x.path("status"), y.path("status"));
            field(out, kind + " " + id + " points", x.path("points"), y.path("points"));
            field(out, kind + " " + id + " max", x.path("max"), y.path("max"));
        }
    }

    private static void field(List<Difference> out, String what, JsonNode a, JsonNode b) {
        String x = text(a);
        String y = text(b);
        if (!Objects.equals(x, y)) out.add(new Difference(what, x, y));
    }

    private static String text(JsonNode n) {
        if (n.isMissingNode()) return "—";
        if (n.isNull()) return "null";
        if (n.isNumber()) return plain(n.decimalValue()).toPlainString();
        return n.asText();
    }

    private static Map<String, JsonNode> byId(JsonNode array) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        for (JsonNode n : array) m.put(n.path("id").asText(), n);
        return m;
    }

    private static List<String> union(Map<String, JsonNode> a, Map<String, JsonNode> b) {
        List<String> ids = new ArrayList<>(a.keySet());
        for (String id : b.keySet()) if (!a.containsKey(id)) ids.add(id);
        return ids;
    }

    private static JsonNode missing() {
        return MissingNode.getInstance();
    }

    /** 90.50 → 90.5, 100.0 → 100: a figure as the archive lists it. */
    private static java.math.BigDecimal plain(java.math.BigDecimal d) {
        java.math.BigDecimal b = d.stripTrailingZeros();
        return b.scale() < 0 ? b.setScale(0) : b;
    }

    private static JsonNode parse(String json) {
        try {
            return Json.read(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
