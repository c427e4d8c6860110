package org.verdant.compare;

import com.fasterxml.jackson.databind.JsonNode;
import org.verdant.text.Json;
import org.verdant.yaml.Msg;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What differs between two JSON verdicts (verdant.verdict/1), as {@link VerdictComparer} pairs them, in the terms a reviewer cares
 * about: the headline (eligibility, score, grade), each gate's and criterion's status and points
 * before → after, and which other parts differ (warnings, rulebook, engine, …).
 */
public record VerdictDiff(List<Change> headline, List<CriterionChange> criteria, List<String> otherFields) {
    private static final List<String> HEADLINE = List.of("scheme", "edition", "eligible", "mandatory_met", "score", "grade");

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
        VerdictComparer.Pairs pairs = VerdictComparer.compare(before, after);
        List<Change> headline = new ArrayList<>();
        for (String field : HEADLINE) {
            VerdictComparer.Pair p = pairs.headline(field);
            String b = text(p.before());
            String a = text(p.after());
            if (!b.equals(a)) headline.add(new Change(field, b, a));
        }
        List<CriterionChange> criteria = new ArrayList<>();
        // in the order of the earlier verdict, then what only the later one has
        for (boolean onlyAfter : new boolean[]{false, true}) {
            for (VerdictComparer.Judged j : java.util.stream.Stream.concat(pairs.gates().stream(), pairs.criteria().stream()).toList()) {
                if (j.onlyAfter() != onlyAfter) continue;
                VerdictComparer.Pair p = j.pair();
                String ox = outcome(p.before());
                String oy = outcome(p.after());
                if (!ox.equals(oy)) {
                    criteria.add(new CriterionChange(j.id(), ox, oy, null));
                } else if (p.differs()) {
                    String detail = p.differsIn("reason") ? "reason" : p.differsIn("values") ? "values" : "details";
                    criteria.add(new CriterionChange(j.id(), ox, oy, detail));
                }
            }
        }
        return new VerdictDiff(headline, criteria, pairs.otherFieldsDiffering());
    }

    /** One line per difference in English: the fixture runner's (a developer's) diagnostics; people read {@link #lines(String)}. */
    public List<String> lines() {
        return lines("en");
    }

    private static final Map<String, String> FIELD_ZH = Map.of("scheme", "评价体系", "edition", "版本", "eligible", "符合申报条件",
            "mandatory_met", "基本要求均满足", "score", "得分", "grade", "等级", "verdict", "结论");
    private static final Map<String, String> DETAIL_ZH = Map.of("reason", "理由", "values", "比较的数值", "details", "细节");

    /** One line per difference, for a terminal, in {@code lang} (zh or en); ids, status codes and figures as the verdict writes them. */
    public List<String> lines(String lang) {
        boolean en = "en".equals(lang);
        List<String> out = new ArrayList<>();
        for (Change c : headline) {
            out.add(en ? c.field() + ": " + c.before() + " → " + c.after()
                    : FIELD_ZH.getOrDefault(c.field(), c.field()) + "：" + zh(c.before()) + " → " + zh(c.after()));
        }
        for (CriterionChange c : criteria) {
            if (en) {
                out.add(c.id() + ": " + c.before() + (c.outcomeChanged() ? " → " + c.after() : " (" + c.detail() + " changed)"));
            } else {
                out.add(c.id() + "：" + outcomeZh(c.before()) + (c.outcomeChanged() ? " → " + outcomeZh(c.after())
                        : "（" + DETAIL_ZH.getOrDefault(c.detail(), c.detail()) + "有变）"));
            }
        }
        if (!otherFields.isEmpty()) out.add((en ? "also differ: " : "其他不同的部分：") + parts(otherFields, lang));
        return out;
    }

    /**
     * The verdict's parts (its top-level JSON keys: warnings, rulebook, …) named in {@code lang}, joined as a list in that language;
     * a key with no name (a newer verdict's) shown as written.
     */
    public static String parts(List<String> fields, String lang) {
        List<String> names = new ArrayList<>();
        for (String f : fields) {
            String key = "verdict.part." + f;
            String name = Msg.of(key).render(lang);
            names.add(name.equals(key) ? f : name);
        }
        return String.join(Msg.of("verdict.part.separator").render(lang), names);
    }

    /** The words among the values ("absent", "not JSON") in Chinese; codes and figures unchanged. */
    private static String zh(String value) {
        return switch (value) {
            case "absent" -> "无";
            case "not JSON" -> "不是 JSON";
            default -> value;
        };
    }

    /** An outcome ("status points/max") in Chinese: the status in words, the points as written. */
    private static String outcomeZh(String outcome) {
        int space = outcome.indexOf(' ');
        String status = space < 0 ? outcome : outcome.substring(0, space);
        String word = Msg.of("status." + status).render("zh");
        if (word.equals("status." + status)) return zh(outcome);
        return word + (space < 0 ? "" : outcome.substring(space));
    }

    private static String outcome(JsonNode j) {
        if (j.isMissingNode()) return "absent";
        String status = j.path("status").asText();
        if (!j.has("points")) return status;
        return status + " " + j.get("points").asText() + "/" + j.path("max").asText();
    }

    private static String text(JsonNode n) {
        return n.isMissingNode() ? "absent" : n.isNull() ? "null" : n.asText();
    }
}
