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

    @Test
    void shortFiguresBelowOneReadAsTheirExactValueRounded() {
        // shares and ratios (0.5, 0.25, 0.6667) take the shortest decimal's way: it must read as the exact binary value rounded
        SplittableRandom rng = new SplittableRandom(1255);
        for (int i = 0; i < 50_000; i++) {
            int decimals = rng.nextInt(1, 9);
            double v = rng.nextInt(-9999, 10_000) / Math.pow(10, decimals);
            if (Math.abs(v) >= 1) v = v / Math.pow(10, rng.nextInt(1, 5));
            assertThat(Numbers.format(v)).as(Double.toString(v)).isEqualTo(withFormatter(v));
        }
        for (double v : new double[] {0.1, 0.2, 0.3, 0.7, 0.9999, 0.99995, 0.99994999, 0.00012345, 0.0001, 0.001, 0.0015, -0.0015, 0.12345, 0.12355,
                1.0 / 3, 2.0 / 3, 0.1 + 0.2, 0.3 - 0.1, 0.45, 0.55, 0.000999, 1e-300, -1e-300}) {
            assertThat(Numbers.format(v)).as(Double.toString(v)).isEqualTo(withFormatter(v));
        }
    }

    @Test
    void wholeFiguresRoundedReadAsTheirBigDecimal() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            double v = (double) rng.nextLong(-2_000_000_000_000_000L, 2_000_000_000_000_000L) / Math.pow(10, rng.nextInt(0, 18));
            v = Math.rint(v);
            for (int places : new int[] {0, 2, 6}) {
                assertThat(Numbers.rounded(v, places)).as(v + " to " + places).isEqualTo(Numbers.round(v, places).toPlainString());
            }
        }
        for (double v : new double[] {1e15 - 1, 1e15, -1e15, 1e16, 1e21, 123456789012345.0, -0.0, 0, 1, -1}) {
            assertThat(Numbers.rounded(v, 6)).as(Double.toString(v)).isEqualTo(Numbers.round(v, 6).toPlainString());
        }
    }

    /**
     * {@link Numbers#forPeople} before small plain figures were passed through as they are, for
     * figures below 10 000: each read as a BigDecimal and written back without trailing zeros
     * (texts that are no number kept). Figures of 10 000 and more take the way they always took.
     */
    private static java.util.List<String> smallForPeopleReference(java.util.List<String> plains) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String p : plains) {
            java.math.BigDecimal b;
            try {
                b = p == null ? null : new java.math.BigDecimal(p);
            } catch (NumberFormatException e) {
                b = null;
            }
            if (b != null && b.abs().compareTo(java.math.BigDecimal.valueOf(10_000)) >= 0) return null;
            out.add(b == null ? p : plainOf(b));
        }
        return out;
    }

    private static String plainOf(java.math.BigDecimal b) {
        java.math.BigDecimal s = b.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    @Test
    void smallPlainFiguresForPeopleReadAsBefore() {
        java.util.List<String> texts = new java.util.ArrayList<>(java.util.List.of("0", "-0", "-0.0", "0.0", "0.50", "1.", ".5", "+5", "007", "00.5",
                "9999", "9999.9999", "10000", "-9999.5", "1e3", "1.5E3", "NaN", "Infinity", "—", "12a", "1.2.3", "-", "", "0.000123", "100", "1500.25"));
        SplittableRandom rng = new SplittableRandom(36);
        for (int i = 0; i < 5_000; i++) texts.add(Numbers.format((rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(-5, 6))));
        for (String lang : java.util.List.of("zh", "en")) {
            for (String t : texts) {
                for (java.util.List<String> plains : java.util.List.of(java.util.List.of(t), java.util.Arrays.asList(t, "12.5", null))) {
                    java.util.List<String> expected = smallForPeopleReference(plains);
                    if (expected != null) assertThat(Numbers.forPeople(plains, lang)).as(lang + " " + plains).isEqualTo(expected);
                }
            }
        }
    }
}
