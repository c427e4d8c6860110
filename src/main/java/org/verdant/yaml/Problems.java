package org.verdant.yaml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects every problem in an input so they can be reported at once. */
public final class Problems {
    private final List<Problem> list = new ArrayList<>();

    public void add(Location location, String path, String message) {
        list.add(new Problem(location, path, message));
    }

    public void add(YamlNode node, String message) {
        add(node.location(), node.path(), message);
    }

    public void addAll(Problems other) {
        list.addAll(other.list);
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public List<Problem> sorted() {
        List<Problem> copy = new ArrayList<>(list);
        Collections.sort(copy);
        return copy;
    }
}
