package org.verdant.rulebook;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules and scorecards read from one place (a directory pair or the jar). {@code digest}
 * covers every file; a verdict carries {@link #digestFor} over the files it actually used, so
 * adding an unrelated scheme does not change the record of an old evaluation. {@code sources} are
 * the titles and citations its files wrote, in both languages.
 */
public record Rulebook(
        String origin,
        Map<String, Scorecard> scorecards,
        Map<String, IndicatorTable> tables,
        Benchmarks benchmarks,
        Map<String, GradingTable> gradings,
        List<SourceFile> ruleFiles,
        List<SourceFile> files,
        String digest,
        Sources sources) {

    /** The sources an evaluation under {@code scorecard} cites: the rulebook's, and its indicator table's when read from its own file. */
    public Sources sourcesFor(Scorecard scorecard) {
        return scorecard.table() == null ? sources : sources.with(scorecard.table().sources());
    }

    /** The files an evaluation under {@code scorecard} (and {@code grading}, may be null) reads. */
    public List<SourceFile> filesFor(Scorecard scorecard, GradingTable grading) {
        return useFor(scorecard, grading).files();
    }

    public String digestFor(Scorecard scorecard, GradingTable grading) {
        return useFor(scorecard, grading).digest();
    }

    /**
     * What a verdict under {@code scorecard} (and {@code grading}, may be null) names of this
     * rulebook: the files it read, their logical paths, their digest and where its rules are written.
     */
    public record Use(List<SourceFile> files, List<String> logicalPaths, String digest, RuleIndex ruleIndex) {
    }

    /**
     * {@link Use}, worked out once per (rulebook, scorecard with its overlays and table, grading
     * table): every verdict carries it, and working it out again for each (hashing the files,
     * testing each rule file against the rule sets) cost a fifth of an evaluation, then a sixth of
     * building a verdict. A rulebook never changes once read. One look-up per verdict: the
     * rulebook's key is its file list, which hashes every file's entry.
     */
    public Use useFor(Scorecard scorecard, GradingTable grading) {
        // the scorecard's id names its overlays (and so its rule sets); its files name the edition,
        // overlays and indicator table
        String key = scorecard.id() + '\0' + String.join("\0", scorecard.files()) + '\0' + (grading == null ? "" : grading.file());
        return USES.computeIfAbsent(files, k -> new java.util.concurrent.ConcurrentHashMap<>()).computeIfAbsent(key, k -> {
            List<SourceFile> used = selectFiles(scorecard, grading);
            return new Use(used, used.stream().map(SourceFile::logicalPath).toList(), RulebookLoader.digest(used), ruleIndex(scorecard));
        });
    }

    private List<SourceFile> selectFiles(Scorecard scorecard, GradingTable grading) {
        java.util.Set<String> used = new java.util.HashSet<>(scorecard.files());
        if (!benchmarks.rows().isEmpty()) used.add(benchmarks.file());
        if (grading != null) used.add(grading.file());
        List<SourceFile> rules = rulesFor(scorecard);
        return files.stream().filter(f -> used.contains(f.displayPath()) || rules.contains(f)).toList();
    }

    /** What verdicts already named, per rulebook (its file list, held weakly: a rulebook no longer used is forgotten). */
    private static final Map<List<SourceFile>, Map<String, Use>> USES =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /** An indicator table read from a file outside the rulebook (--table FILE), checked as the rulebook's are. */
    public static IndicatorTable tableFromFile(java.nio.file.Path path) throws RulebookException {
        byte[] bytes;
        try {
            bytes = java.nio.file.Files.readAllBytes(path);
        } catch (java.io.IOException e) {
            throw new RulebookException(List.of(new org.verdant.yaml.Problem(org.verdant.text.Location.unknown(path.toString()), "",
                    "cannot read the indicator table: " + e.getMessage())));
        }
        return ScorecardReader.table(new SourceFile("tables/" + path.getFileName(), path.toString(), bytes));
    }

    public Optional<Scorecard> scorecard(String scheme, String edition) {
        return scorecards.values().stream().filter(s -> s.scheme().equals(scheme) && s.edition().equals(edition)).findFirst();
    }

    /** The editions of a scheme, oldest first (overlays are not editions). */
    public List<Scorecard> editions(String scheme) {
        return scorecards.values().stream().filter(s -> s.scheme().equals(scheme) && !s.isOverlay())
                .sorted(java.util.Comparator.comparing((Scorecard s) -> s.appliesFrom() == null ? java.time.LocalDate.MIN : s.appliesFrom()))
                .toList();
    }

    /** The overlays (eligibility rules) that apply to {@code scheme} on {@code date}. */
    public List<Scorecard> overlays(String scheme, java.time.LocalDate date) {
        return scorecards.values().stream().filter(s -> s.overlaysSchemes().contains(scheme))
                .filter(s -> date == null || s.appliesOn(date)).toList();
    }

    /** Where the rules an evaluation under {@code scorecard} compiles are written, by rule name. */
    public RuleIndex ruleIndex(Scorecard scorecard) {
        String key = String.join("\0", scorecard.ruleSets());
        return RULE_INDEXES.computeIfAbsent(files, k -> new java.util.concurrent.ConcurrentHashMap<>())
                .computeIfAbsent(key, k -> RuleIndex.of(rulesFor(scorecard)));
    }

    private static final Map<List<SourceFile>, Map<String, RuleIndex>> RULE_INDEXES =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /** The rule files that belong to a scorecard: rules/common and rules/&lt;id&gt;/ of it and its overlays. */
    public List<SourceFile> rulesFor(Scorecard scorecard) {
        List<String> dirs = scorecard.ruleSets().stream().map(id -> "rules/" + id + "/").toList();
        return ruleFiles.stream().filter(f -> f.logicalPath().startsWith("rules/common/")
                || dirs.stream().anyMatch(d -> f.logicalPath().startsWith(d))).toList();
    }
}
