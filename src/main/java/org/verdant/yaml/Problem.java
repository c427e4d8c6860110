package org.verdant.yaml;

import org.verdant.text.Location;
/** One thing wrong with an input, printed as {@code file:line:column: path: message}. */
public record Problem(Location location, String path, String message) implements Comparable<Problem> {

    @Override
    public String toString() {
        return location + ": " + (path == null || path.isEmpty() ? "" : path + ": ") + message;
    }

    @Override
    public int compareTo(Problem o) {
        int c = location.file().compareTo(o.location.file());
        if (c != 0) return c;
        c = Integer.compare(location.line(), o.location.line());
        if (c != 0) return c;
        c = Integer.compare(location.column(), o.location.column());
        return c != 0 ? c : toString().compareTo(o.toString());
    }
}
