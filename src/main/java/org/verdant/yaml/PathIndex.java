package org.verdant.yaml;

import org.verdant.text.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where a submission path stands in its file: {@code site.land_area},
 * {@code products[0].energy}, {@code park.years[2025].statistics.energy}. A list of yearly
 * records (items with a {@code year:} key) is addressed by year, as the park figures name it;
 * any other list by position.
 */
public final class PathIndex {
    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

    private final YamlNode root;

    public PathIndex(YamlNode root) {
        this.root = root;
    }

    /** The index of a file's YAML; empty when it cannot be read (the evaluation reports why). */
    public static PathIndex of(String file, byte[] bytes) {
        return new PathIndex(YamlReader.read(file, bytes, new Problems()));
    }

    /** A node and the line that names it: the key's location for a mapping entry, the item's for a list item. */
    public record Found(YamlNode node, Location at) {
    }

    public Optional<Found> find(String path) {
        if (root == null) return Optional.empty();
        YamlNode node = root;
        Location at = root.location();
        Matcher m = SEGMENT.matcher(path);
        int end = 0;
        while (m.find()) {
            if (m.start() != end && path.charAt(end) != '.') return Optional.empty();
            end = m.end();
            if (m.group(1) != null) {
                if (!(node instanceof YamlNode.Mapping map) || !map.entries().containsKey(m.group(1))) return Optional.empty();
                YamlNode.Entry e = map.entries().get(m.group(1));
                node = e.value();
                at = e.keyLocation();
            } else {
                if (!(node instanceof YamlNode.Sequence seq)) return Optional.empty();
                node = item(seq, Integer.parseInt(m.group(2)));
                if (node == null) return Optional.empty();
                at = node.location();
            }
        }
        return end == path.length() ? Optional.of(new Found(node, at)) : Optional.empty();
    }

    private static YamlNode item(YamlNode.Sequence seq, int key) {
        for (YamlNode item : seq.items()) {
            if (item instanceof YamlNode.Mapping m && m.get("year") instanceof YamlNode.Scalar y && y.text().strip().equals(String.valueOf(key))) {
                return item;
            }
        }
        return key < seq.items().size() ? seq.items().get(key) : null;
    }

    /**
     * A node as one short line: a scalar's text, a mapping or list in YAML flow style, cut at
     * {@code limit} characters.
     */
    public static String brief(YamlNode node, int limit) {
        String text = flow(node);
        return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }

    private static String flow(YamlNode node) {
        if (node instanceof YamlNode.Scalar s) return s.text();
        if (node instanceof YamlNode.Sequence seq) {
            List<String> items = new ArrayList<>();
            seq.items().forEach(i -> items.add(flow(i)));
            return "[" + String.join(", ", items) + "]";
        }
        List<String> entries = new ArrayList<>();
        ((YamlNode.Mapping) node).entries().values().forEach(e -> entries.add(e.key() + ": " + flow(e.value())));
        return "{" + String.join(", ", entries) + "}";
    }
}
