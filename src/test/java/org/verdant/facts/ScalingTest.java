package org.verdant.facts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The 2025 rule w × clamp((x − B)/(L − B), 0, 1), in both directions, at B, at L, between and beyond. */
class ScalingTest {

    /** The worked check of the criteria notes: clinker E1, B = 107, L = 100 kgce/t, w = 8. */
    @ParameterizedTest
    @CsvSource({"99, 8", "100, 8", "103.5, 4", "107, 0", "110, 0"})
    void workedCheckOfTheCriteriaNotes(double x, double points) {
        assertThat(Scaling.points(8, Scaling.share(x, 107, 100, "lower"))).isEqualTo(points);
    }

    @ParameterizedTest
    @CsvSource({"85, 0", "80, 0", "90, 3.5", "95, 7", "99, 7", "87.5, 1.75"})
    void higherIsBetter(double x, double points) {
        assertThat(Scaling.points(7, Scaling.share(x, 85, 95, "higher"))).isEqualTo(points);
    }

    @Test
    void negativeReferenceValuesLowerIsBetter() {
        // converter: B = level 2 = −28, L = level 1 = −30
        assertThat(Scaling.share(-29, -28, -30, "lower")).isEqualTo(0.5);
        assertThat(Scaling.share(-30, -28, -30, "lower")).isEqualTo(1);
        assertThat(Scaling.share(-22, -28, -30, "lower")).isZero();
        assertThat(Scaling.share(-35, -28, -30, "lower")).isEqualTo(1);
    }

    @Test
    void stepWhenBaselineEqualsLeading() {
        // coke, top-charged: levels 1 and 2 are both 110 kgce/t
        assertThat(Scaling.share(110, 110, 110, "lower")).isEqualTo(1);
        assertThat(Scaling.share(109, 110, 110, "lower")).isEqualTo(1);
        assertThat(Scaling.share(110.5, 110, 110, "lower")).isZero();
        assertThat(Scaling.share(5, 5, 5, "higher")).isEqualTo(1);
        assertThat(Scaling.share(4.9, 5, 5, "higher")).isZero();
    }

    @Test
    void aValueOnALevelWithinRoundingCountsAsReachingIt() {
        assertThat(Scaling.share(100.00000000001, 107, 100, "lower")).isEqualTo(1);
        assertThat(Scaling.share(0.1 + 0.2, 0, 0.3, "higher")).isEqualTo(1);
    }
}
