package org.verdant.golden;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.verdant.cli.VerdantCli;
import org.verdant.coverage.Fixture;
import org.verdant.coverage.FixtureRunner;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every fixture against its checked-in expectation: a valid submission's JSON verdict
 * (NAME.expected.json) or an invalid one's exit code and messages (NAME.expected.txt). The
 * fixture conventions and the comparison are {@link FixtureRunner}'s, shared with
 * {@code verdant test}. To rewrite expectations deliberately: mvn -B verify
 * -Dverdant.golden.update=true (or ./verdant test --update), then review the diff before
 * committing it. NAME.args holds extra options (one line; double quotes keep a value with spaces
 * together); a variant NAME.VARIANT.args evaluates the same file again and compares with
 * NAME.VARIANT.expected.json.
 */
class GoldenFixturesTest {
    private static final boolean UPDATE = Boolean.getBoolean("verdant.golden.update");
    static final List<String> PROJECT_RULEBOOK = List.of("--rules", "rules", "--scorecards", "scorecards");

    @TestFactory
    Stream<DynamicTest> fixtures() throws IOException {
        List<Fixture> fixtures = Fixture.discover(Path.of("fixtures"));
        assertThat(fixtures).as("fixtures").isNotEmpty();
        FixtureRunner runner = new FixtureRunner(VerdantCli::runCaptured, PROJECT_RULEBOOK);
        return fixtures.stream().map(f -> DynamicTest.dynamicTest(f.label(), () -> check(runner.run(f))));
    }

    private static void check(FixtureRunner.Result r) throws IOException {
        assertThat(r.outcome()).as(r.fixture().label() + ": " + r.explanation()).isNotEqualTo(FixtureRunner.Outcome.WRONG_EXIT);
        if (UPDATE) {
            FixtureRunner.update(r);
            return;
        }
        assertThat(r.expected()).as("expected verdict for " + r.fixture().label()
                + " (create it with -Dverdant.golden.update=true and review it)").isNotNull();
        assertThat(r.actual()).as(r.fixture().label() + "\n" + r.explanation()).isEqualTo(r.expected());
    }
}
