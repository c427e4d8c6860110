package org.verdant.yaml;

import org.verdant.text.Location;

/**
 * One thing wrong with an input, printed as {@code file:line:column: path: message}. A problem
 * made from a {@link Msg} is put into words where it is shown ({@link #toString(String)}); its
 * {@code message} is the English text, kept for logs and code that matches on it. A problem made
 * from a finished string (not yet converted) shows that string in every language.
 */
public record Problem(Location location, String path, String message, Msg text) implements Comparable<Problem> {

    public Problem(Location location, String path, String message) {
        this(location, path, message, null);
    }

    public Problem(Location location, String path, Msg text) {
        this(location, path, text.render("en"), text);
    }

    /** The message in {@code lang} ("en" or zh, the default). */
    public String message(String lang) {
        return text == null ? message : text.render(lang);
    }

    /** The same problem at another location (a batch item's line within its file). */
    public Problem at(Location elsewhere) {
        return new Problem(elsewhere, path, message, text);
    }

    /** {@code file:line:column: path: message} in {@code lang}. */
    public String toString(String lang) {
        return location + ": " + (path == null || path.isEmpty() ? "" : path + ": ") + message(lang);
    }

    /** In English: for logs and messages to developers; users are shown {@link #toString(String)}. */
    @Override
    public String toString() {
        return toString("en");
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
