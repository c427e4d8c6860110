package org.verdant.facts;

import org.junit.jupiter.api.Test;
import org.verdant.coverage.Fixture;
import org.verdant.evaluation.Evaluator;
import org.verdant.evaluation.InvalidSubmissionException;
import org.verdant.support.TestRulebook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scorecard's own facts are built once and shared, and an evaluation still gets exactly the
 * facts, in exactly the order, that building them all afresh gives: for every valid fixture.
 */
class ScorecardFactsTest {
    private static final Evaluator EVALUATOR = new Evaluator(TestRulebook.compiled());

    private static List<Path> fixtures() throws Exception {
        try (Stream<Path> walk = Files.walk(Path.of("fixtures"))) {
            return walk.filter(p -> Fixture.isSubmission(p) && Files.isRegularFile(p) && !p.toString().contains("invalid")).sorted().toList();
        }
    }

    private static Evaluator.Validated validated(Path p) throws Exception {
        try {
            return EVALUATOR.validate(p.toString(), Files.readAllBytes(p), Evaluator.Options.defaults());
        } catch (InvalidSubmissionException e) {
            return null; // valid only under another edition or with its assessment: the corpus covers those
        }
    }

    @Test
    void everyFixtureGetsTheFactsBuiltAfreshInTheSameOrder() throws Exception {
        int compared = 0;
        for (Path p : fixtures()) {
            Evaluator.Validated v = validated(p);
            if (v == null) continue;
            List<Object> fresh = FactBuilder.facts(v.submission(), v.scorecard(), TestRulebook.compiled().rulebook().benchmarks());
            assertThat(EVALUATOR.facts(v)).as(p.toString()).containsExactlyElementsOf(fresh);
            assertThat(EVALUATOR.facts(v)).as(p.toString()).containsExactlyElementsOf(fresh); // the second time from what was kept
            compared++;
        }
        assertThat(compared).isGreaterThan(20);
    }

    @Test
    void submissionsUnderOneScorecardShareItsFactsAndOtherScorecardsDoNot() throws Exception {
        ScorecardFacts known = new ScorecardFacts(TestRulebook.compiled().rulebook().benchmarks());
        Evaluator.Validated first = validated(Path.of("fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.yaml"));
        Evaluator.Validated again = EVALUATOR.validate("again.yaml", TestRulebook.base().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Evaluator.Options.defaults());
        assertThat(again.scorecard()).isSameAs(first.scorecard()); // the same overlays give the same merged scorecard (Scorecard.withOverlays)
        assertThat(again.scorecard().id()).isEqualTo(first.scorecard().id());
        assertThat(known.of(again.scorecard())).isSameAs(known.of(first.scorecard()));

        Evaluator.Validated other = validated(Path.of("fixtures/green-factory/gbt36132-2025/brewery-sichuan-10000tce-tier.yaml"));
        assertThat(known.of(other.scorecard())).isNotSameAs(known.of(first.scorecard()))
                .isEqualTo(FactBuilder.constants(other.scorecard(), TestRulebook.compiled().rulebook().benchmarks()));
    }

    @Test
    void anIndicatorTableReadAnewIsNotMistakenForTheOneKept() throws Exception {
        Evaluator.Validated v = validated(Path.of("fixtures/green-factory/gbt36132-2025/brewery-sichuan-10000tce-tier.yaml"));
        ScorecardFacts known = new ScorecardFacts(TestRulebook.compiled().rulebook().benchmarks());
        List<Object> kept = known.of(v.scorecard());
        // the same scorecard id with another table object (here an equal copy): built for that table, not taken from the kept one
        org.verdant.rulebook.IndicatorTable copy = v.scorecard().table().withSources(v.scorecard().table().sources());
        var scorecard = v.scorecard().withTable(copy, "option");
        assertThat(scorecard.id()).isEqualTo(v.scorecard().id());
        assertThat(known.of(scorecard)).isNotSameAs(kept)
                .isEqualTo(FactBuilder.constants(scorecard, TestRulebook.compiled().rulebook().benchmarks()));
        assertThat(known.of(scorecard)).isSameAs(known.of(scorecard));
    }

    @Test
    void theKeptFactsCannotBeChangedByAnEvaluation() throws Exception {
        Evaluator.Validated v = validated(Path.of("fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.yaml"));
        List<Object> facts = EVALUATOR.facts(v);
        facts.add("an assessment's claims are added to the list an evaluation gets");
        assertThat(EVALUATOR.facts(v)).hasSize(facts.size() - 1);
    }
}
