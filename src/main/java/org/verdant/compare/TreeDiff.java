package org.verdant.compare;

import org.verdant.plan.TreeEdit;
import org.verdant.yaml.YamlNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every leaf where two submission trees differ, with both values. Lists whose items are keyed by
 * {@code year} are matched by year (written {@code [2025]}, as in --set), other lists by index.
 */
public final class TreeDiff {
    private TreeDiff() {
    }

    /** One differing leaf; a null side is absent there. */
    public record Leaf(String path, String a, String b) {
    }

    public static List<Leaf> between(YamlNode a, YamlNode b) {
        List<Leaf> out = new ArrayList<>();
        walk("", a, b, out);
        return out;
    }

    private static void walk(String path, YamlNode a, YamlNode b, List<Leaf> out) {
        if (a instanceof YamlNode.Mapping ma && b instanceof YamlNode.Mapping mb) {
            Set<String> keys = new LinkedHashSet<>(ma.entries().keySet());
            keys.addAll(mb.entries().keySet());
            for (String k : keys) walk(path.isEmpty() ? k : path + "." + k, ma.get(k), mb.get(k), out);
        } else if (a instanceof YamlNode.Sequence sa && b instanceof YamlNode.Sequence sb) {
            if (keyedByYear(sa) && keyedByYear(sb)) {
                Set<String> years = new LinkedHashSet<>();
                sa.items().forEach(i -> years.add(TreeEdit.yearOf(i)));
                sb.items().forEach(i -> years.add(TreeEdit.yearOf(i)));
                for (String y : years) walk(path + "[" + y + "]", byYear(sa, y), byYear(sb, y), out);
            } else {
                for (int i = 0; i < Math.max(sa.items().size(), sb.items().size()); i++) {
                    walk(path + "[" + i + "]", i < sa.items().size() ? sa.items().get(i) : null,
                            i < sb.items().size() ? sb.items().get(i) : null, out);
                }
            }
        } else if (a instanceof YamlNode.Scalar x && b instanceof YamlNode.Scalar y) {
            if (!same(x, y)) out.add(new Leaf(path, shown(x), shown(y)));
        } else if (a == null && b == null) {
            // nothing on either side
        } else if (a == null || b == null || isNull(a) || isNull(b)) {
            // present on one side only: each leaf below it differs
            leaves(path, a, true, out);
            leaves(path, b, false, out);
        } else {
            // a section on one side, a value or list on the other
            out.add(new Leaf(path, flow(a), flow(b)));
        }
    }

    private static boolean same(YamlNode.Scalar x, YamlNode.Scalar y) {
        return x.text().equals(y.text()) && x.type().equals(y.type());
    }

    private static boolean isNull(YamlNode n) {
        return n instanceof YamlNode.Scalar s && s.isNull();
    }

    private static void leaves(String path, YamlNode n, boolean sideA, List<Leaf> out) {
        if (n == null || isNull(n)) return;
        if (n instanceof YamlNode.Mapping m) {
            if (m.entries().isEmpty()) out.add(side(path, "{}", sideA));
            m.entries().forEach((k, e) -> leaves(path.isEmpty() ? k : path + "." + k, e.value(), sideA, out));
        } else if (n instanceof YamlNode.Sequence s) {
            if (s.items().isEmpty()) out.add(side(path, "[]", sideA));
            boolean byYear = keyedByYear(s);
            for (int i = 0; i < s.items().size(); i++) {
                YamlNode item = s.items().get(i);
                leaves(path + "[" + (byYear ? TreeEdit.yearOf(item) : String.valueOf(i)) + "]", item, sideA, out);
            }
        } else {
            out.add(side(path, shown((YamlNode.Scalar) n), sideA));
        }
    }

    private static Leaf side(String path, String value, boolean sideA) {
        return sideA ? new Leaf(path, value, null) : new Leaf(path, null, value);
    }

    private static boolean keyedByYear(YamlNode.Sequence s) {
        return !s.items().isEmpty() && s.items().stream().allMatch(i -> TreeEdit.yearOf(i) != null)
                && s.items().stream().map(TreeEdit::yearOf).distinct().count() == s.items().size();
    }

    private static YamlNode byYear(YamlNode.Sequence s, String year) {
        return s.items().stream().filter(i -> year.equals(TreeEdit.yearOf(i))).findFirst().orElse(null);
    }

    private static String shown(YamlNode.Scalar s) {
        return s.isNull() ? "null" : s.text();
    }

    /** A compact one-line form of a subtree. */
    static String flow(YamlNode n) {
        if (n == null) return null;
        if (n instanceof YamlNode.Mapping m) {
            List<String> parts = new ArrayList<>();
            m.entries().forEach((k, e) -> parts.add(k + ": " + flow(e.value())));
            return "{" + String.join(", ", parts) + "}";
        }
        if (n instanceof YamlNode.Sequence s) {
            List<String> parts = new ArrayList<>();
            s.items().forEach(i -> parts.add(flow(i)));
            return "[" + String.join(", ", parts) + "]";
        }
        return shown((YamlNode.Scalar) n);
    }
}
