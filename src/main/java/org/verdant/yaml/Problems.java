package org.verdant.yaml;

import org.verdant.text.Location;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects every problem in an input so they can be reported at once. A hostile file can hold
 * hundreds of thousands of problems (an alias on every item of a long list); past
 * {@link #MAX_LISTED} only the count is kept, and {@link #sorted()} ends with one line saying how
 * many more there were, so the report stays readable and the memory bounded.
 */
public final class Problems {
    public static final int MAX_LISTED = 200;

    private final List<Problem> list = new ArrayList<>();
    private int unlisted;
    private String unlistedFile;

    public void add(Location location, String path, String message) {
        add(new Problem(location, path, message));
    }

    public void add(Location location, String path, Msg text) {
        add(new Problem(location, path, text));
    }

    public void add(YamlNode node, Msg text) {
        add(node.location(), node.path(), text);
    }

    /** {@code problems.say(node, "problem.blank")}: the problem's text is the bundles' {@code key} with {@code args}. */
    public void say(YamlNode node, String key, Object... args) {
        add(node, Msg.of(key, args));
    }

    public void say(Location location, String path, String key, Object... args) {
        add(location, path, Msg.of(key, args));
    }

    private void add(Problem p) {
        if (list.size() < MAX_LISTED) {
            list.add(p);
        } else {
            unlisted++;
            if (unlistedFile == null) unlistedFile = p.location().file();
        }
    }

    public void add(YamlNode node, String message) {
        add(node.location(), node.path(), message);
    }

    public void addAll(Problems other) {
        other.list.forEach(this::add);
        if (other.unlisted > 0) {
            if (unlistedFile == null) unlistedFile = other.unlistedFile;
            unlisted += other.unlisted;
        }
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    /** How many problems were found, listed or not. */
    public int count() {
        return list.size() + unlisted;
    }

    /** The problems in file order; past {@link #MAX_LISTED}, a last line counts the rest. */
    public List<Problem> sorted() {
        List<Problem> copy = new ArrayList<>(list);
        Collections.sort(copy);
        if (unlisted > 0) {
            copy.add(new Problem(Location.unknown(unlistedFile), "",
                    Msg.of("problem.more_not_listed", unlisted, count(), MAX_LISTED)));
        }
        return copy;
    }
}
