package org.verdant.golden;

import org.junit.jupiter.api.Test;
import org.verdant.cli.VerdantCli;
import org.verdant.coverage.Coverage;
import org.verdant.coverage.CoverageReport;
import org.verdant.coverage.Fixture;
import org.verdant.coverage.FixtureRunner;
import org.verdant.support.TestRulebook;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every criterion of every scorecard has a fixture that meets it and a fixture that does not
 * (not met, partly met or missing data; not applicable is neither), so each golden pins down both
 * sides of each rule. The fixtures added for this are explained in fixtures/INTENT-coverage.md.
 */
class FixtureCoverageTest {
    /**
     * Criteria that no realistic fixture can both meet and not meet, as "scorecard id criterion",
     * each with the reason. Keep it short; remove an entry once a fixture covers it (the test says so).
     */
    static final Map<String, String> EXCEPTIONS = Map.of();

    @Test
    void everyCriterionHasAMetAndAnUnmetFixture() throws Exception {
        FixtureRunner runner = new FixtureRunner(VerdantCli::runCaptured, GoldenFixturesTest.PROJECT_RULEBOOK);
        Map<String, String> verdicts = new LinkedHashMap<>();
        for (Fixture f : Fixture.discover(Path.of("fixtures"))) {
            FixtureRunner.Result r = runner.run(f);
            if (!f.invalid() && r.code() == 0) verdicts.put(f.label(), r.actual());
        }
        Coverage coverage = Coverage.of(TestRulebook.compiled().rulebook(), verdicts);
        assertThat(coverage.unmatched()).as("verdict entries no scorecard declares").isEmpty();
        List<String> gaps = CoverageReport.gapLines(coverage).stream()
                .filter(g -> !EXCEPTIONS.containsKey(g.substring(0, g.indexOf(':')))).toList();
        assertThat(gaps).as("criteria without both a met and an unmet fixture (run ./verdant test for the report)").isEmpty();
        List<String> stale = EXCEPTIONS.keySet().stream()
                .filter(e -> coverage.gaps().stream().noneMatch(g -> g.replace(": ", " ").equals(e))).toList();
        assertThat(stale).as("exceptions a fixture now covers: remove them").isEmpty();
    }
}
