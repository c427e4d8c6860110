package org.verdant.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Formatter;
import java.util.Locale;

/**
 * Numbers as Verdant writes them, everywhere: no grouping, no exponent, a dot for the decimal
 * point whatever the locale. {@link #round} is the published rounding (half-up, trailing zeros
 * dropped); {@link #format} is how a figure inside a sentence or computation is shown.
 */
public final class Numbers {
    private Numbers() {
    }

    /** Rounded half-up to {@code places} decimals, trailing zeros dropped: 98.3333 → 98.33, 100.0 → 100. */
    public static BigDecimal round(double d, int places) {
        return round(BigDecimal.valueOf(d), places);
    }

    public static BigDecimal round(BigDecimal d, int places) {
        BigDecimal b = d.setScale(places, RoundingMode.HALF_UP).stripTrailingZeros();
        return b.scale() < 0 ? b.setScale(0) : b;
    }

    /** {@link #round} as text. */
    public static String rounded(double d, int places) {
        return round(d, places).toPlainString();
    }

    public static String rounded(Double d, int places, String otherwise) {
        return d == null ? otherwise : rounded(d, places);
    }

    /** A difference with its sign: "+1.2", "−0.5", "±0". */
    public static String signed(double d, int places) {
        BigDecimal r = round(d, places);
        if (r.signum() == 0) return "±0";
        return (r.signum() > 0 ? "+" : "−") + r.abs().toPlainString();
    }

    /** Points and ratios are kept to four decimals so that sums are stable across platforms. */
    public static double fourPlaces(double d) {
        return Math.round(d * 10000) / 10000.0;
    }

    /** A value with its unit, e.g. "98 kgce/t", "45 %" or "1.5"; "—" for none. */
    public static String show(Double value, String unit) {
        if (value == null) return "—";
        return format(value) + (unit == null || unit.isEmpty() ? "" : " " + unit);
    }

    /**
     * Shows a number without exponent: up to four decimals, or four significant digits below one
     * so that small per-unit figures (0.000123 tce/t) do not show as zero.
     */
    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v); // what %d prints in Locale.ROOT
        if (Math.abs(v) < 1) {
            return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
        }
        String s = fourDecimals(v);
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '0') end--;
        s = s.substring(0, end);
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /**
     * {@code String.format(Locale.ROOT, "%.4f", v)}, with one formatter per thread: a new formatter
     * looks up the locale's digits on every call, which made number formatting a tenth of the cost
     * of a rule session. Same formatter, same output.
     */
    private static String fourDecimals(double v) {
        Formatter f = FOUR_DECIMALS.get();
        StringBuilder out = (StringBuilder) f.out();
        out.setLength(0);
        f.format("%.4f", v);
        return out.toString();
    }

    private static final ThreadLocal<Formatter> FOUR_DECIMALS =
            ThreadLocal.withInitial(() -> new Formatter(new StringBuilder(32), Locale.ROOT));
}
