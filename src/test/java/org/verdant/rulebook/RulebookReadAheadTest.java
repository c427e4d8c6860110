package org.verdant.rulebook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rulebook read ahead on another thread (a cold {@code evaluate} parses the scorecards while
 * picocli builds the command) is used only when every file is still the one it read: an edited
 * scorecard takes effect at once, and a failed read ahead changes nothing.
 */
class RulebookReadAheadTest {
    private static final String SCORECARD = "green-factory/gbt36132-2018.yaml";
    private static final String TITLE = "title: {zh: \"绿色工厂评价通则\", en: \"General principles for green factory evaluation\"}";

    @TempDir
    Path tmp;

    private Path rules;
    private Path scorecards;

    private void copyRulebook() throws IOException {
        rules = copyTree(Path.of("rules"), tmp.resolve("rules"));
        scorecards = copyTree(Path.of("scorecards"), tmp.resolve("scorecards"));
    }

    private static Path copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
        return to;
    }

    private void editTitle(String zh) throws IOException {
        Path file = scorecards.resolve(SCORECARD);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains(TITLE);
        Files.writeString(file, text.replace(TITLE, TITLE.replace("绿色工厂评价通则", zh)), StandardCharsets.UTF_8);
    }

    private Scorecard factory2018(Rulebook r) {
        return r.scorecard("green-factory", "GB/T 36132-2018").orElseThrow();
    }

    @Test
    void theRulebookReadAheadIsTheOneLoadedWhenNoFileChanged() throws Exception {
        copyRulebook();
        Rulebook ahead = RulebookLoader.startReadAhead(rules, scorecards).get();
        Rulebook loaded = RulebookLoader.load(rules, scorecards);
        assertThat(loaded).isSameAs(ahead);
        Rulebook again = RulebookLoader.load(rules, scorecards);
        assertThat(again).as("used once, then read as before").isNotSameAs(ahead);
        assertThat(again.digest()).isEqualTo(ahead.digest());
        assertThat(again.scorecards().keySet()).isEqualTo(ahead.scorecards().keySet());
        assertThat(again.files()).hasSameSizeAs(ahead.files());
    }

    @Test
    void aScorecardEditedAfterTheReadAheadTakesEffectAtOnce() throws Exception {
        copyRulebook();
        Rulebook ahead = RulebookLoader.startReadAhead(rules, scorecards).get();
        editTitle("绿色工厂评价通则（已改）");
        Rulebook loaded = RulebookLoader.load(rules, scorecards);
        assertThat(loaded).isNotSameAs(ahead);
        assertThat(factory2018(ahead).title().zh()).isEqualTo("绿色工厂评价通则");
        assertThat(factory2018(loaded).title().zh()).isEqualTo("绿色工厂评价通则（已改）");
        assertThat(loaded.digest()).isNotEqualTo(ahead.digest());
    }

    @Test
    void aReadAheadOfOtherDirectoriesIsNotUsed() throws Exception {
        copyRulebook();
        Path otherScorecards = copyTree(Path.of("scorecards"), tmp.resolve("other-scorecards"));
        Rulebook ahead = RulebookLoader.startReadAhead(rules, otherScorecards).get();
        Rulebook loaded = RulebookLoader.load(rules, scorecards);
        assertThat(loaded).isNotSameAs(ahead);
        assertThat(loaded.origin()).isEqualTo(rules + " + " + scorecards);
    }

    @Test
    void aFailedReadAheadIsForgottenAndTheLoadReportsWhatItFindsItself() throws Exception {
        copyRulebook();
        Path file = scorecards.resolve(SCORECARD);
        String good = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, good.replace("format: verdant.scorecard/1", "format: [unclosed"), StandardCharsets.UTF_8);
        assertThat(RulebookLoader.startReadAhead(rules, scorecards)).failsWithin(java.time.Duration.ofMinutes(2));
        // still broken: the same problems as a load with no read ahead
        String withReadAhead = messages(() -> RulebookLoader.load(rules, scorecards));
        String without = messages(() -> RulebookLoader.load(rules, scorecards));
        assertThat(withReadAhead).isEqualTo(without).contains("gbt36132-2018.yaml");
        // mended after a failed read ahead: the load reads the mended file
        RulebookLoader.startReadAhead(rules, scorecards).handle((r, e) -> null).get();
        Files.writeString(file, good, StandardCharsets.UTF_8);
        assertThat(factory2018(RulebookLoader.load(rules, scorecards)).title().zh()).isEqualTo("绿色工厂评价通则");
    }

    private interface Load {
        Rulebook run() throws RulebookException;
    }

    private static String messages(Load load) {
        try {
            load.run();
        } catch (RulebookException e) {
            return e.problems().toString();
        }
        throw new AssertionError("expected the rulebook to be refused");
    }

    /** Several files broken at once (parsed in parallel): the problems are the same, in the same order, every time. */
    @Test
    void problemsOfManyBrokenFilesComeInTheSameOrderEveryTime() throws Exception {
        copyRulebook();
        try (Stream<Path> all = Files.walk(scorecards)) {
            for (Path p : all.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                Files.writeString(p, Files.readString(p, StandardCharsets.UTF_8) + "\nbroken: [\n", StandardCharsets.UTF_8);
            }
        }
        String first = messages(() -> RulebookLoader.load(rules, scorecards));
        for (int i = 0; i < 5; i++) assertThat(messages(() -> RulebookLoader.load(rules, scorecards))).isEqualTo(first);
        assertThat(first).contains("gbt36132-2018.yaml").contains("miit-2016-586.yaml");
    }
}
