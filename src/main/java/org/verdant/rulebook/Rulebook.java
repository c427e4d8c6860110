package org.verdant.rulebook;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules and scorecards read from one place (a directory pair or the jar), with a digest over
 * all of their bytes so a verdict names exactly which rulebook produced it.
 */
public record Rulebook(
        String origin,
        Map<String, Scorecard> scorecards,
        Benchmarks benchmarks,
        Map<String, GradingTable> gradings,
        List<SourceFile> ruleFiles,
        String digest) {

    public Optional<Scorecard> scorecard(String scheme, String edition) {
        return scorecards.values().stream().filter(s -> s.scheme().equals(scheme) && s.edition().equals(edition)).findFirst();
    }

    public List<Scorecard> editions(String scheme) {
        return scorecards.values().stream().filter(s -> s.scheme().equals(scheme)).toList();
    }

    /** The rule files that belong to a scorecard: rules/common and rules/&lt;scorecard id&gt;. */
    public List<SourceFile> rulesFor(Scorecard scorecard) {
        String own = "rules/" + scorecard.id() + "/";
        return ruleFiles.stream().filter(f -> f.logicalPath().startsWith(own) || f.logicalPath().startsWith("rules/common/")).toList();
    }
}
