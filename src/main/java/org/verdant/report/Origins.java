package org.verdant.report;

import org.verdant.rulebook.SourceTitles;
import org.verdant.text.Messages;

/**
 * Where a level or figure came from, in the reader's language: the verdict carries origins in
 * English ({@code scorecard}, {@code submission (references.… = …)}, the sources' English titles);
 * people see the origin words from the message bundle and each source's title in their language.
 */
public final class Origins {
    private static final String SUBMISSION = "submission (";
    /** The scorecard's fallback where the submission states no level (facts.References). */
    private static final java.util.regex.Pattern SCORECARD_DEFAULT =
            java.util.regex.Pattern.compile("scorecard default \\((\\S+) not stated\\)");
    /** A level of an energy-limit standard's row: "GB … 产品, level 3 — source". */
    private static final java.util.regex.Pattern LIMIT_LEVEL = java.util.regex.Pattern.compile(", level (\\d+) — ");
    /** A level of an energy-limit row with its correction: "GB 21256-2025 level 2 (blast-furnace), corrected: …". */
    private static final java.util.regex.Pattern ROW_LEVEL = java.util.regex.Pattern.compile("(?<=\\d) level (\\d+) \\(([^)\\s]+)\\)(, corrected:)?");
    /** What a missing level asks the submission for (facts.References). */
    private static final String STATE_IT = ", with its source; or evaluate against a calibrated table)";

    private Origins() {
    }

    public static String shown(Object origin, Messages m) {
        if (origin == null) return null;
        String text = String.valueOf(origin);
        if (text.equals("scorecard")) return m.get("origin.scorecard");
        if (text.equals("submission")) return m.get("origin.submission");
        java.util.regex.Matcher d = SCORECARD_DEFAULT.matcher(text);
        if (d.lookingAt()) text = m.get("origin.scorecard_default", d.group(1)) + text.substring(d.end());
        java.util.regex.Matcher l = LIMIT_LEVEL.matcher(text);
        if (l.find()) text = text.substring(0, l.start()) + m.get("origin.limit_level", l.group(1)) + " — " + text.substring(l.end());
        text = ROW_LEVEL.matcher(text).replaceAll(r -> java.util.regex.Matcher.quoteReplacement(" " + m.get("origin.row_level", r.group(1), r.group(2))
                + (r.group(3) == null ? "" : m.get("origin.corrected"))));
        if (text.endsWith(STATE_IT)) text = text.substring(0, text.length() - STATE_IT.length()) + m.get("origin.state_it") + ")";
        if (text.startsWith(SUBMISSION)) text = m.get("origin.submission") + " (" + text.substring(SUBMISSION.length());
        return SourceTitles.in(text, m.lang());
    }
}
