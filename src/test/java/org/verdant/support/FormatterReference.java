package org.verdant.support;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * How {@code Numbers.format} printed a figure when it still went through {@link java.util.Formatter}:
 * the reference the faster code is held to, byte for byte.
 */
public final class FormatterReference {
    private FormatterReference() {
    }

    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.format(Locale.ROOT, "%d", (long) v);
        if (Math.abs(v) < 1) return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
        String s = String.format(Locale.ROOT, "%.4f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
