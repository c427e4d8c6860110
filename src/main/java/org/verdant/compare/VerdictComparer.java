package org.verdant.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one comparer of two JSON verdicts ({@code verdant.verdict/1}): it pairs what the two have
 * (the headline fields, each category, each gate and criterion by id, every other top-level
 * field) and says which pairs differ. Each use renders the pairs its own way: the record
 * verifier and the fixture runner as {@link VerdictDiff}, {@code archive verify} and the API's
 * reproduce check as {@link VerdictComparison}.
 */
public final class VerdictComparer {
    /** The fields a reader looks at first, by path; a missing one is a {@link MissingNode}. */
    public static final List<String> HEADLINE = List.of("rulebook.digest", "engine.version", "input.digest", "scheme", "edition",
            "eligible", "mandatory_met", "score", "grade");
    private static final Set<String> JUDGED = Set.of("gates", "criteria");

    private VerdictComparer() {
    }

    /** Two values of the same thing; a side that lacks it holds a {@link MissingNode}. */
    public record Pair(String name, JsonNode before, JsonNode after) {
        public boolean differs() {
            return !before.equals(after);
        }

        public boolean differsIn(String field) {
            return !before.path(field).equals(after.path(field));
        }
    }

    /** A gate or criterion of either verdict; {@code onlyAfter}: the earlier verdict has no such id. */
    public record Judged(String kind, Pair pair, boolean onlyAfter) {
        public String id() {
            return pair.name();
        }
    }

    /** Everything the two verdicts have, paired. */
    public record Pairs(Map<String, Pair> headline, List<Pair> categories, List<Judged> gates, List<Judged> criteria,
                        List<String> otherFieldsDiffering, int warningsBefore, int warningsAfter) {
        public Pair headline(String path) {
            return headline.get(path);
        }
    }

    public static Pairs compare(JsonNode before, JsonNode after) {
        Map<String, Pair> headline = new LinkedHashMap<>();
        for (String path : HEADLINE) headline.put(path, new Pair(path, at(before, path), at(after, path)));
        List<Pair> categories = new ArrayList<>();
        for (Judged j : paired("category", byId(before.path("categories")), byId(after.path("categories")))) {
            categories.add(j.pair());
        }
        List<String> other = new ArrayList<>();
        for (String field : union(fields(before), fields(after))) {
            if (HEADLINE.contains(field) || JUDGED.contains(field)) continue;
            if (!before.path(field).equals(after.path(field))) other.add(field);
        }
        return new Pairs(headline, categories, paired("gate", byId(before.path("gates")), byId(after.path("gates"))),
                paired("criterion", byId(before.path("criteria")), byId(after.path("criteria"))), other,
                before.path("warnings").size(), after.path("warnings").size());
    }

    private static JsonNode at(JsonNode root, String path) {
        JsonNode n = root;
        for (String part : path.split("\\.")) n = n.path(part);
        return n;
    }

    private static List<Judged> paired(String kind, Map<String, JsonNode> before, Map<String, JsonNode> after) {
        List<Judged> out = new ArrayList<>();
        for (String id : union(new ArrayList<>(before.keySet()), new ArrayList<>(after.keySet()))) {
            out.add(new Judged(kind, new Pair(id, before.getOrDefault(id, MissingNode.getInstance()),
                    after.getOrDefault(id, MissingNode.getInstance())), !before.containsKey(id)));
        }
        return out;
    }

    private static Map<String, JsonNode> byId(JsonNode array) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        for (JsonNode n : array) m.put(n.path("id").asText(), n);
        return m;
    }

    private static List<String> fields(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) out.add(it.next());
        return out;
    }

    private static List<String> union(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        for (String s : b) if (!out.contains(s)) out.add(s);
        return out;
    }
}
