package org.verdant.plan;

import org.verdant.evaluation.UsageException;
import org.verdant.yaml.Msg;

import java.util.ArrayList;
import java.util.List;

/**
 * A path into a submission as a user writes it: keys joined by dots, list items in brackets,
 * e.g. {@code products[0].energy}, {@code claims.INF-11.met}, {@code park.years[2025].statistics.energy}.
 * A bracketed number selects the item at that index, or, in a list of items keyed by {@code year},
 * the item with that year.
 */
public record SetPath(String text, List<Step> steps) {

    /** One step down the tree. */
    public sealed interface Step permits Key, Item {
    }

    public record Key(String name) implements Step {
    }

    public record Item(int number) implements Step {
    }

    public static SetPath parse(String text) throws UsageException {
        List<Step> steps = new ArrayList<>();
        int i = 0;
        int n = text.length();
        if (n == 0) throw new UsageException(null, Msg.of("set.path.empty"));
        while (i < n) {
            char c = text.charAt(i);
            if (c == '[') {
                int close = text.indexOf(']', i);
                if (close < 0) throw new UsageException(null, Msg.of("set.path.open_bracket", text));
                String inside = text.substring(i + 1, close).strip();
                if (!inside.matches("\\d{1,6}")) {
                    throw new UsageException(null, Msg.of("set.path.index", text, inside));
                }
                if (steps.isEmpty()) throw new UsageException(null, Msg.of("set.path.start", text));
                steps.add(new Item(Integer.parseInt(inside)));
                i = close + 1;
                if (i < n && text.charAt(i) != '.' && text.charAt(i) != '[') {
                    throw new UsageException(null, Msg.of("set.path.after_bracket", text));
                }
                if (i < n && text.charAt(i) == '.') i++;
                if (i == n && text.endsWith(".")) throw new UsageException(null, Msg.of("set.path.ends_with_dot", text));
            } else {
                int end = i;
                while (end < n && text.charAt(end) != '.' && text.charAt(end) != '[') end++;
                String key = text.substring(i, end);
                if (key.isBlank() || !key.strip().equals(key)) {
                    throw new UsageException(null, Msg.of("set.path.empty_key", text));
                }
                if (key.contains("]")) throw new UsageException(null, Msg.of("set.path.close_bracket", text));
                steps.add(new Key(key));
                i = end;
                if (i < n && text.charAt(i) == '.') {
                    i++;
                    if (i == n) throw new UsageException(null, Msg.of("set.path.ends_with_dot", text));
                }
            }
        }
        return new SetPath(text, List.copyOf(steps));
    }

    /** The dotted form the submission reader uses in its messages for a located node. */
    public static String childPath(String parent, Step step) {
        if (step instanceof Key k) return parent.isEmpty() ? k.name() : parent + "." + k.name();
        return parent + "[" + ((Item) step).number() + "]";
    }
}
