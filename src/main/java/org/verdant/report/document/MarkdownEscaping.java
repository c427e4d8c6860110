package org.verdant.report.document;

import io.pebbletemplates.pebble.extension.escaper.EscapingStrategy;

/**
 * Escapes text for a Markdown (GFM) document: every character Markdown or GFM tables would
 * read as syntax is backslash-escaped (CommonMark allows any ASCII punctuation to be), so a
 * facility name or an evidence line shows as written and cannot open a table cell, a link or raw
 * HTML; line breaks become spaces so a value stays in its table row.
 */
final class MarkdownEscaping implements EscapingStrategy {
    private static final String SPECIAL = "\\`*_[]<>|#&~!";

    @Override
    public String escape(String input) {
        if (input == null) return null;
        StringBuilder b = new StringBuilder(input.length() + 8);
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c == '\r') continue;
            if (c == '\n') {
                b.append(' ');
            } else {
                if (SPECIAL.indexOf(c) >= 0) b.append('\\');
                b.append(c);
            }
        }
        return b.toString();
    }
}
