package org.verdant.report.document;

import org.verdant.text.Numbers;
import org.verdant.facts.Derive;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Numbers as the report prints them: no grouping, no exponent, a fixed number of decimals at most. */
final class Num {
    private Num() {
    }

    /** A figure from a finding's values: numbers as the verdict shows them (up to four decimals), other values as text. */
    static String value(Object o) {
        if (o == null) return "—";
        if (o instanceof Double d) return Numbers.format(d);
        if (o instanceof Float f) return Numbers.format(f);
        if (o instanceof Number n) return n.toString();
        return String.valueOf(o);
    }

    /** A value with its unit ("0.9", "44 %", "96.5 kgce/t"). */
    static String withUnit(Object value, Object unit) {
        String u = unit == null ? "" : String.valueOf(unit);
        return value(value) + (u.isEmpty() || value == null ? "" : " " + u);
    }

    /** An SVG coordinate: one decimal, dot as separator whatever the default locale. */
    static String coord(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }
}
