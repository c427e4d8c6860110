package org.verdant.session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdant.coverage.Fixture;
import org.verdant.evaluation.Evaluator;
import org.verdant.evaluation.InvalidSubmissionException;
import org.verdant.facts.FactBuilder;
import org.verdant.facts.ScorecardFacts;
import org.verdant.findings.Finding;
import org.verdant.generate.SubmissionGenerator;
import org.verdant.rulebook.CompiledRulebook;
import org.verdant.rulebook.Rulebook;
import org.verdant.rulebook.RulebookLoader;
import org.verdant.rulebook.Scorecard;
import org.verdant.text.Messages;
import org.verdant.verdict.VerdictBuilder;
import org.verdant.verdict.VerdictJson;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session that keeps the scorecard's facts between evaluations decides every submission as a
 * session filled afresh does, after any number of other submissions; and a rulebook with a rule
 * that matches the scorecard's facts alone is caught and evaluated the old way.
 */
class PrimedSessionTest {
    private static final Messages ZH = new Messages("zh");

    private record Input(String file, byte[] bytes) {
    }

    /** Every valid fixture of every scheme, then generated factories, then the fixtures again in reverse. */
    private static List<Input> inputs() throws Exception {
        List<Input> inputs = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(Path.of("fixtures"))) {
            for (Path p : walk.filter(p -> Fixture.isSubmission(p) && Files.isRegularFile(p) && !p.toString().contains("invalid")).sorted().toList()) {
                inputs.add(new Input(p.toString(), Files.readAllBytes(p)));
            }
        }
        int fixtures = inputs.size();
        SubmissionGenerator generator = new SubmissionGenerator(RulebookLoader.load(Path.of("rules"), Path.of("scorecards")), "green-factory", null, 7, 0);
        for (int i = 0; i < 12; i++) inputs.add(new Input("generated.yaml", generator.submission(i).getBytes(StandardCharsets.UTF_8)));
        for (int i = fixtures - 1; i >= 0; i--) inputs.add(inputs.get(i));
        return inputs;
    }

    /** Each input through one rulebook's primed sessions and through sessions filled afresh (another rulebook's pool), as verdict JSON. */
    private static int compare(Path rules, java.util.function.Predicate<Scorecard> expectPrimed) throws Exception {
        Rulebook rulebook = RulebookLoader.load(rules, Path.of("scorecards"));
        CompiledRulebook primed = new CompiledRulebook(rulebook, null);
        CompiledRulebook fresh = new CompiledRulebook(rulebook, null);
        Evaluator evaluator = new Evaluator(primed);
        ScorecardFacts constants = new ScorecardFacts(rulebook.benchmarks());
        int compared = 0;
        for (Input in : inputs()) {
            Evaluator.Validated v;
            try {
                v = evaluator.validate(in.file(), in.bytes(), Evaluator.Options.defaults());
            } catch (InvalidSubmissionException e) {
                continue; // valid only under another edition or with its assessment
            }
            Scorecard s = v.scorecard();
            List<Object> shared = constants.shared(s);
            assertThat(RuleSession.primed(primed, primed.kieBase(s), shared).usable()).as(in.file()).isEqualTo(expectPrimed.test(s));
            List<Finding> kept = RuleSession.run(primed, s, shared, FactBuilder.own(v.submission(), s));
            List<Finding> afresh = RuleSession.run(fresh, s, FactBuilder.facts(v.submission(), s, rulebook.benchmarks()));
            assertThat(json(v, kept, rulebook)).as(in.file()).isEqualTo(json(v, afresh, rulebook));
            compared++;
        }
        return compared;
    }

    private static String json(Evaluator.Validated v, List<Finding> findings, Rulebook rulebook) {
        return VerdictJson.write(VerdictBuilder.build(v.submission(), v.scorecard(), findings, rulebook, null, "sha256:input", "test"), ZH);
    }

    @Test
    void noBundledRuleMatchesTheScorecardsFactsAlone() throws Exception {
        Rulebook rulebook = RulebookLoader.load(Path.of("rules"), Path.of("scorecards"));
        CompiledRulebook compiled = new CompiledRulebook(rulebook, null);
        int checked = 0;
        for (Scorecard s : rulebook.scorecards().values()) {
            if (s.isOverlay()) continue;
            for (Scorecard e : List.of(s, s.withOverlays(rulebook.overlays(s.scheme(), null)))) {
                if (e.usesIndicatorTables()) e = e.withTable(rulebook.tables().get(e.defaultTable()), "default");
                assertThat(RuleSession.firingOnConstants(compiled, e, FactBuilder.constants(e, rulebook.benchmarks()))).as(e.id()).isEmpty();
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(10);
    }

    @Test
    void aSessionAfterManyEvaluationsDecidesAsAFreshOne() throws Exception {
        assertThat(compare(Path.of("rules"), s -> true)).isGreaterThan(60);
    }

    /**
     * "Qualitative requirement with no claim" without its anchor matches a requirement alone: kept
     * in a session, it would fire for the first submission without that claim and never again.
     */
    @Test
    void aRuleMatchingTheScorecardsFactsAloneKeepsItsKnowledgeBaseOnTheOldPath(@TempDir Path tmp) throws Exception {
        Path rules = tmp.resolve("rules");
        try (Stream<Path> walk = Files.walk(Path.of("rules"))) {
            for (Path p : walk.toList()) {
                Path to = rules.resolve(Path.of("rules").relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
        Path claims = rules.resolve("common/claims.drl");
        String drl = Files.readString(claims);
        String anchored = """
                rule "Qualitative requirement with no claim"
                    agenda-group "judge"
                when
                    exists EvaluationContext() // a submission is being evaluated: never on the scorecard's facts alone
                """;
        assertThat(drl).contains(anchored);
        Files.writeString(claims, drl.replace(anchored, anchored.substring(0, anchored.indexOf("    exists"))));

        Rulebook rulebook = RulebookLoader.load(rules, Path.of("scorecards"));
        Scorecard s = rulebook.scorecard("green-factory", "GB/T 36132-2018").orElseThrow();
        assertThat(RuleSession.firingOnConstants(new CompiledRulebook(rulebook, null), s, FactBuilder.constants(s, rulebook.benchmarks())))
                .containsExactly("Qualitative requirement with no claim");
        // every scheme with requirements decided by claim (the zero-carbon park has none)
        assertThat(compare(rules, sc -> sc.scheme().equals("zero-carbon-park"))).isGreaterThan(60);
    }
}
