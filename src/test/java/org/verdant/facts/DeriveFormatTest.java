package org.verdant.facts;

import org.verdant.text.Numbers;
import org.junit.jupiter.api.Test;
import org.verdant.support.FormatterReference;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Derive.format, made faster for batch evaluation, prints exactly what it printed before (the implementation before the change is {@link FormatterReference}). */
class DeriveFormatTest {
    @Test
    void sameTextAsBeforeForEdgeCasesAndRandomNumbers() {
        double[] edge = {0, -0.0, 1, -1, 0.5, 1.00005, 2.00015, 99.99995, 100, 100.5, 123456.78905, -42.00004999, 1e15, -1e15, 1e16,
                1.5e300, Double.MAX_VALUE, Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.1 + 0.2,
                1.0000000001, 9.99999999, 10.00005, 1234.5678500000001};
        for (double v : edge) assertThat(Numbers.format(v)).as(Double.toString(v)).isEqualTo(FormatterReference.format(v));
        SplittableRandom rng = new SplittableRandom(2026);
        for (int i = 0; i < 50_000; i++) {
            double magnitude = Math.pow(10, rng.nextInt(-6, 12));
            double v = (rng.nextDouble() - 0.3) * magnitude;
            if (rng.nextInt(4) == 0) v = Math.round(v * 10_000) / 10_000.0 + 0.00005; // on a rounding boundary
            assertThat(Numbers.format(v)).as(Double.toString(v)).isEqualTo(FormatterReference.format(v));
        }
    }
}
