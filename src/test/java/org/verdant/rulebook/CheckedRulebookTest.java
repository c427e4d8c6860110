package org.verdant.rulebook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdant.evaluation.Evaluator;
import org.verdant.submission.SubmissionReader;
import org.verdant.text.Messages;
import org.verdant.verdict.VerdictJson;
import org.verdant.yaml.Problems;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A rulebook checked in full once (a note under the cache directory) is afterwards read only for
 * the scheme evaluated; the note holds only for the very rulebook and code it was written for.
 */
class CheckedRulebookTest {
    private static final String CODE = "code-of-this-build";

    @TempDir
    Path tmp;

    /** A copy of the checkout's rules and scorecards that a test may edit. */
    private Path[] copy() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("book"));
        for (String dir : List.of("rules", "scorecards")) {
            try (Stream<Path> walk = Files.walk(Path.of(dir))) {
                for (Path p : walk.toList()) {
                    Path to = root.resolve(p.toString());
                    if (Files.isDirectory(p)) Files.createDirectories(to);
                    else Files.copy(p, to);
                }
            }
        }
        return new Path[]{root.resolve("rules"), root.resolve("scorecards")};
    }

    private Path notes() {
        return tmp.resolve("cache");
    }

    @Test
    void theFirstLoadChecksEverythingAndWritesTheNoteTheNextReadsOnlyTheScheme() throws Exception {
        Path[] book = copy();
        Rulebook first = RulebookLoader.load(book[0], book[1], "green-factory", notes(), CODE);
        Rulebook full = RulebookLoader.load(book[0], book[1]);
        assertThat(first.scorecards().keySet()).isEqualTo(full.scorecards().keySet());
        assertThat(Files.exists(CheckedRulebook.file(notes(), full.digest(), CODE))).isTrue();

        Rulebook part = RulebookLoader.load(book[0], book[1], "green-factory", notes(), CODE);
        assertThat(part.scorecards().keySet()).contains("green-factory/gbt36132-2018", "green-factory/gbt36132-2025", "cultivation/miit-2024-13")
                .doesNotContain("green-park/miit-2016-586", "green-supply-chain/miit-2016-586", "zero-carbon-park/ndrc-2025-910");
        assertThat(part.tables().keySet()).isEqualTo(full.tables().keySet());
        assertThat(part.gradings().keySet()).isEqualTo(full.gradings().keySet());
        assertThat(part.digest()).isEqualTo(full.digest());
        assertThat(part.files()).extracting(SourceFile::logicalPath).isEqualTo(full.files().stream().map(SourceFile::logicalPath).toList());

        Rulebook park = RulebookLoader.load(book[0], book[1], "green-park", notes(), CODE);
        assertThat(park.scorecards().keySet()).contains("green-park/miit-2016-586", "cultivation/miit-2024-13")
                .doesNotContain("green-factory/gbt36132-2018");
        assertThat(park.tables()).as("no green-park edition uses the 2025 indicator tables").isEmpty();

        Rulebook unknown = RulebookLoader.load(book[0], book[1], "no-such-scheme", notes(), CODE);
        assertThat(unknown.scorecards().keySet()).as("an unknown scheme is told every scheme there is").isEqualTo(full.scorecards().keySet());
    }

    @Test
    void anEditedScorecardTakesEffectOnTheNextRun() throws Exception {
        Path[] book = copy();
        RulebookLoader.load(book[0], book[1], "green-factory", notes(), CODE);
        Path scorecard = book[1].resolve("green-factory/gbt36132-2018.yaml");
        String text = Files.readString(scorecard, StandardCharsets.UTF_8);
        assertThat(text).contains("version: \"2026.12.1\"");
        Files.writeString(scorecard, text.replace("version: \"2026.12.1\"", "version: \"2026.12.99\""), StandardCharsets.UTF_8);
        for (int run = 0; run < 2; run++) { // the first checks everything again, the second reads the part
            Rulebook edited = RulebookLoader.load(book[0], book[1], "green-factory", notes(), CODE);
            assertThat(edited.scorecards().get("green-factory/gbt36132-2018").version()).isEqualTo("2026.12.99");
        }
    }

    @Test
    void aBrokenScorecardOfAnotherSchemeIsReportedAfterTheNoteWasWritten() throws Exception {
        Path[] book = copy();
        RulebookLoader.load(book[0], book[1], "green-factory", notes(), CODE);
        assertThat(RulebookLoader.load(book[0], book[1], "green-factory", notes(), CODE).scorecards()).doesNotContainKey("green-park/miit-2016-586");
        Path park = book[1].resolve("green-park/miit-2016-586.yaml");
        Files.writeString(park, Files.readString(park, StandardCharsets.UTF_8).replace("format: verdant.scorecard/1", "format: [unclosed"),
                StandardCharsets.UTF_8);
        for (int run = 0; run < 2; run++) { // and no note is written for the broken rulebook
            assertThatThrownBy(() -> RulebookLoader.load(book[0], book[1], "green-factory", notes(), CODE))
                    .isInstanceOf(RulebookException.class).satisfies(CheckedRulebookTest::namesTheParkScorecard);
        }
    }

    @Test
    void aNoteIsNeverTrustedForAnotherDigestOrAnotherBuild() throws Exception {
        Path[] book = copy();
        Rulebook full = RulebookLoader.load(book[0], book[1], "green-factory", notes(), CODE);
        Path note = CheckedRulebook.file(notes(), full.digest(), CODE);
        // another build's checks may differ: its first load checks everything
        assertThat(RulebookLoader.load(book[0], book[1], "green-factory", notes(), "another-build").scorecards())
                .containsKey("green-park/miit-2016-586");

        // break another scheme's scorecard, then put the old note where the new rulebook's would be
        Path park = book[1].resolve("green-park/miit-2016-586.yaml");
        Files.writeString(park, Files.readString(park, StandardCharsets.UTF_8).replace("format: verdant.scorecard/1", "format: [unclosed"),
                StandardCharsets.UTF_8);
        String brokenDigest = RulebookLoader.digest(RulebookLoader.read(book[0], book[1]));
        Files.copy(note, CheckedRulebook.file(notes(), brokenDigest, CODE));
        assertThatThrownBy(() -> RulebookLoader.load(book[0], book[1], "green-factory", notes(), CODE))
                .as("a note naming another digest inside is not this rulebook's").isInstanceOf(RulebookException.class)
                .satisfies(CheckedRulebookTest::namesTheParkScorecard);
        // a note cut short (a crashed writer on a file system without atomic rename) is not trusted either
        Files.writeString(CheckedRulebook.file(notes(), brokenDigest, CODE), CheckedRulebook.LAYOUT + "\ndigest\t" + brokenDigest
                + "\ncode\t" + CODE + "\nscorecard\tscorecards/green-park/miit-2016-586.yaml\tgreen-park\tMIIT-2016-586-park\t\n");
        assertThatThrownBy(() -> RulebookLoader.load(book[0], book[1], "green-factory", notes(), CODE)).isInstanceOf(RulebookException.class);
    }

    /** Every fixture, valid or not, gives the same verdict or the same problems from its scheme's part as from the whole rulebook. */
    @Test
    void everyFixtureGivesTheSameVerdictOrProblemsFromItsSchemesPart() throws Exception {
        Rulebook full = RulebookLoader.load(Path.of("rules"), Path.of("scorecards"), "green-factory", notes(), CODE);
        KieBaseCache compiled = new KieBaseCache(tmp.resolve("kiebases"));
        Evaluator whole = new Evaluator(new CompiledRulebook(full, compiled));
        List<Path> fixtures;
        try (Stream<Path> walk = Files.walk(Path.of("fixtures"))) {
            fixtures = walk.filter(org.verdant.coverage.Fixture::isSubmission).sorted().toList();
        }
        java.util.Map<String, Evaluator> parts = new java.util.HashMap<>();
        List<String> fromAPart = new ArrayList<>();
        for (Path f : fixtures) {
            byte[] bytes = Files.readAllBytes(f);
            var partial = SubmissionReader.readPartial(f.toString(), bytes, new Problems());
            String scheme = partial == null ? null : partial.scheme();
            if (scheme == null) continue;
            Evaluator part = parts.computeIfAbsent(scheme, s -> {
                try {
                    return new Evaluator(new CompiledRulebook(RulebookLoader.load(Path.of("rules"), Path.of("scorecards"), s, notes(), CODE), compiled));
                } catch (RulebookException e) {
                    throw new IllegalStateException(e);
                }
            });
            if (part.rulebook().rulebook().scorecards().size() < full.scorecards().size()) fromAPart.add(f.toString());
            for (String lang : List.of("zh", "en")) {
                assertThat(outcome(part, f, bytes, lang)).as(f + " " + lang).isEqualTo(outcome(whole, f, bytes, lang));
            }
        }
        assertThat(fromAPart).as("fixtures evaluated from a part of the rulebook").hasSizeGreaterThan(30);
    }

    private static void namesTheParkScorecard(Throwable e) {
        assertThat(((RulebookException) e).problems().toString()).contains("green-park/miit-2016-586.yaml");
    }

    private static String outcome(Evaluator evaluator, Path f, byte[] bytes, String lang) throws Exception {
        try {
            return VerdictJson.write(evaluator.evaluate(f.toString(), bytes, Evaluator.Options.defaults()), new Messages(lang));
        } catch (org.verdant.fault.Fault e) {
            return e.kind() + ": " + e.getMessage() + " " + e.problems();
        } catch (RuntimeException e) {
            return "failed: " + e;
        }
    }
}
