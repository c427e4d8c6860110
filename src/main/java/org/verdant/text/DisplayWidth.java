package org.verdant.text;

/**
 * How many terminal columns a text takes: a CJK ideograph, a full-width form or a Hangul or kana
 * character takes two, a combining mark none, anything else one (as East Asian Width "W"/"F" in
 * Unicode's UAX #11). String.format's %-20s counts characters, which misaligns every Chinese column.
 */
public final class DisplayWidth {
    private DisplayWidth() {
    }

    public static int of(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            width += columns(cp);
            i += Character.charCount(cp);
        }
        return width;
    }

    /** {@code text} followed by spaces up to {@code width} columns (nothing added when it is already as wide). */
    public static String padRight(String text, int width) {
        int w = of(text);
        return w >= width ? text : text + " ".repeat(width - w);
    }

    /** Spaces up to {@code width} columns, then {@code text}: for numbers in a column. */
    public static String padLeft(String text, int width) {
        int w = of(text);
        return w >= width ? text : " ".repeat(width - w) + text;
    }

    static int columns(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT || cp == 0x200B) return 0;
        if (cp < 0x1100) return 1;
        return wide(cp) ? 2 : 1;
    }

    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F)          // Hangul Jamo initials
                || (cp >= 0x2E80 && cp <= 0x303E)      // CJK radicals, punctuation (、。「」)
                || (cp >= 0x3041 && cp <= 0x33FF)      // kana, bopomofo, CJK compatibility
                || (cp >= 0x3400 && cp <= 0x4DBF)      // CJK extension A
                || (cp >= 0x4E00 && cp <= 0x9FFF)      // CJK unified ideographs
                || (cp >= 0xA000 && cp <= 0xA4CF)      // Yi
                || (cp >= 0xAC00 && cp <= 0xD7A3)      // Hangul syllables
                || (cp >= 0xF900 && cp <= 0xFAFF)      // CJK compatibility ideographs
                || (cp >= 0xFE30 && cp <= 0xFE4F)      // CJK compatibility forms
                || (cp >= 0xFF00 && cp <= 0xFF60)      // full-width forms (，：（）)
                || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x1F300 && cp <= 0x1F64F)    // emoji
                || (cp >= 0x1F900 && cp <= 0x1F9FF)
                || (cp >= 0x20000 && cp <= 0x3FFFD);   // CJK extensions B and beyond
    }
}
