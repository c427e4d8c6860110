package org.verdant.verdict;

import org.junit.jupiter.api.Test;
import org.verdant.evaluation.Evaluator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verdant.support.TestRulebook.base;
import static org.verdant.support.TestRulebook.evaluate;
import static org.verdant.support.TestRulebook.with;

/** A stated reference level the engine does not take is named in a warning, with where the level came from. */
class ReferenceUseTest {
    @Test
    void anAdvancedPlotRatioTheScorecardDerivesIsReportedAsNotUsed() {
        // PRF-01: advanced = 1.2 × the basic level (scorecard); the stated 1.5 is not read
        Verdict v = evaluate(with(base(), "references.plot_ratio", "{basic: 1.0, advanced: 1.5, source: 测试}"));
        assertThat(v.warnings()).anySatisfy(w -> {
            assertThat(w.code()).isEqualTo("reference_unused");
            assertThat(w.key()).isEqualTo("warning.reference_unused_derived");
            assertThat(w.args()).startsWith("references.plot_ratio.advanced", "1.5", "PRF-01");
            assertThat(new org.verdant.text.Messages("en").get(w.key(), w.args())).contains("1.2 × basic level");
        });
        // the basic level stated is used: no warning for it
        assertThat(v.warnings()).noneSatisfy(w -> assertThat(w.args()).startsWith("references.plot_ratio.basic"));
    }

    @Test
    void aStatedLevelThatIsUsedIsNoWarning() {
        assertThat(evaluate(base()).warnings()).noneSatisfy(w -> assertThat(w.code()).isEqualTo("reference_unused"));
        // 2025 L3 reads references.plot_ratio.basic as its baseline, and names that field
        Verdict v = evaluate(base(), new Evaluator.Options("GB/T 36132-2025", null));
        assertThat(v.warnings()).noneSatisfy(w -> assertThat(w.args()).startsWith("references.plot_ratio.basic"));
    }

    @Test
    void aReferenceNoCriterionOfTheEditionReadsIsReported() {
        // GB/T 36132-2025 accepts the 2018 names but no indicator of its table reads waste_gas_per_unit
        Verdict v = evaluate(with(base(), "references.waste_gas_per_unit", "{basic: 6000 m3/t, source: 测试}"), new Evaluator.Options("GB/T 36132-2025", null));
        assertThat(v.warnings()).anySatisfy(w -> {
            assertThat(w.code()).isEqualTo("reference_unused");
            assertThat(w.args()).startsWith("references.waste_gas_per_unit.basic", "6000 m3/t", "GB/T 36132-2025", "waste_gas_per_unit");
        });
    }
}
