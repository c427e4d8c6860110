package org.verdant.text;

/** A place in a source file, 1-based. */
public record Location(String file, int line, int column) {

    public static Location unknown(String file) {
        return new Location(file, 0, 0);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ":" + column : file;
    }
}
