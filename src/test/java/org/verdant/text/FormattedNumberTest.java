package org.verdant.text;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A phrase whose figures are kept as numbers and written when the phrase is rendered reads, in
 * both languages, exactly as the same phrase with the figures written out beforehand by
 * {@link Numbers#format}: the lazy figure only moves when the formatting happens.
 */
class FormattedNumberTest {
    private static final List<Double> FIGURES = figures();

    private static List<Double> figures() {
        List<Double> out = new ArrayList<>(List.of(0.0, -0.0, 1.0, 12.0, 0.5, 0.3333333333, 2.0 / 3, 0.20001, 0.000123456, 98.765432,
                -4.25, 10_000.0, 12_345.678, 1_800_000.0, 152_000_000.0, 76_190.4762, 1e15, 1.5e17, Double.NaN,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, 0.12345, 0.99995));
        Random random = new Random(17);
        for (int i = 0; i < 300; i++) out.add(Math.round(random.nextDouble() * Math.pow(10, random.nextInt(10))) / Math.pow(10, random.nextInt(7)));
        return out;
    }

    @Test
    void readsAsTheFormattedText() {
        for (double d : FIGURES) {
            FormattedNumber n = FormattedNumber.of(d);
            assertThat(n.toString()).as("%s", d).isEqualTo(Numbers.format(d));
            assertThat(Double.valueOf(n.value())).isEqualTo(Double.valueOf(d));
        }
    }

    @Test
    void aPhraseWithLazyFiguresRendersAsWithFormattedOnes() {
        for (String lang : List.of("zh", "en")) {
            Messages m = new Messages(lang);
            for (int i = 0; i + 3 < FIGURES.size(); i++) {
                double w = FIGURES.get(i), x = FIGURES.get(i + 1), b = FIGURES.get(i + 2), l = FIGURES.get(i + 3);
                Messages.Phrase eager = new Messages.Phrase("scoring.scaled", List.of(Numbers.format(w),
                        new Messages.Phrase("scoring.clamp", List.of(Numbers.format(x), Numbers.format(b), Numbers.format(l))), Numbers.format(x), Numbers.format(b)));
                Messages.Phrase lazy = new Messages.Phrase("scoring.scaled", List.of(FormattedNumber.of(w),
                        new Messages.Phrase("scoring.clamp", List.of(FormattedNumber.of(x), FormattedNumber.of(b), FormattedNumber.of(l))), FormattedNumber.of(x), FormattedNumber.of(b)));
                assertThat(m.get(lazy.key(), lazy.args())).as(lang + " " + eager).isEqualTo(m.get(eager.key(), eager.args()));
                // as an argument of another message, and under a key the bundle lacks
                assertThat(m.get("trace.points.graded", lazy)).isEqualTo(m.get("trace.points.graded", eager));
                assertThat(m.get("no.such.key", FormattedNumber.of(w))).isEqualTo(m.get("no.such.key", Numbers.format(w)));
            }
        }
    }

    @Test
    void equalWhenTheyReadTheSame() {
        assertThat(FormattedNumber.of(0.5)).isEqualTo(FormattedNumber.of(0.5)).hasSameHashCodeAs(FormattedNumber.of(0.5));
        assertThat(FormattedNumber.of(1.00000001)).isEqualTo(FormattedNumber.of(1.0));
        assertThat(FormattedNumber.of(0.5)).isNotEqualTo(FormattedNumber.of(0.25)).isNotEqualTo("0.5");
        assertThat(new Messages.Phrase("scoring.no_band", List.of(FormattedNumber.of(2.0))))
                .isEqualTo(new Messages.Phrase("scoring.no_band", List.of(FormattedNumber.of(2.0))));
    }
}
