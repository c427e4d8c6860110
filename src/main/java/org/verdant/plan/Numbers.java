package org.verdant.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numbers as reports print them: rounded half-up, no trailing zeros, no exponent. */
final class Numbers {
    private Numbers() {
    }

    static BigDecimal round(double d, int places) {
        BigDecimal b = BigDecimal.valueOf(d).setScale(places, RoundingMode.HALF_UP).stripTrailingZeros();
        return b.scale() < 0 ? b.setScale(0) : b;
    }

    static String show(Double d, int places) {
        return d == null ? "—" : round(d, places).toPlainString();
    }

    /** A difference with its sign: "+1.2", "−0.5", "±0". */
    static String signed(double d, int places) {
        BigDecimal r = round(d, places);
        if (r.signum() == 0) return "±0";
        return (r.signum() > 0 ? "+" : "−") + r.abs().toPlainString();
    }
}
