package org.verdant.facts;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The veto window is the look-back before the evaluation, widened to the whole reporting year. The
 * reader bounds the evaluation date to the reporting year and the two after it, so with a three-year
 * look-back the widening shows only for a shorter look-back (a province may set one) or an
 * evaluation inside the reporting year.
 */
class VetoWindowTest {

    @Test
    void aShortLookBackStillCoversTheWholeReportingYear() {
        EvaluationContext ctx = new EvaluationContext(LocalDate.of(2025, 6, 30), 2023, "green-factory", "GB/T 36132-2018");
        VetoWindow w = ctx.window(1);
        assertThat(w.from()).isEqualTo(LocalDate.of(2023, 1, 1));
        assertThat(w.contains(LocalDate.of(2023, 1, 15))).isTrue();
        assertThat(w.contains(LocalDate.of(2022, 12, 31))).isFalse();
    }

    @Test
    void theFullLookBackReachesBeforeTheReportingYear() {
        EvaluationContext ctx = new EvaluationContext(LocalDate.of(2024, 6, 30), 2023, "green-factory", "GB/T 36132-2018");
        assertThat(ctx.window(3).from()).isEqualTo(LocalDate.of(2021, 6, 30));
        assertThat(ctx.window(3).to()).isEqualTo(LocalDate.of(2024, 6, 30));
    }

    @Test
    void anEvaluationInsideTheReportingYearCoversTheRestOfIt() {
        EvaluationContext ctx = new EvaluationContext(LocalDate.of(2023, 9, 1), 2023, "green-factory", "GB/T 36132-2018");
        assertThat(ctx.window(3).to()).isEqualTo(LocalDate.of(2023, 12, 31));
    }
}
