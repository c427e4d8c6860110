package org.verdant.yaml;

import org.verdant.text.Suggest;

import org.verdant.units.Quantity;
import org.verdant.units.QuantityParser;
import org.verdant.yaml.Problems;
import org.verdant.yaml.YamlNode;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Typed, located access to one YAML mapping. Each accessor records a problem (with the line of
 * the offending value) instead of throwing, and returns null so reading can go on and report
 * every problem at once.
 */
public final class Node {
    private final YamlNode.Mapping mapping;
    private final Problems problems;

    private Node(YamlNode.Mapping mapping, Problems problems) {
        this.mapping = mapping;
        this.problems = problems;
    }

    /** Wraps a mapping node, reporting keys outside {@code allowed} with the nearest valid name. */
    public static Node of(YamlNode node, Problems problems, Collection<String> allowed) {
        if (!(node instanceof YamlNode.Mapping m)) {
            if (node != null) problems.say(node, "problem.expected_mapping", kind(node));
            return null;
        }
        for (YamlNode.Entry e : m.entries().values()) {
            if (!allowed.contains(e.key())) {
                String path = e.value().path();
                Msg text = Suggest.nearest(e.key(), allowed).map(s -> Msg.of("problem.unknown_key.did_you_mean", s))
                        .orElse(Msg.of("problem.unknown_key.expected", String.join(", ", allowed)));
                problems.add(e.keyLocation(), path, text);
            }
        }
        return new Node(m, problems);
    }

    public static Node of(YamlNode node, Problems problems, String... allowed) {
        return of(node, problems, List.of(allowed));
    }

    public YamlNode.Mapping mapping() {
        return mapping;
    }

    public Problems problems() {
        return problems;
    }

    public boolean has(String key) {
        YamlNode n = mapping.get(key);
        return n != null && !(n instanceof YamlNode.Scalar s && s.isNull());
    }

    public YamlNode raw(String key) {
        return mapping.get(key);
    }

    private String childPath(String key) {
        return mapping.path().isEmpty() ? key : mapping.path() + "." + key;
    }

    /** The value node, or null; reports a missing required key at the mapping's location. */
    public YamlNode value(String key, boolean required) {
        YamlNode n = mapping.get(key);
        if (n == null || (n instanceof YamlNode.Scalar s && s.isNull())) {
            if (required) {
                problems.add(n != null ? n.location() : mapping.location(), childPath(key),
                        Msg.of(n != null ? "problem.value_required" : "problem.field_missing"));
            }
            return null;
        }
        return n;
    }

    /** {@code expected} is the last part of a {@code problem.expect.*} key: what the field holds. */
    private YamlNode.Scalar scalar(String key, boolean required, String expected) {
        YamlNode n = value(key, required);
        if (n == null) return null;
        if (n instanceof YamlNode.Scalar s) return s;
        problems.say(n, "problem.expected_found", Msg.of("problem.expect." + expected), kind(n));
        return null;
    }

    public String text(String key, boolean required) {
        YamlNode.Scalar s = scalar(key, required, "text");
        if (s == null) return null;
        if (s.text().isBlank()) {
            if (required) problems.say(s, "problem.blank");
            return null;
        }
        int hidden = formatCharacter(s.text());
        if (hidden >= 0) {
            // a right-to-left override or a zero-width character lets one name display as another company's
            problems.say(s, "problem.format_character", String.format(java.util.Locale.ROOT, "U+%04X", hidden));
            return null;
        }
        return s.text().strip();
    }

    /** The first invisible format character (Unicode category Cf: bidi controls, zero-width characters, a stray BOM), or -1. */
    static int formatCharacter(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (Character.getType(c) == Character.FORMAT) return c;
            i += Character.charCount(c);
        }
        return -1;
    }

    public String choice(String key, boolean required, Set<String> allowed) {
        String t = text(key, required);
        if (t == null) return null;
        if (!allowed.contains(t)) {
            String listed = String.join(", ", allowed);
            problems.add(mapping.get(key), Suggest.nearest(t, allowed)
                    .map(x -> Msg.of("problem.not_one_of.did_you_mean", t, listed, x))
                    .orElse(Msg.of("problem.not_one_of", t, listed)));
            return null;
        }
        return t;
    }

    public LocalDate date(String key, boolean required) {
        YamlNode.Scalar s = scalar(key, required, "date");
        return s == null ? null : date(s, problems);
    }

    public static LocalDate date(YamlNode.Scalar s, Problems problems) {
        try {
            return LocalDate.parse(s.text().strip());
        } catch (DateTimeParseException e) {
            problems.say(s, "problem.not_a_date", s.text());
            return null;
        }
    }

    public Integer integer(String key, boolean required, int min, int max) {
        YamlNode.Scalar s = scalar(key, required, "whole_number");
        if (s == null) return null;
        return integer(s, problems, min, max);
    }

    public static Integer integer(YamlNode.Scalar s, Problems problems, int min, int max) {
        if (!"int".equals(s.type())) {
            problems.say(s, "problem.expected_found", Msg.of("problem.expect.whole_number"),
                    s.type().equals("string") ? "'" + s.text() + "'" : kind(s));
            return null;
        }
        try {
            int v = Integer.parseInt(s.text().strip());
            if (v < min || v > max) {
                problems.say(s, "problem.out_of_range", v, min, max);
                return null;
            }
            return v;
        } catch (NumberFormatException e) {
            problems.say(s, "problem.not_whole_number", s.text());
            return null;
        }
    }

    public Boolean bool(String key, boolean required) {
        YamlNode.Scalar s = scalar(key, required, "bool");
        if (s == null) return null;
        if (!"bool".equals(s.type())) {
            problems.say(s, "problem.expected_found", Msg.of("problem.expect.bool"), "'" + s.text() + "'");
            return null;
        }
        return Boolean.parseBoolean(s.text());
    }

    /** A quantity of the given dimension; {@code bound} says what range is sane. */
    public Quantity quantity(String key, String dimension, boolean required, Bound bound) {
        YamlNode n = value(key, required);
        if (n == null) return null;
        return quantity(n, dimension, bound, problems);
    }

    /**
     * The dimension of the unit written after the number in a scalar ("2.0e6 台" → count), or null
     * when there is no number, no unit or an unknown one: lets a field accept several dimensions.
     */
    public static String writtenDimension(YamlNode n) {
        if (!(n instanceof YamlNode.Scalar s) || s.isNull()) return null;
        var m = WRITTEN_UNIT.matcher(s.text().strip());
        if (!m.matches() || m.group(1).isBlank()) return null;
        return org.verdant.units.Units.parse(m.group(1)).map(u -> u.dimension()).orElse(null);
    }

    private static final java.util.regex.Pattern WRITTEN_UNIT = java.util.regex.Pattern.compile("[-+0-9.eE]+\\s*(.*)");

    /** A quantity of the given dimension read from any node (used by the scorecard reader). */
    public static Quantity quantityOf(YamlNode n, String dimension, Problems problems) {
        return quantity(n, dimension, Bound.ANY, problems);
    }

    public static Quantity quantity(YamlNode n, String dimension, Bound bound, Problems problems) {
        if (!(n instanceof YamlNode.Scalar s)) {
            problems.say(n, "problem.expected_found", Msg.of("problem.expect.quantity"), kind(n));
            return null;
        }
        if (s.type().equals("bool")) {
            problems.say(s, "problem.expected_found", Msg.of("problem.expect.quantity"), s.text());
            return null;
        }
        var result = QuantityParser.parse(s.text(), dimension, s.location());
        if (result.problem() != null) {
            problems.add(s, new Msg(result.problem().key(), result.problem().args()));
            return null;
        }
        Quantity q = result.quantity();
        Msg boundError = bound.check(q, s.text());
        if (boundError != null) {
            problems.add(s, boundError);
            return null;
        }
        return q;
    }

    public Node child(String key, boolean required, Collection<String> allowed) {
        YamlNode n = value(key, required);
        return n == null ? null : Node.of(n, problems, allowed);
    }

    public Node child(String key, boolean required, String... allowed) {
        return child(key, required, List.of(allowed));
    }

    public List<YamlNode> list(String key, boolean required) {
        YamlNode n = value(key, required);
        if (n == null) return null;
        if (n instanceof YamlNode.Sequence seq) return seq.items();
        problems.say(n, "problem.expected_found", Msg.of("problem.expect.list"), kind(n));
        return null;
    }

    /** What a node is ("a list", "text", …) in words the problem is rendered in. */
    public static Msg kind(YamlNode n) {
        String k = switch (n.kind()) {
            case "a mapping" -> "mapping";
            case "a list" -> "list";
            case "a number" -> "number";
            case "true/false" -> "bool";
            case "empty" -> "empty";
            default -> "text";
        };
        return Msg.of("problem.kind." + k);
    }
}
