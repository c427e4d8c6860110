package org.verdant.plan;

import org.verdant.evaluation.UsageException;
import org.verdant.yaml.Msg;

/**
 * One what-if change, {@code PATH=VALUE}: VALUE is a YAML scalar or flow snippet
 * ({@code 170000 tce}, {@code true}, {@code {met: true, evidence: [report]}}).
 */
public record Assignment(SetPath path, String value) {

    public static Assignment parse(String argument) throws UsageException {
        int eq = argument.indexOf('=');
        if (eq <= 0) throw new UsageException(null, Msg.of("set.no_equals", argument));
        String path = argument.substring(0, eq).strip();
        String value = argument.substring(eq + 1).strip();
        if (value.isEmpty()) throw new UsageException(null, Msg.of("set.no_value", argument));
        try {
            return new Assignment(SetPath.parse(path), value);
        } catch (UsageException e) {
            throw new UsageException(null, Msg.of("set.bad", argument, e.text()));
        }
    }

    public static Assignment of(String path, String value) {
        try {
            return new Assignment(SetPath.parse(path), value);
        } catch (UsageException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** How the change is written on a command line and in messages. */
    public String text() {
        return path.text() + "=" + value;
    }

    /** The pseudo-file problems in this change are located in. */
    public String origin() {
        return "--set " + text();
    }

    /** The changes as --set options a shell reads back unchanged. */
    public static String options(java.util.List<Assignment> changes) {
        return String.join(" ", changes.stream().map(a -> "--set " + quote(a.text())).toList());
    }

    /** Quoted for a POSIX shell unless it holds only plain path and number characters. */
    static String quote(String s) {
        if (s.matches("[A-Za-z0-9_.\\-=:/+]+")) return s;
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
