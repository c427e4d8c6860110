package org.verdant.verdict;

import org.verdant.findings.Status;
import org.verdant.rulebook.Scorecard;
import org.verdant.submission.Submission;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A reference level the submission states but no finding took (e.g. references.plot_ratio.advanced
 * where the scorecard derives the advanced level as a factor of the basic one, or a 2018 indicator
 * name in a 2025 submission): the verdict warns and says where the level came from instead. A
 * stated level counts as used when a finding names its field (references.&lt;indicator&gt;.&lt;tier&gt;,
 * or the 2025 industry_average / industry_advanced it is read as).
 */
final class ReferenceUse {
    private static final String FIELD_PREFIX = "references.";

    private ReferenceUse() {
    }

    static List<Verdict.Warning> warnings(Submission s, Scorecard scorecard, List<Verdict.Judged> judged) {
        List<Verdict.Warning> out = new ArrayList<>();
        if (s.references().isEmpty()) return out;
        List<String> texts = new ArrayList<>();
        for (Verdict.Judged j : judged) {
            if (j.finding() != null) collect(j.finding().values().values(), texts);
        }
        for (Submission.StatedReference r : s.references().values()) {
            check(r, "basic", r.basic() == null ? null : r.basic().text(), "industry_average", scorecard, judged, texts, out);
            check(r, "advanced", r.advanced() == null ? null : r.advanced().text(), "industry_advanced", scorecard, judged, texts, out);
        }
        return out;
    }

    private static void check(Submission.StatedReference r, String tier, String stated, String industryTier, Scorecard scorecard,
                              List<Verdict.Judged> judged, List<String> texts, List<Verdict.Warning> out) {
        if (stated == null) return;
        String field = "references." + r.indicator() + ".";
        String named = field + tier;
        String namedAsIndustry = field + industryTier;
        for (String t : texts) if (t.contains(named) || t.contains(namedAsIndustry)) return;
        Verdict.Judged user = judged.stream().filter(j -> uses(scorecard, j.id(), r.indicator())).findFirst().orElse(null);
        Object origin = user == null || user.finding() == null ? null : user.finding().values().get(tier + "_from");
        // the field as one word, so no renderer translates its tier
        String path = named;
        if (origin != null) {
            out.add(new Verdict.Warning("reference_unused", user.id(), null, "warning.reference_unused_derived",
                    List.of(path, stated, user.id(), origin)));
        } else if (user != null && user.finding() != null && (user.finding().status() == Status.MISSING_DATA
                || user.finding().status() == Status.NOT_APPLICABLE)) {
            out.add(new Verdict.Warning("reference_unused", user.id(), null, "warning.reference_unused_no_value",
                    List.of(path, stated, user.id())));
        } else if (user != null) {
            out.add(new Verdict.Warning("reference_unused", user.id(), null, "warning.reference_unused_not_read",
                    List.of(path, stated, user.id())));
        } else {
            out.add(new Verdict.Warning("reference_unused", null, null, "warning.reference_unused_no_criterion",
                    List.of(path, stated, scorecard.edition(), r.indicator())));
        }
    }

    /** The criterion computes this indicator (2018: its indicator name; 2025: the table indicator's id). */
    private static boolean uses(Scorecard scorecard, String criterionId, String indicator) {
        return scorecard.criteria().stream().anyMatch(c -> c.id().equals(criterionId)
                && (indicator.equals(c.indicator()) || indicator.equals(c.id())));
    }

    /** The texts that could name a stated level's field (only those holding "references."; the rest cannot). */
    private static void collect(Collection<?> values, List<String> out) {
        for (Object v : values) {
            if (v instanceof String t) {
                if (t.contains(FIELD_PREFIX)) out.add(t);
            }
            else if (v instanceof org.verdant.text.Messages.Phrase p) collect(p.args(), out);
            else if (v instanceof Map<?, ?> m) collect(m.values(), out);
            else if (v instanceof Collection<?> c) collect(c, out);
        }
    }
}
