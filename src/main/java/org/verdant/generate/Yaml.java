package org.verdant.generate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** A small YAML writer for generated submissions: fixed number formats, so the same values give the same bytes. */
final class Yaml {
    private final StringBuilder b = new StringBuilder(12_000);

    Yaml line(String text) {
        b.append(text).append('\n');
        return this;
    }

    Yaml line(int indent, String text) {
        b.append(" ".repeat(indent)).append(text).append('\n');
        return this;
    }

    Yaml comment(String text) {
        return line("# " + text);
    }

    @Override
    public String toString() {
        return b.toString();
    }

    /** A number with {@code digits} significant digits, plainly written (no exponent, no grouping). */
    static String num(double value, int digits) {
        if (value == 0) return "0";
        BigDecimal d = new BigDecimal(value).round(new MathContext(digits, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        if (d.scale() < 0) d = d.setScale(0, RoundingMode.UNNECESSARY);
        return d.toPlainString();
    }

    /** A number with at most {@code decimals} decimals. */
    static String fixed(double value, int decimals) {
        BigDecimal d = new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros();
        if (d.scale() < 0) d = d.setScale(0, RoundingMode.UNNECESSARY);
        return d.toPlainString();
    }

    /** A string as a double-quoted YAML scalar. */
    static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
