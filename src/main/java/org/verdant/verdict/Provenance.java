package org.verdant.verdict;

import org.verdant.rulebook.Sources;
import org.verdant.text.Messages;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a level or figure came from, in the reader's language: the verdict carries origins in
 * English ({@code scorecard}, {@code submission (references.… = …)}, the sources' English
 * citations); people see the origin words from the message bundle and each citation (title,
 * where it is described, detail) in their language, from the sources the verdict carries. The
 * verdict's own warnings and every renderer for people ({@code report.Origins}) show origins so.
 */
public final class Provenance {
    private static final String SUBMISSION = "submission (";
    /** The scorecard's fallback where the submission states no level (facts.References). */
    private static final Pattern SCORECARD_DEFAULT = Pattern.compile("scorecard default \\((\\S+) not stated\\)");
    /** A level of an energy-limit standard's row: "GB … 产品, level 3 — source". */
    private static final Pattern LIMIT_LEVEL = Pattern.compile(", level (\\d+) — ");
    /** A level of an energy-limit row with its correction: "GB 21256-2025 level 2 (blast-furnace), corrected: …". */
    private static final Pattern ROW_LEVEL = Pattern.compile("(?<=\\d) level (\\d+) \\(([^)\\s]+)\\)(, corrected:)?");
    /** What a missing level asks the submission for (facts.References). */
    private static final String STATE_IT = ", with its source; or evaluate against a calibrated table)";
    /** An advanced level derived from the basic one: "1.2 × basic level 0.7". */
    private static final Pattern FACTOR_OF_BASIC = Pattern.compile("^(\\S+) × basic level (\\S+)$");
    /** The tier of the factory's annual energy use: "tier ≥ 10000 tce (annual energy 12000 tce)". */
    private static final Pattern ENERGY_TIER = Pattern.compile("^tier ≥ (.+?) \\(annual energy (.+)\\)$");
    /** The annual energy use is missing: "the factory's annual energy use (energy.…)". */
    private static final Pattern NO_ANNUAL_ENERGY = Pattern.compile("^the factory's annual energy use \\((.*)\\)$");
    /** No tier holds the annual energy use. */
    private static final Pattern NO_TIER = Pattern.compile("^a tier for annual energy (.+)$");
    /** A stated industry level in another unit: "references.x.industry_average = 3 kg is not in the indicator's unit (%)". */
    private static final Pattern OTHER_UNIT = Pattern.compile("^(\\S+ = .+) is not in the indicator's unit \\((.+)\\)$");
    /** The advanced level is missing because the basic one is. */
    private static final String DERIVED = " (the advanced level is derived from it)";

    private Provenance() {
    }

    /** The origin words in the reader's language; source titles stay as the verdict wrote them (no sources known). */
    public static String shown(Object origin, Messages m) {
        return shown(origin, m, Sources.NONE);
    }

    /** The origin in the reader's language, each citation of {@code sources} in it shown in that language. */
    public static String shown(Object origin, Messages m, Sources sources) {
        if (origin == null) return null;
        // the facts' own phrases (facts.References) are already words of a language
        if (origin instanceof Messages.Phrase p) return (sources == null ? Sources.NONE : sources).in(m.get(p.key(), p.args()), m.lang());
        String text = String.valueOf(origin);
        if (text.equals("scorecard")) return m.get("origin.scorecard");
        if (text.equals("submission")) return m.get("origin.submission");
        boolean derived = text.endsWith(DERIVED);
        if (derived) text = text.substring(0, text.length() - DERIVED.length());
        text = words(text, m);
        if (derived) text += m.get("origin.derived_from_basic");
        return (sources == null ? Sources.NONE : sources).in(text, m.lang());
    }

    private static String words(String text, Messages m) {
        Matcher f = FACTOR_OF_BASIC.matcher(text);
        if (f.matches()) return m.get("origin.factor_of_basic", f.group(1), f.group(2));
        Matcher t = ENERGY_TIER.matcher(text);
        if (t.matches()) return m.get("origin.energy_tier", t.group(1), t.group(2));
        Matcher e = NO_ANNUAL_ENERGY.matcher(text);
        if (e.matches()) return m.get("origin.no_annual_energy", e.group(1));
        Matcher n = NO_TIER.matcher(text);
        if (n.matches()) return m.get("origin.no_energy_tier", n.group(1));
        Matcher u = OTHER_UNIT.matcher(text);
        if (u.matches()) {
            String unit = u.group(2).equals("a plain ratio") ? m.get("origin.plain_ratio") : u.group(2);
            return m.get("origin.other_unit", u.group(1), unit);
        }
        Matcher d = SCORECARD_DEFAULT.matcher(text);
        if (d.lookingAt()) text = m.get("origin.scorecard_default", d.group(1)) + text.substring(d.end());
        Matcher l = LIMIT_LEVEL.matcher(text);
        if (l.find()) text = text.substring(0, l.start()) + m.get("origin.limit_level", l.group(1)) + " — " + text.substring(l.end());
        text = ROW_LEVEL.matcher(text).replaceAll(r -> Matcher.quoteReplacement(" " + m.get("origin.row_level", r.group(1), r.group(2))
                + (r.group(3) == null ? "" : m.get("origin.corrected"))));
        if (text.endsWith(STATE_IT)) text = text.substring(0, text.length() - STATE_IT.length()) + m.get("origin.state_it") + ")";
        if (text.startsWith(SUBMISSION)) text = m.get("origin.submission") + " (" + text.substring(SUBMISSION.length());
        return text;
    }
}
