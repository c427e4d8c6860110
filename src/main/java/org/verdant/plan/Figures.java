package org.verdant.plan;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * How a planned figure is guessed, rounded and written back into the submission: pure arithmetic on
 * the figure's text, apart from the search in {@link IndicatorPlanner} that re-evaluates each guess.
 */
final class Figures {
    /** A figure as a submission writes it: the number, then its unit. */
    static final Pattern NUMBER = Pattern.compile("([-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*(.*)");

    private Figures() {
    }

    /** Proportional: most indicators are the lever over a fixed denominator (or a fixed numerator over it). */
    static double firstGuess(double q0, double value, double target, boolean rises, boolean raise) {
        if (q0 != 0 && value != 0 && target != 0) return rises ? q0 * target / value : q0 * value / target;
        if (q0 != 0 && value != 0 && rises) return 0; // a level of zero needs the figure at zero
        return raise ? (q0 == 0 ? 1 : q0 * 1.5) : q0 * 0.5;
    }

    /** Rounded to four significant digits, away from the level (so the rounded figure still reaches it). */
    static BigDecimal roundSafe(double x, boolean up, boolean integer) {
        if (integer) return BigDecimal.valueOf(up ? Math.ceil(x - 1e-9) : Math.floor(x + 1e-9)).setScale(0, RoundingMode.UNNECESSARY);
        if (x == 0) return BigDecimal.ZERO;
        BigDecimal b = new BigDecimal(x).round(new MathContext(12, RoundingMode.HALF_UP));
        b = b.round(new MathContext(4, up ? RoundingMode.CEILING : RoundingMode.FLOOR)).stripTrailingZeros();
        return b.scale() < 0 ? b.setScale(0) : b;
    }

    /** A figure written as the submission wrote the one it replaces: with an exponent if that one had one (1.26e5). */
    static String written(BigDecimal b, String original) {
        if (!original.strip().matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)[eE][-+]?\\d+.*") || b.signum() == 0) return b.toPlainString();
        int exponent = b.precision() - b.scale() - 1;
        BigDecimal mantissa = b.movePointLeft(exponent).stripTrailingZeros();
        return (mantissa.scale() < 0 ? mantissa.setScale(0) : mantissa).toPlainString() + "e" + exponent;
    }

    /** One unit of the fourth significant digit further. */
    static BigDecimal bump(BigDecimal b, boolean up, boolean integer) {
        BigDecimal unit = integer ? BigDecimal.ONE : BigDecimal.ONE.movePointLeft(3 - (b.precision() - b.scale() - 1));
        if (b.signum() == 0) unit = integer ? BigDecimal.ONE : new BigDecimal("0.001");
        BigDecimal out = (up ? b.add(unit) : b.subtract(unit)).stripTrailingZeros();
        return out.scale() < 0 ? out.setScale(0) : out;
    }
}
