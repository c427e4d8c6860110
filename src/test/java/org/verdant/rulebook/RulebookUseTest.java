package org.verdant.rulebook;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a verdict names of its rulebook ({@link Rulebook#useFor}: files, their paths, digest, rule
 * index) is worked out once per rulebook and kept: it must be what the rulebook's files say for
 * every edition with its overlays and every grading table, kept apart per grading, and the same
 * for a rulebook read again.
 */
class RulebookUseTest {
    private static Rulebook load() throws Exception {
        return RulebookLoader.load(Path.of("rules"), Path.of("scorecards"));
    }

    @Test
    void everyEditionAndGradingNamesTheFilesItReads() throws Exception {
        Rulebook rulebook = load();
        Rulebook again = load();
        int checked = 0;
        for (Scorecard edition : rulebook.scorecards().values()) {
            if (edition.isOverlay()) continue;
            Scorecard scorecard = edition.withOverlays(rulebook.overlays(edition.scheme(), edition.appliesFrom()));
            List<GradingTable> gradings = new ArrayList<>();
            gradings.add(null);
            rulebook.gradings().values().stream().filter(g -> g.appliesTo(scorecard.scheme(), scorecard.edition())).forEach(gradings::add);
            for (GradingTable grading : gradings) {
                Rulebook.Use use = rulebook.useFor(scorecard, grading);
                for (int round = 0; round < 2; round++) assertThat(rulebook.useFor(scorecard, grading)).isSameAs(use);
                List<String> displayed = use.files().stream().map(SourceFile::displayPath).toList();
                assertThat(displayed).containsAll(scorecard.files());
                if (grading != null) assertThat(displayed).contains(grading.file());
                for (SourceFile rule : rulebook.rulesFor(scorecard)) assertThat(use.files()).contains(rule);
                // nothing else: every file named is the scorecard's, an overlay's, the grading's, the benchmarks' or a rule of its rule sets
                for (SourceFile f : use.files()) {
                    assertThat(scorecard.files().contains(f.displayPath()) || rulebook.rulesFor(scorecard).contains(f)
                            || grading != null && grading.file().equals(f.displayPath())
                            || f.displayPath().equals(rulebook.benchmarks().file())).as(f.logicalPath()).isTrue();
                }
                assertThat(use.logicalPaths()).isEqualTo(use.files().stream().map(SourceFile::logicalPath).toList());
                assertThat(use.digest()).isEqualTo(RulebookLoader.digest(use.files())).isEqualTo(rulebook.digestFor(scorecard, grading));
                assertThat(rulebook.filesFor(scorecard, grading)).isEqualTo(use.files());
                assertThat(use.ruleIndex()).isSameAs(rulebook.ruleIndex(scorecard));
                Rulebook.Use read = again.useFor(scorecard, grading);
                assertThat(read.logicalPaths()).isEqualTo(use.logicalPaths());
                assertThat(read.digest()).isEqualTo(use.digest());
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(4);
    }

    @Test
    void aGradingTableChangesTheFilesAndTheDigest() throws Exception {
        Rulebook rulebook = load();
        Scorecard edition = rulebook.scorecard("green-factory", "GB/T 36132-2018").orElseThrow();
        GradingTable grading = rulebook.gradings().values().stream()
                .filter(g -> g.appliesTo(edition.scheme(), edition.edition())).findFirst().orElseThrow();
        Rulebook.Use without = rulebook.useFor(edition, null);
        Rulebook.Use with = rulebook.useFor(edition, grading);
        assertThat(with.logicalPaths()).hasSize(without.logicalPaths().size() + 1);
        assertThat(with.digest()).isNotEqualTo(without.digest());
    }
}
