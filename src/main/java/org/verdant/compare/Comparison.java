package org.verdant.compare;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Two verdicts side by side: the headline (eligibility, mandatory part, score, grade), every gate
 * and criterion whose status, points or compared values differ, each category's weighted points,
 * the input values that differ, and the rulebook parts and figures that differ, so each point of
 * difference can be traced to its cause.
 */
public record Comparison(VerdictView a, VerdictView b, List<TreeDiff.Leaf> inputs, boolean inputsKnown,
                         List<ItemChange> items, int unchanged, List<CategoryChange> categories, List<ParameterChange> parameters) {

    /** A gate or criterion that differs; a null status means the other verdict has no such item. */
    public record ItemChange(String id, String name, boolean gate, String statusA, String statusB, Double pointsA, Double pointsB,
                             Double maxA, Double maxB, List<TreeDiff.Leaf> values) {
        public double pointsDelta() {
            return (pointsB == null ? 0 : pointsB) - (pointsA == null ? 0 : pointsA);
        }
    }

    public record CategoryChange(String id, String name, Double weightedA, Double weightedB) {
    }

    /**
     * A rulebook part, parameter or figure that differs: {@code what} names it and {@code a}, {@code b}
     * are its two values as JSON writes them (codes, "40 % (provisional)"); {@code kind} says what it
     * is, and for a figure {@code figureA}, {@code figureB} hold it, so text can name it in words.
     */
    public record ParameterChange(String what, String a, String b, Kind kind, VerdictView.Figure figureA, VerdictView.Figure figureB) {
        public ParameterChange(String what, String a, String b, Kind kind) {
            this(what, a, b, kind, null, null);
        }

        public enum Kind { SCHEME, EDITION, GRADING, PART, DIGEST, FIGURE, FIGURE_SOURCE, ENGINE }
    }

    /** Values compared per criterion; wording that depends on the reader's language is left out. */
    private static final Set<String> LANGUAGE_DEPENDENT = Set.of("form_reason", "scoring", "weight_share_computation");
    /**
     * Where a level came from, or what would supply it: words in the verdict's language, rendered
     * from one origin each. Two verdicts in one language write one origin in the same words, so
     * there the words stand for the origin and an origin-only change shows; across languages they
     * cannot be compared and are left out (the level itself is compared either way).
     */
    private static final Set<String> ORIGINS = Set.of("basic_from", "advanced_from", "baseline_from", "leading_from", "threshold_from",
            "basic_missing", "advanced_missing", "baseline_missing", "leading_missing", "threshold_missing");

    /** {@code inputs} null: the input values are not known (a side is a verdict file). */
    public static Comparison of(VerdictView a, VerdictView b, List<TreeDiff.Leaf> inputs) {
        List<ItemChange> items = new ArrayList<>();
        int unchanged = 0;
        Set<String> ids = new LinkedHashSet<>();
        a.gates().forEach(i -> ids.add(i.id()));
        b.gates().forEach(i -> ids.add(i.id()));
        a.criteria().forEach(i -> ids.add(i.id()));
        b.criteria().forEach(i -> ids.add(i.id()));
        for (String id : ids) {
            VerdictView.Item x = a.item(id);
            VerdictView.Item y = b.item(id);
            List<TreeDiff.Leaf> values = values(x == null ? null : x.values(), y == null ? null : y.values(), a.lang().equals(b.lang()));
            boolean differs = x == null || y == null || !x.status().equals(y.status()) || !Objects.equals(x.points(), y.points())
                    || !Objects.equals(x.max(), y.max()) || !values.isEmpty();
            if (!differs) {
                unchanged++;
                continue;
            }
            VerdictView.Item any = y != null ? y : x;
            items.add(new ItemChange(id, any.name(), "gate".equals(any.type()), x == null ? null : x.status(), y == null ? null : y.status(),
                    x == null ? null : x.points(), y == null ? null : y.points(), x == null ? null : x.max(), y == null ? null : y.max(), values));
        }
        List<CategoryChange> categories = new ArrayList<>();
        Map<String, VerdictView.Category> bById = new LinkedHashMap<>();
        b.categories().forEach(c -> bById.put(c.id(), c));
        for (VerdictView.Category c : a.categories()) {
            VerdictView.Category d = bById.remove(c.id());
            categories.add(new CategoryChange(c.id(), c.name(), c.weighted(), d == null ? null : d.weighted()));
        }
        bById.values().forEach(d -> categories.add(new CategoryChange(d.id(), d.name(), null, d.weighted())));
        return new Comparison(a, b, inputs == null ? List.of() : inputs, inputs != null, items, unchanged, categories, parameters(a, b));
    }

    /**
     * What explains one item's change: a kind and the leaves behind it. {@code VALUES}: the figures
     * the item compared; {@code INPUTS}: input values whose path names the item; {@code RULEBOOK}:
     * the rulebook differs (its parts and figures are in {@link #parameters}); {@code OTHER_INPUTS}:
     * only inputs not named after the item differ; {@code UNKNOWN}: nothing known differs.
     */
    public record Cause(Kind kind, List<TreeDiff.Leaf> leaves) {
        public enum Kind { VALUES, INPUTS, RULEBOOK, OTHER_INPUTS, UNKNOWN }

        public String word() {
            return kind.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The item's causes, most specific first: differing figures explain it alone; otherwise both its
     * own inputs and a changed rulebook are named when both differ (a corrected claim re-evaluated
     * under a newer rulebook has two causes, and naming one would hide the other).
     */
    public List<Cause> causes(ItemChange i) {
        if (!i.values().isEmpty()) return List.of(new Cause(Cause.Kind.VALUES, i.values()));
        List<Cause> out = new ArrayList<>();
        List<TreeDiff.Leaf> own = inputs.stream().filter(l -> names(l.path(), i.id())).toList();
        if (!own.isEmpty()) out.add(new Cause(Cause.Kind.INPUTS, own));
        if (rulebookChanged()) out.add(new Cause(Cause.Kind.RULEBOOK, List.of()));
        if (out.isEmpty()) out.add(new Cause(inputs.isEmpty() ? Cause.Kind.UNKNOWN : Cause.Kind.OTHER_INPUTS, List.of()));
        return out;
    }

    /** Whether the rulebook itself differs (a part, a figure, the digest; the engine's version alone is not the rulebook). */
    public boolean rulebookChanged() {
        return parameters.stream().anyMatch(p -> p.kind() != ParameterChange.Kind.ENGINE);
    }

    /** "claims.INF-05.met" names INF-05; "claims.INF-050.met" does not. */
    private static boolean names(String path, String id) {
        for (String segment : path.split("[.\\[\\]]")) if (segment.equals(id)) return true;
        return false;
    }

    public Double scoreDelta() {
        return a.score() == null || b.score() == null ? null : b.score() - a.score();
    }

    private static List<ParameterChange> parameters(VerdictView a, VerdictView b) {
        List<ParameterChange> out = new ArrayList<>();
        add(out, "scheme", a.scheme(), b.scheme(), ParameterChange.Kind.SCHEME);
        add(out, "edition", a.edition(), b.edition(), ParameterChange.Kind.EDITION);
        add(out, "grading", a.gradingTable(), b.gradingTable(), ParameterChange.Kind.GRADING);
        Map<String, String> partsA = parts(a.parts());
        Map<String, String> partsB = parts(b.parts());
        Set<String> names = new LinkedHashSet<>(partsA.keySet());
        names.addAll(partsB.keySet());
        for (String n : names) add(out, n, partsA.get(n), partsB.get(n), ParameterChange.Kind.PART);
        add(out, "rulebook digest", a.rulebookDigest(), b.rulebookDigest(), ParameterChange.Kind.DIGEST);
        Set<String> refs = new LinkedHashSet<>(a.figures().keySet());
        refs.addAll(b.figures().keySet());
        for (String ref : refs) {
            VerdictView.Figure x = a.figures().get(ref);
            VerdictView.Figure y = b.figures().get(ref);
            if (x != null && y != null && Objects.equals(x.value(), y.value()) && Objects.equals(x.unit(), y.unit())
                    && Objects.equals(x.status(), y.status()) && Objects.equals(x.source(), y.source())) continue;
            if (x != null && y != null && Objects.equals(x.shown(), y.shown())) {
                out.add(new ParameterChange(ref + " source", x.source(), y.source(), ParameterChange.Kind.FIGURE_SOURCE, x, y));
            } else {
                out.add(new ParameterChange(ref, x == null ? null : x.shown(), y == null ? null : y.shown(), ParameterChange.Kind.FIGURE, x, y));
            }
        }
        add(out, "engine", a.engine(), b.engine(), ParameterChange.Kind.ENGINE);
        return out;
    }

    /** "green-factory/gbt36132-2018@2026.11.0" → name and version, so a version bump shows as one row. */
    private static Map<String, String> parts(List<String> parts) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String p : parts) {
            int at = p.lastIndexOf('@');
            if (at < 0) out.put(p, "yes");
            else out.put(p.substring(0, at), p.substring(at + 1));
        }
        return out;
    }

    private static void add(List<ParameterChange> out, String what, String a, String b, ParameterChange.Kind kind) {
        if (!Objects.equals(a, b)) out.add(new ParameterChange(what, a, b, kind));
    }

    /** The compared values that differ, leaf by leaf. */
    static List<TreeDiff.Leaf> values(JsonNode a, JsonNode b, boolean sameLanguage) {
        Map<String, String> x = new LinkedHashMap<>();
        Map<String, String> y = new LinkedHashMap<>();
        Set<String> skipped = sameLanguage ? LANGUAGE_DEPENDENT : union(LANGUAGE_DEPENDENT, ORIGINS);
        flatten("", a, x, skipped);
        flatten("", b, y, skipped);
        Set<String> keys = new LinkedHashSet<>(x.keySet());
        keys.addAll(y.keySet());
        List<TreeDiff.Leaf> out = new ArrayList<>();
        for (String k : keys) {
            if (!Objects.equals(x.get(k), y.get(k))) out.add(new TreeDiff.Leaf(k, x.get(k), y.get(k)));
        }
        return out;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new LinkedHashSet<>(a);
        out.addAll(b);
        return out;
    }

    private static void flatten(String path, JsonNode n, Map<String, String> out, Set<String> skipped) {
        if (n == null || n.isMissingNode()) return;
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> {
                if (!skipped.contains(e.getKey())) flatten(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), out, skipped);
            });
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) flatten(path + "[" + i + "]", n.get(i), out, skipped);
        } else {
            out.put(path, n.isNull() ? "null" : n.isNumber() ? n.decimalValue().stripTrailingZeros().toPlainString() : n.asText());
        }
    }
}
