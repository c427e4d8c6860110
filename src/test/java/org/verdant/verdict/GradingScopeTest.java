package org.verdant.verdict;

import org.junit.jupiter.api.Test;
import org.verdant.evaluation.Evaluator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verdant.support.TestRulebook.base;
import static org.verdant.support.TestRulebook.evaluate;
import static org.verdant.support.TestRulebook.read;
import static org.verdant.support.TestRulebook.with;

/**
 * A grading table grades only within its province and its effective dates (DB13/T 6005—2024:
 * Hebei, implemented 2024-11-28), and the verdict names the table that graded it.
 */
class GradingScopeTest {
    private static final Evaluator.Options HEBEI = new Evaluator.Options("GB/T 36132-2018", "hebei-db13t6005-2024");

    private static String hebeiFactory(String province, String date) {
        return with(with(base(), "facility.province", province), "evaluation_date", date);
    }

    @Test
    void aHebeiFactoryEvaluatedAfterTheTableTookEffectIsGradedAndTheVerdictNamesTheTable() {
        Verdict v = evaluate(hebeiFactory("河北省", "2025-01-10"), HEBEI);
        assertThat(v.grade().label()).isEqualTo("★★★★★");
        assertThat(v.warnings()).anySatisfy(w -> {
            assertThat(w.code()).isEqualTo("grading_table");
            assertThat(w.args()).contains("hebei-db13t6005-2024", "河北", "2024-11-28");
        });
    }

    @Test
    void aQinghaiFactoryGetsNoHebeiStarAndIsToldWhy() {
        Verdict v = evaluate(hebeiFactory("青海", "2025-01-10"), HEBEI);
        assertThat(v.grade().label()).isNull();
        assertThat(v.grade().whyNone()).isEqualTo("grade.outside_province");
        assertThat(v.score()).isCloseTo(100.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(v.warnings()).anySatisfy(w -> {
            assertThat(w.code()).isEqualTo("grading_outside_province");
            assertThat(w.args()).containsExactly("hebei-db13t6005-2024", "河北", "青海");
        });
    }

    @Test
    void anEvaluationDatedBeforeTheTableTookEffectGetsNoStar() {
        Verdict before = evaluate(hebeiFactory("河北", "2024-11-27"), HEBEI);
        assertThat(before.grade().label()).isNull();
        assertThat(before.grade().whyNone()).isEqualTo("grade.not_in_force");
        assertThat(before.warnings()).anySatisfy(w -> assertThat(w.args()).contains("2024-11-27", "2024-11-28"));
        assertThat(evaluate(hebeiFactory("河北", "2024-11-28"), HEBEI).grade().label()).isEqualTo("★★★★★");
    }

    @Test
    void theNationalElectronicsTableNamesItselfAndGradesAnyProvince() {
        Verdict v = evaluate(read("fixtures/green-supply-chain/miit-2016-586/aircon-guangdong-everything-full.yaml"),
                new Evaluator.Options(null, "gsc-electronics-egsci"));
        assertThat(v.grade().label()).isNotNull();
        assertThat(v.warnings()).anySatisfy(w -> {
            assertThat(w.key()).isEqualTo("warning.grading_table_national");
            assertThat(w.args()).contains("gsc-electronics-egsci", "2016-09-03");
        });
    }
}
