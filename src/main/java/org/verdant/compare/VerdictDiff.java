package org.verdant.compare;

import com.fasterxml.jackson.databind.JsonNode;
import org.verdant.text.Json;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What differs between two JSON verdicts (verdant.verdict/1), in the terms a reviewer cares
 * about: the headline (eligibility, score, grade), each gate's and criterion's status and points
 * before → after, and which other parts differ (warnings, rulebook, engine, …).
 */
public record VerdictDiff(List<Change> headline, List<CriterionChange> criteria, List<String> otherFields) {
    private static final List<String> HEADLINE = List.of("scheme", "edition", "eligible", "mandatory_met", "score", "grade");
    private static final Set<String> JUDGED = Set.of("gates", "criteria");

    /** A headline field, before → after ("absent" where a verdict lacks it). */
    public record Change(String field, String before, String after) {
    }

    /**
     * A gate or criterion whose outcome changed: {@code before}/{@code after} are "status" for a gate,
     * "status points/max" for a criterion, "absent" where one verdict lacks it. When status and
     * points agree, {@code detail} says what else changed (the reason or the figures compared).
     */
    public record CriterionChange(String id, String before, String after, String detail) {
        public boolean outcomeChanged() {
            return !before.equals(after);
        }
    }

    public boolean isEmpty() {
        return headline.isEmpty() && criteria.isEmpty() && otherFields.isEmpty();
    }

    /** Compares two verdicts given as JSON text; text that is not JSON is reported as such. */
    public static VerdictDiff compare(String before, String after) {
        JsonNode b;
        JsonNode a;
        try {
            b = Json.read(before);
            a = Json.read(after);
        } catch (Exception e) {
            return new VerdictDiff(List.of(new Change("verdict", "JSON", "not JSON")), List.of(), List.of());
        }
        return compare(b, a);
    }

    public static VerdictDiff compare(JsonNode before, JsonNode after) {
        List<Change> headline = new ArrayList<>();
        for (String field : HEADLINE) {
            String b = text(before.get(field));
            String a = text(after.get(field));
            if (!b.equals(a)) headline.add(new Change(field, b, a));
        }
        List<CriterionChange> criteria = new ArrayList<>();
        Map<String, JsonNode> b = judged(before);
        Map<String, JsonNode> a = judged(after);
        for (String id : union(b, a)) {
            JsonNode x = b.get(id);
            JsonNode y = a.get(id);
            String ox = outcome(x);
            String oy = outcome(y);
            if (!ox.equals(oy)) {
                criteria.add(new CriterionChange(id, ox, oy, null));
            } else if (!x.equals(y)) {
                String detail = !x.path("reason").equals(y.path("reason")) ? "reason" : !x.path("values").equals(y.path("values")) ? "values" : "details";
                criteria.add(new CriterionChange(id, ox, oy, detail));
            }
        }
        List<String> other = new ArrayList<>();
        for (String field : union(fields(before), fields(after))) {
            if (HEADLINE.contains(field) || JUDGED.contains(field)) continue;
            if (!before.path(field).equals(after.path(field))) other.add(field);
        }
        return new VerdictDiff(headline, criteria, other);
    }

    /** One line per difference, for a terminal. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        for (Change c : headline) out.add(c.field() + ": " + c.before() + " → " + c.after());
        for (CriterionChange c : criteria) {
            out.add(c.id() + ": " + c.before() + (c.outcomeChanged() ? " → " + c.after() : " (" + c.detail() + " changed)"));
        }
        if (!otherFields.isEmpty()) out.add("also differ: " + String.join(", ", otherFields));
        return out;
    }

    private static Map<String, JsonNode> judged(JsonNode verdict) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (String section : List.of("gates", "criteria")) {
            for (JsonNode j : verdict.path(section)) out.put(j.path("id").asText(), j);
        }
        return out;
    }

    private static String outcome(JsonNode j) {
        if (j == null) return "absent";
        String status = j.path("status").asText();
        if (!j.has("points")) return status;
        return status + " " + j.get("points").asText() + "/" + j.path("max").asText();
    }

    private static String text(JsonNode n) {
        return n == null ? "absent" : n.isNull() ? "null" : n.asText();
    }

    private static List<String> fields(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) out.add(it.next());
        return out;
    }

    private static List<String> union(Map<String, JsonNode> a, Map<String, JsonNode> b) {
        return union(new ArrayList<>(a.keySet()), new ArrayList<>(b.keySet()));
    }

    private static List<String> union(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        for (String s : b) if (!out.contains(s)) out.add(s);
        return out;
    }
}
