package org.verdant.report.document;

import org.verdant.text.Numbers;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Numbers as the report prints them, as the text verdict does (docs/numbers.md): figures compared
 * together written apart ({@link Numbers#apart}), large figures as people write them in the
 * reader's language ({@link Numbers#forPeople}: 万/亿 in Chinese, grouped digits in English).
 */
final class Num {
    private Num() {
    }

    /** A figure from a finding's values as a person reads it; other values as text, their figures rewritten. */
    static String value(Object o, String lang) {
        if (o == null) return "—";
        if (o instanceof Double || o instanceof Float) return Numbers.forPeople(((Number) o).doubleValue(), lang);
        if (o instanceof Number n) return n.toString();
        return Numbers.inText(String.valueOf(o), lang);
    }

    /** A value with its unit ("0.9", "44 %", "180 万 t"). */
    static String withUnit(Object value, Object unit, String lang) {
        return withUnit(value(value, lang), value, unit);
    }

    /** A figure already written, with its unit. */
    static String withUnit(String shown, Object value, Object unit) {
        String u = unit == null ? "" : String.valueOf(unit);
        return shown + (u.isEmpty() || value == null ? "" : " " + u);
    }

    /**
     * The figures of {@code roles} present in {@code values} (a value and the levels it is compared
     * with), written together so that figures the engine tells apart never print alike.
     */
    static Map<String, String> apart(Map<?, ?> values, List<String> roles, String lang) {
        List<String> present = roles.stream().filter(r -> values.get(r) instanceof Number).toList();
        List<String> shown = Numbers.forPeople(Numbers.apart(present.stream().map(r -> ((Number) values.get(r)).doubleValue()).toList()), lang);
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < present.size(); i++) out.put(present.get(i), shown.get(i));
        return out;
    }

    /** A text with figures (a computation, a source): its stand-alone figures as people write them. */
    static String text(Object o, String lang) {
        return o == null ? null : Numbers.inText(String.valueOf(o), lang);
    }

    /** An SVG coordinate: one decimal, dot as separator whatever the default locale. */
    static String coord(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }
}
