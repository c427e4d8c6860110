package org.verdant.generate;

import org.junit.jupiter.api.Test;
import org.verdant.evaluation.Evaluator;
import org.verdant.evaluation.InvalidSubmissionException;
import org.verdant.evaluation.UsageException;
import org.verdant.rulebook.Rulebook;
import org.verdant.submission.CreditCode;
import org.verdant.support.TestRulebook;
import org.verdant.verdict.Verdict;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubmissionGeneratorTest {
    private static final Pattern CODE = Pattern.compile("credit_code: (\\S+)");

    private static Rulebook rulebook() {
        return TestRulebook.compiled().rulebook();
    }

    @Test
    void theSameSeedGivesTheSameBytesWhateverTheCount() throws UsageException {
        SubmissionGenerator a = new SubmissionGenerator(rulebook(), "green-factory", null, 42, 0.1);
        SubmissionGenerator b = new SubmissionGenerator(rulebook(), "green-factory", null, 42, 0.1);
        SubmissionGenerator other = new SubmissionGenerator(rulebook(), "green-factory", null, 43, 0.1);
        for (long i = 0; i < 20; i++) {
            assertThat(b.submission(i)).isEqualTo(a.submission(i));
            assertThat(other.submission(i)).isNotEqualTo(a.submission(i));
        }
        // each submission depends on the seed and its index only, not on what was generated before it
        assertThat(a.submission(17)).isEqualTo(new SubmissionGenerator(rulebook(), "green-factory", null, 42, 0.1).submission(17));
    }

    @Test
    void everyGeneratedSubmissionOfBothEditionsEvaluates() throws Exception {
        Evaluator evaluator = new Evaluator(TestRulebook.compiled());
        for (String edition : List.of("GB/T 36132-2018", "GB/T 36132-2025")) {
            SubmissionGenerator g = new SubmissionGenerator(rulebook(), "green-factory", edition, 7, 0);
            List<Double> scores = new ArrayList<>();
            for (long i = 0; i < 40; i++) {
                String yaml = g.submission(i);
                Matcher m = CODE.matcher(yaml);
                assertThat(m.find()).isTrue();
                assertThat(CreditCode.check(m.group(1))).as(m.group(1)).isNull();
                Verdict v;
                try {
                    v = evaluator.evaluate("generated.yaml", yaml.getBytes(StandardCharsets.UTF_8), Evaluator.Options.defaults());
                } catch (InvalidSubmissionException e) {
                    throw new AssertionError(edition + " #" + i + " is invalid: " + e.problems() + "\n" + yaml, e);
                }
                assertThat(v.scorecard().edition()).isEqualTo(edition);
                scores.add(v.score());
            }
            double min = scores.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            double max = scores.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            assertThat(max - min).as(edition + " scores spread: " + scores).isGreaterThan(30);
        }
    }

    @Test
    void theInvalidShareIsInvalidOnPurpose() throws Exception {
        Evaluator evaluator = new Evaluator(TestRulebook.compiled());
        SubmissionGenerator g = new SubmissionGenerator(rulebook(), "green-factory", null, 3, 1.0);
        for (long i = 0; i < 25; i++) {
            String yaml = g.submission(i);
            assertThat(yaml).startsWith("# deliberately invalid: ");
            assertThatThrownBy(() -> evaluator.validate("generated.yaml", yaml.getBytes(StandardCharsets.UTF_8), Evaluator.Options.defaults()))
                    .as(yaml.lines().findFirst().orElse("")).isInstanceOf(InvalidSubmissionException.class);
        }
    }

    @Test
    void unknownSchemesAndEditionsAreUsageErrors() {
        assertThatThrownBy(() -> new SubmissionGenerator(rulebook(), "green-mine", null, 1, 0)).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> new SubmissionGenerator(rulebook(), "green-factory", "GB/T 1-2000", 1, 0)).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> new SubmissionGenerator(rulebook(), "green-factory", null, 1, 1.5)).isInstanceOf(UsageException.class);
    }

    @Test
    void creditCodesCarryBothCheckCharacters() {
        var rng = new java.util.SplittableRandom(1);
        for (int i = 0; i < 200; i++) {
            String code = FactoryGenerator.creditCode(rng, "320506");
            assertThat(CreditCode.check(code)).as(code).isNull();
            assertThat(code).startsWith("91320506");
            assertThat(code.charAt(16)).isEqualTo(FactoryGenerator.organisationCheck(code.substring(8, 16)));
        }
        assertThat(FactoryGenerator.organisationCheck("12345678")).isEqualTo('8'); // by hand: Σ digit × weight = 201, 11 − 201 mod 11 = 8
    }
}
