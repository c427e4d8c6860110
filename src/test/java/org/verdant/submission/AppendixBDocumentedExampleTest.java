package org.verdant.submission;

import org.junit.jupiter.api.Test;
import org.verdant.evaluation.Evaluator;
import org.verdant.facts.AppendixB;
import org.verdant.facts.EvaluationContext;
import org.verdant.facts.FactoryProducts;
import org.verdant.facts.TableForm;
import org.verdant.support.TestRulebook;
import org.verdant.yaml.Problems;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.within;

/** The Appendix B example in docs/submission-format.md is valid, and its worked figures are what Verdant computes. */
class AppendixBDocumentedExampleTest {
    private static String example() {
        String doc = TestRulebook.read("docs/submission-format.md");
        int section = doc.indexOf("## GB/T 36132-2025 Appendix B figures");
        int start = doc.indexOf("```yaml\n", section) + "```yaml\n".length();
        return doc.substring(start, doc.indexOf("```", start));
    }

    private static TableForm form(String formula, String unit) {
        return new TableForm("D", 0, formula, unit, Map.of());
    }

    @Test
    void theExampleIsValidAndItsWorkedFiguresHold() {
        String yaml = example();
        assertThatCode(() -> new Evaluator(TestRulebook.compiled())
                .validate("example.yaml", yaml.getBytes(StandardCharsets.UTF_8), Evaluator.Options.defaults()))
                .doesNotThrowAnyException();
        Problems problems = new Problems();
        Submission s = SubmissionReader.read("example.yaml", yaml.getBytes(StandardCharsets.UTF_8), problems);
        assertThat(problems.sorted()).isEmpty();
        FactoryProducts products = new FactoryProducts(s.products());
        assertThat(AppendixB.renewableShare(form("B.5", "%"), s.energy()).value())
                .isCloseTo((1.0e6 + 2.0e6 + 1.0e6 + 5000 * 1000) * 0.1229 / (16000 * 1000) * 100, within(1e-9));
        assertThat(AppendixB.energyPerUnitProduct(form("B.1", "tce/台"), s.energy(), products).value())
                .isCloseTo(16000 * 0.70 / 9000, within(1e-9));
        assertThat(AppendixB.totalCapacity(form("B.25", "台"), products).value()).isCloseTo(10000 + 2.4e5 * 1.5 / 40, within(1e-9));
        assertThat(AppendixB.capacityPerLandArea(form("B.24", "台/m2"), s.site(), products).value())
                .isCloseTo((10000 + 2.4e5 * 1.5 / 40) / 100000, within(1e-12));
        assertThat(AppendixB.buildingCoverage(form("B.27", "%"), s.site()).value()).isCloseTo(50, within(1e-9));
        assertThat(AppendixB.plotRatio(form("B.28", ""), s.site()).value()).isCloseTo(1.05, within(1e-12));
        EvaluationContext ctx = new EvaluationContext(LocalDate.of(2026, 3, 10), 2025, "green-factory", "GB/T 36132-2025");
        assertThat(AppendixB.retrofitInvestmentShare(form("retrofit_investment_share", "%"), s.cleanerProduction(), s.economics(), ctx)
                .value()).isCloseTo(3000.0 / (50000 + 46000 + 44000) * 100, within(1e-9));
    }
}
