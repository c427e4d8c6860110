package org.verdant.text;

import org.junit.jupiter.api.Test;
import org.verdant.support.FormatterReference;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Numbers#format} no longer goes through {@link java.util.Formatter} (it was a tenth of a
 * rule session): it must print exactly what {@code String.format(Locale.ROOT, "%.4f", v)} with
 * its trailing zeros dropped printed, for every kind of figure.
 */
class NumbersFormatTest {
    /** The implementation through the formatter, the reference (DeriveFormatTest holds the same code to it). */
    private static String withFormatter(double v) {
        return FormatterReference.format(v);
    }

    @Test
    void edgeCases() {
        double[] edge = {0, -0.0, 1, -1, 1.5, -1.5, 1.00005, 1.00004999, 1.00015, 2.00015, 9.99995, 9.999949999, 99.99995, 100.5,
                123456.78905, -42.00004999, 0.99999, 1e7 + 0.5, 1e7 + 0.00005, 12345678.12345, 1e14 + 0.125, 999999999999999.9,
                1e15, -1e15, 1e15 + 0.5, 1e16, 1.5e300, -1.5e300, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE,
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.1 + 0.2, 1.0000000001, 9.99999999, 10.00005,
                1234.5678500000001, 1.00005000000001, 4.35, 2.675, 1.0005, 1.00045, Math.PI, Math.E * 1e6, -Math.PI * 1e9};
        for (double v : edge) assertThat(Numbers.format(v)).as(Double.toString(v)).isEqualTo(withFormatter(v));
    }

    @Test
    void randomFiguresOfEveryMagnitude() {
        SplittableRandom rng = new SplittableRandom(17);
        for (int i = 0; i < 50_000; i++) {
            double magnitude = Math.pow(10, rng.nextInt(-3, 17));
            double v = (rng.nextDouble() - 0.3) * magnitude;
            switch (rng.nextInt(5)) {
                case 0 -> v = Math.round(v * 10_000) / 10_000.0 + 0.00005; // on a rounding boundary
                case 1 -> v = Math.round(v * 100) / 100.0; // two decimals, as submissions state them
                case 2 -> v = Math.round(v * 100_000) / 100_000.0; // five decimals: rounded
                default -> {
                }
            }
            assertThat(Numbers.format(v)).as(Double.toString(v)).isEqualTo(withFormatter(v));
        }
    }

    @Test
    void quotientsAsTheRulesComputeThem() {
        SplittableRandom rng = new SplittableRandom(36132);
        for (int i = 0; i < 20_000; i++) {
            double a = rng.nextInt(1, 10_000_000) / Math.pow(10, rng.nextInt(0, 4));
            double b = rng.nextInt(1, 100_000) / Math.pow(10, rng.nextInt(0, 3));
            for (double v : new double[] {a / b, a / b * 100, a * b, a / b / 1000}) {
                assertThat(Numbers.format(v)).as(Double.toString(v)).isEqualTo(withFormatter(v));
            }
        }
    }

    @Test
    void roundedFiguresReadAsTheirBigDecimal() {
        double[] edge = {0, -0.0, 1, -1, 0.5, 100, 100.5, 1e-7, -1e-7, 1e7, 1e21, 0.1 + 0.2, 12.345, 12.3456789, 99.995, 2.675, -2.675};
        for (int places : new int[] {0, 2, 4, 6}) {
            for (double v : edge) {
                assertThat(Numbers.rounded(v, places)).as(v + " to " + places).isEqualTo(Numbers.round(v, places).toPlainString());
            }
        }
        SplittableRandom rng = new SplittableRandom(6);
        for (int i = 0; i < 50_000; i++) {
            double v = (rng.nextDouble() - 0.3) * Math.pow(10, rng.nextInt(-8, 12));
            if (rng.nextBoolean()) v = Math.round(v * 100) / 100.0;
            int places = new int[] {2, 4, 6}[rng.nextInt(3)];
            assertThat(Numbers.rounded(v, places)).as(v + " to " + places).isEqualTo(Numbers.round(v, places).toPlainString());
        }
    }
}
