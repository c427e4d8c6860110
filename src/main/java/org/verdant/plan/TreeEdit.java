package org.verdant.plan;

import org.verdant.evaluation.UsageException;
import org.verdant.yaml.Msg;
import org.verdant.text.Location;
import org.verdant.yaml.Problem;
import org.verdant.yaml.Problems;
import org.verdant.yaml.YamlNode;
import org.verdant.yaml.YamlReader;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Applies what-if changes to a submission's YAML tree. Untouched nodes keep the line and column
 * they had in the file; every node a change brings in is located at its {@code --set}, so a
 * problem in the modified submission points at the file or at the change that caused it.
 */
public final class TreeEdit {
    /** From this number on, a bracketed number is a year, not a list index. */
    private static final int FIRST_YEAR = 1000;

    private TreeEdit() {
    }

    public static YamlNode apply(YamlNode root, List<Assignment> changes) throws UsageException {
        YamlNode out = root;
        for (Assignment a : changes) {
            YamlNode value = value(a);
            out = set(out, a, value, 0, "");
        }
        return out;
    }

    /** The change's VALUE read as YAML; a value that is not YAML is a malformed --set. */
    static YamlNode value(Assignment a) throws UsageException {
        Problems problems = new Problems();
        YamlNode parsed = YamlReader.read(a.origin(), a.value().getBytes(StandardCharsets.UTF_8), problems);
        if (parsed == null) {
            throw new UsageException(null, Msg.of("set.not_yaml", a.origin(), new org.verdant.text.Text(problems.sorted().stream().map(p -> p.message("zh")).collect(Collectors.joining("；")),
                    problems.sorted().stream().map(p -> p.message("en")).collect(Collectors.joining("; ")))));
        }
        if (!problems.isEmpty()) {
            throw new UsageException(a.origin() + ": " + problems.sorted().stream().map(Problem::message).collect(Collectors.joining("; ")));
        }
        return parsed;
    }

    private static YamlNode set(YamlNode node, Assignment a, YamlNode value, int i, String path) throws UsageException {
        List<SetPath.Step> steps = a.path().steps();
        SetPath.Step step = steps.get(i);
        boolean last = i == steps.size() - 1;
        Location here = new Location(a.origin(), 0, 0);
        if (step instanceof SetPath.Key key) {
            if (node instanceof YamlNode.Scalar s && s.isNull()) node = new YamlNode.Mapping(s.location(), s.path(), Map.of());
            if (!(node instanceof YamlNode.Mapping m)) {
                throw new UsageException(a.origin() + ": " + shown(path) + " is " + node.kind() + ", not a section with keys; cannot set "
                        + key.name() + " in it");
            }
            String childPath = SetPath.childPath(path, step);
            YamlNode.Entry existing = m.entries().get(key.name());
            YamlNode child;
            if (last) {
                child = relocate(value, childPath, here);
            } else {
                YamlNode below = existing == null ? new YamlNode.Mapping(here, childPath, Map.of()) : existing.value();
                if (existing == null && steps.get(i + 1) instanceof SetPath.Item) {
                    throw new UsageException(a.origin() + ": " + childPath + " does not exist, so it has no list items to select");
                }
                child = set(below, a, value, i + 1, childPath);
            }
            Map<String, YamlNode.Entry> entries = new LinkedHashMap<>(m.entries());
            entries.put(key.name(), new YamlNode.Entry(key.name(), existing == null ? here : existing.keyLocation(), child));
            return new YamlNode.Mapping(m.location(), m.path(), entries);
        }
        int number = ((SetPath.Item) step).number();
        if (!(node instanceof YamlNode.Sequence seq)) {
            throw new UsageException(a.origin() + ": " + shown(path) + " is " + node.kind() + ", not a list; [" + number + "] selects a list item");
        }
        int index = index(seq, number, a, path);
        String childPath = path + "[" + index + "]";
        List<YamlNode> items = new ArrayList<>(seq.items());
        if (index == items.size()) {
            if (!last) throw new UsageException(a.origin() + ": " + path + " has " + items.size() + " item(s); [" + number + "] does not exist yet");
            items.add(relocate(value, childPath, here));
        } else {
            items.set(index, last ? relocate(value, childPath, here) : set(items.get(index), a, value, i + 1, childPath));
        }
        return new YamlNode.Sequence(seq.location(), seq.path(), items);
    }

    /** The index of the item a bracketed number selects: a year in a list keyed by year, else an index (the size appends). */
    private static int index(YamlNode.Sequence seq, int number, Assignment a, String path) throws UsageException {
        if (number >= FIRST_YEAR) {
            List<String> years = new ArrayList<>();
            for (int k = 0; k < seq.items().size(); k++) {
                String year = yearOf(seq.items().get(k));
                if (year == null) continue;
                if (year.equals(String.valueOf(number))) return k;
                years.add(year);
            }
            throw new UsageException(a.origin() + ": " + path + " has no item with year " + number
                    + (years.isEmpty() ? "" : "; years: " + String.join(", ", years)));
        }
        if (number > seq.items().size()) {
            throw new UsageException(a.origin() + ": " + path + " has " + seq.items().size() + " item(s) (0 to " + (seq.items().size() - 1)
                    + "); [" + number + "] is out of range");
        }
        return number;
    }

    public static String yearOf(YamlNode item) {
        if (item instanceof YamlNode.Mapping m && m.get("year") instanceof YamlNode.Scalar y && !y.isNull()) return y.text();
        return null;
    }

    private static String shown(String path) {
        return path.isEmpty() ? "the submission" : path;
    }

    /** The snippet's nodes, placed at {@code path} and located at the change. */
    static YamlNode relocate(YamlNode node, String path, Location at) {
        if (node instanceof YamlNode.Mapping m) {
            Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
            for (YamlNode.Entry e : m.entries().values()) {
                entries.put(e.key(), new YamlNode.Entry(e.key(), at, relocate(e.value(), path + "." + e.key(), at)));
            }
            return new YamlNode.Mapping(at, path, entries);
        }
        if (node instanceof YamlNode.Sequence s) {
            List<YamlNode> items = new ArrayList<>();
            for (int k = 0; k < s.items().size(); k++) items.add(relocate(s.items().get(k), path + "[" + k + "]", at));
            return new YamlNode.Sequence(at, path, items);
        }
        YamlNode.Scalar s = (YamlNode.Scalar) node;
        return new YamlNode.Scalar(at, path, s.text(), s.type());
    }

    /** The node at a path, or null when the path leads nowhere (for reading current values). */
    public static YamlNode find(YamlNode root, SetPath path) {
        YamlNode node = root;
        for (SetPath.Step step : path.steps()) {
            if (step instanceof SetPath.Key k) {
                if (!(node instanceof YamlNode.Mapping m)) return null;
                node = m.get(k.name());
            } else {
                int number = ((SetPath.Item) step).number();
                if (!(node instanceof YamlNode.Sequence s)) return null;
                node = null;
                if (number >= FIRST_YEAR) {
                    for (YamlNode item : s.items()) if (String.valueOf(number).equals(yearOf(item))) node = item;
                } else if (number < s.items().size()) {
                    node = s.items().get(number);
                }
            }
            if (node == null) return null;
        }
        return node;
    }
}
