package org.verdant.golden;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.verdant.cli.VerdantCli;
import org.verdant.coverage.Fixture;
import org.verdant.coverage.FixtureRunner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every fixture against what is checked in for it: a valid submission's hand-written figures
 * (NAME.expect.yaml, transcribed from the fixtures/INTENT*.md computations) and the snapshot of its
 * JSON verdict without digests (NAME.expected.json); an invalid one's exit code and messages
 * (NAME.expected.txt). The conventions and the comparison are {@link FixtureRunner}'s, shared with
 * {@code verdant test}; the formats are in fixtures/README.md. To rewrite the snapshots
 * deliberately: mvn -B verify -Dverdant.golden.update=true (or ./verdant test --update), then
 * review the diff before committing it; the expectation files are never rewritten.
 */
class GoldenFixturesTest {
    private static final boolean UPDATE = Boolean.getBoolean("verdant.golden.update");
    static final List<String> PROJECT_RULEBOOK = List.of("--rules", "rules", "--scorecards", "scorecards");
    private static final Path FIXTURES = Path.of("fixtures");

    @TestFactory
    Stream<DynamicTest> fixtures() throws IOException {
        List<Fixture> fixtures = Fixture.discover(FIXTURES);
        assertThat(fixtures).as("fixtures").isNotEmpty();
        FixtureRunner runner = new FixtureRunner(VerdantCli::runCaptured, PROJECT_RULEBOOK);
        return fixtures.stream().map(f -> DynamicTest.dynamicTest(f.label(), () -> check(runner.run(f))));
    }

    private static void check(FixtureRunner.Result r) throws IOException {
        String label = r.fixture().label();
        if (r.wrongExit()) fail(label + ": " + r.exitExplanation());
        if (UPDATE) FixtureRunner.update(r);
        List<String> failures = new ArrayList<>(r.expectations());
        if (!UPDATE && !r.snapshotMatches()) failures.add("snapshot " + r.fixture().expected() + ":\n" + r.snapshotExplanation());
        if (!failures.isEmpty()) fail(label + "\n" + String.join("\n", failures));
    }

    /** Every valid fixture and variant has hand-written figures, and every such file belongs to one. */
    @Test
    void everyValidFixtureHasAnExpectationFileAndNoneIsStray() throws IOException {
        List<Fixture> fixtures = Fixture.discover(FIXTURES);
        List<String> missing = fixtures.stream().filter(f -> !f.invalid() && !Files.exists(f.expect()))
                .map(f -> f.expect().toString()).toList();
        assertThat(missing).as("valid fixtures without an expectation file").isEmpty();
        Set<Path> owned = fixtures.stream().filter(f -> !f.invalid()).map(Fixture::expect).collect(Collectors.toSet());
        List<Path> stray;
        try (Stream<Path> walk = Files.walk(FIXTURES)) {
            stray = walk.filter(p -> p.getFileName().toString().endsWith(Fixture.EXPECT_SUFFIX) && !owned.contains(p)).sorted().toList();
        }
        assertThat(stray).as("expectation files no valid fixture evaluation reads").isEmpty();
        assertThat(owned).as("expectation files").hasSizeGreaterThan(30);
    }

    private static final Pattern HAND_COMPUTATION = Pattern.compile("# hand computation: (fixtures/INTENT[^,]*\\.md), \"([^\"]+)\"");

    /** Each expectation file's first comment names the INTENT section its figures are transcribed from, and that section exists. */
    @Test
    void everyExpectationFileNamesItsHandComputation() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Fixture f : Fixture.discover(FIXTURES)) {
            if (f.invalid() || !Files.exists(f.expect())) continue;
            String comment = Files.readAllLines(f.expect()).stream().filter(l -> l.startsWith("#")).findFirst().orElse("");
            Matcher m = HAND_COMPUTATION.matcher(comment);
            if (!m.matches()) {
                wrong.add(f.expect() + ": first comment is not '# hand computation: fixtures/INTENT….md, \"SECTION\"'");
            } else if (!Files.exists(Path.of(m.group(1)))
                    || !Files.readAllLines(Path.of(m.group(1))).contains("## " + m.group(2))) {
                wrong.add(f.expect() + ": no section '## " + m.group(2) + "' in " + m.group(1));
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** No snapshot carries a digest: record tests cover digests, and a snapshot must not change with every rulebook edit. */
    @Test
    void noSnapshotCarriesADigest() throws IOException {
        List<Path> withDigest = new ArrayList<>();
        for (Fixture f : Fixture.discover(FIXTURES)) {
            if (!f.invalid() && Files.exists(f.expected()) && Files.readString(f.expected()).contains("\"digest\"")) withDigest.add(f.expected());
        }
        assertThat(withDigest).isEmpty();
    }
}
