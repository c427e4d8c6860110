package org.verdant.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

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
        // a whole number (points, maxima, counts, years) is its digits: what BigDecimal.valueOf then
        // stripping its zeros writes, without the double's decimal text
        if (d == Math.rint(d) && Math.abs(d) < 1e15 && places >= 0) return Long.toString((long) d);
        // most figures have no more decimals than asked for: then they are their shortest decimal
        // (what BigDecimal.valueOf reads) without its trailing zeros, and need no BigDecimal
        if (d != 0 && Double.isFinite(d)) {
            String shortest = Double.toString(d);
            int dot = shortest.indexOf('.');
            if (dot > 0 && shortest.indexOf('E') < 0 && shortest.length() - dot - 1 <= places) return withoutTrailingZeros(shortest);
        }
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
            String rounded = belowOneFromDecimal(v);
            return rounded != null ? rounded : new BigDecimal(v).round(FOUR_DIGITS).stripTrailingZeros().toPlainString();
        }
        return withoutTrailingZeros(fourDecimals(v));
    }

    private static final MathContext FOUR_DIGITS = new MathContext(4);

    /**
     * A value below one rounded half-up to four significant digits, as its exact binary value rounds
     * ({@code new BigDecimal(v).round(FOUR_DIGITS)}), from its decimal text ({@link Double#toString},
     * which reads back as the value, so it differs from the exact value by less than the double's
     * precision): the two round alike unless the digits after the fourth are within that precision
     * of a halfway point, and there (and for an exponent or a carry into a fifth digit) this gives
     * null and the exact value is rounded. Ratios and shares are most of the figures below one.
     */
    private static String belowOneFromDecimal(double v) {
        String text = Double.toString(v);
        if (text.indexOf('E') >= 0) return null;
        boolean negative = text.charAt(0) == '-';
        int first = text.indexOf('.') + 1; // "0.xxx": the digits after the point
        while (first < text.length() && text.charAt(first) == '0') first++;
        int significant = text.length() - first;
        if (significant <= 0) return null;
        int zeros = first - text.indexOf('.') - 1;
        int kept = Math.min(4, significant);
        int digits = Integer.parseInt(text, first, first + kept, 10);
        if (significant > 4) {
            char next = text.charAt(first + 4);
            if (next == '4' || next == '5') {
                // near halfway (…4999…, …5000…): leave it to the exact value
                char fill = next == '4' ? '9' : '0';
                boolean near = true;
                for (int i = first + 5; i < first + 8; i++) if ((i < text.length() ? text.charAt(i) : '0') != fill) near = false;
                if (near) return null;
            }
            if (next >= '5' && ++digits == 10_000) return null; // a carry into another digit
        } else {
            for (int i = kept; i < 4; i++) digits *= 10;
        }
        while (digits % 10 == 0) digits /= 10;
        StringBuilder out = new StringBuilder(12);
        if (negative) out.append('-');
        out.append("0.");
        for (int i = 0; i < zeros; i++) out.append('0');
        return out.append(digits).toString();
    }

    private static String withoutTrailingZeros(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '0') end--;
        if (end > 0 && s.charAt(end - 1) == '.') end--;
        return end == s.length() ? s : s.substring(0, end);
    }

    /**
     * Values that are equal for the engine: within a relative 1e-9 (with a floor of 1), the tolerance
     * every comparison of a value with a level uses (ThresholdIndicator, PerformanceIndicator, Scaling).
     */
    public static boolean sameFigure(double a, double b) {
        return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }

    /**
     * Figures shown side by side (a value and the levels it meets or misses), each as {@link #format}
     * writes it, except that figures the engine tells apart never print alike and figures it takes
     * for equal always do: where two differ but print the same ("0.2" for 0.20001 and 0.2), both get
     * decimals added until they print differently; figures within the engine's tolerance of each
     * other print as the first of them does. Non-finite values print as {@link #format} does.
     */
    public static List<String> apart(List<Double> values) {
        int n = values.size();
        String[] shown = new String[n];
        for (int i = 0; i < n; i++) shown[i] = values.get(i) == null ? null : format(values.get(i));
        for (int round = 0; round < n; round++) {
            int[] pair = collision(values, shown);
            if (pair == null) break;
            String collided = shown[pair[0]];
            List<Integer> group = new ArrayList<>();
            for (int i = 0; i < n; i++) if (collided.equals(shown[i])) group.add(i);
            for (int decimals = decimals(collided) + 1; ; decimals++) {
                boolean distinct = true;
                for (int a : group) {
                    for (int b : group) {
                        if (a < b && !sameFigure(values.get(a), values.get(b))
                                && withDecimals(values.get(a), decimals).equals(withDecimals(values.get(b), decimals))) distinct = false;
                    }
                }
                if (distinct || decimals >= MAX_DECIMALS) {
                    for (int i : group) shown[i] = distinct ? withDecimals(values.get(i), decimals) : shortest(values.get(i));
                    break;
                }
            }
        }
        // equal figures print alike, whatever rounding did to each
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                if (shown[i] != null && shown[j] != null && Double.isFinite(values.get(i)) && sameFigure(values.get(i), values.get(j))) {
                    shown[i] = shown[j];
                    break;
                }
            }
        }
        return java.util.Arrays.asList(shown);
    }

    public static List<String> apart(double... values) {
        List<Double> boxed = new ArrayList<>();
        for (double v : values) boxed.add(v);
        return apart(boxed);
    }

    /** Two positions whose figures differ for the engine but print the same, or null. */
    private static int[] collision(List<Double> values, String[] shown) {
        for (int i = 0; i < shown.length; i++) {
            for (int j = i + 1; j < shown.length; j++) {
                if (shown[i] == null || shown[j] == null || !Double.isFinite(values.get(i)) || !Double.isFinite(values.get(j))) continue;
                if (shown[i].equals(shown[j]) && !sameFigure(values.get(i), values.get(j))) return new int[] {i, j};
            }
        }
        return null;
    }

    private static final int MAX_DECIMALS = 20;

    private static int decimals(String plain) {
        int dot = plain.indexOf('.');
        return dot < 0 ? 0 : plain.length() - dot - 1;
    }

    /** The decimal a double was written as (0.20001, not its binary expansion), rounded half-up to {@code decimals}. */
    private static String withDecimals(double v, int decimals) {
        BigDecimal b = BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        return (b.scale() < 0 ? b.setScale(0) : b).toPlainString();
    }

    private static String shortest(double v) {
        BigDecimal b = BigDecimal.valueOf(v).stripTrailingZeros();
        return (b.scale() < 0 ? b.setScale(0) : b).toPlainString();
    }

    /**
     * A figure as a person reads it in {@code lang}, from the plain decimal {@link #format} or
     * {@link #apart} wrote, never in scientific notation and with every digit kept. Chinese
     * (the default) counts in 万 (10⁴) and 亿 (10⁸) where that needs at most four decimals:
     * 1800000 → "180 万", 230000 → "23 万", 152000000 → "1.52 亿", 1234 and 76190.4762 unchanged.
     * English groups the digits of figures from 10 000 up: 1800000 → "1,800,000", 1234 unchanged.
     * JSON numbers stay exact figures; this is for text, reports and reasons only.
     */
    public static String forPeople(String plain, String lang) {
        return forPeople(List.of(plain), lang).get(0);
    }

    /**
     * {@link #forPeople} for figures read together (one sentence, one computation): in Chinese
     * they are counted in 万/亿 only if every large one among them can be, so that "76190.4762"
     * is not set beside "9 万".
     */
    public static List<String> forPeople(List<String> plains, String lang) {
        if (allSmallPlain(plains)) return new ArrayList<>(plains);
        List<BigDecimal> numbers = new ArrayList<>();
        boolean countable = true;
        for (String p : plains) {
            BigDecimal b = decimal(p);
            numbers.add(b);
            if (b != null && b.abs().compareTo(TEN_THOUSAND) >= 0 && wanOrYi(b) == null) countable = false;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < plains.size(); i++) {
            BigDecimal b = numbers.get(i);
            if (b == null) out.add(plains.get(i));
            else if (b.abs().compareTo(TEN_THOUSAND) < 0) out.add(plain(b));
            else if ("en".equals(lang)) out.add(grouped(b));
            else out.add(countable ? wanOrYi(b) : plain(b));
        }
        return out;
    }

    /**
     * Whether every figure is already as {@link #forPeople} writes a figure below 10 000: a plain
     * decimal with at most four digits before the point, no sign but a minus, no leading zero, no
     * trailing zero after the point, and not minus zero. Nearly every figure in a sentence is one,
     * and reading each into a BigDecimal to write it back unchanged was most of the cost.
     */
    private static boolean allSmallPlain(List<String> plains) {
        for (String p : plains) if (!smallPlain(p)) return false;
        return true;
    }

    private static boolean smallPlain(String p) {
        if (p == null) return true; // kept as it is either way
        int n = p.length();
        int i = n > 0 && p.charAt(0) == '-' ? 1 : 0;
        int start = i;
        while (i < n && p.charAt(i) >= '0' && p.charAt(i) <= '9') i++;
        int whole = i - start;
        if (whole == 0 || whole > 4 || whole > 1 && p.charAt(start) == '0') return false;
        if (i == n) return !(start == 1 && p.charAt(1) == '0'); // "-0" is written "0"
        if (p.charAt(i) != '.' || i == n - 1) return false;
        boolean nonZeroFraction = false;
        for (int k = i + 1; k < n; k++) {
            char c = p.charAt(k);
            if (c < '0' || c > '9') return false;
            if (c != '0') nonZeroFraction = true;
        }
        if (p.charAt(n - 1) == '0') return false;
        return nonZeroFraction;
    }

    private static BigDecimal decimal(String s) {
        if (s == null) return null;
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A figure of 10 000 or more in 亿 or 万 with at most four decimals, or null where that would need more. */
    private static String wanOrYi(BigDecimal b) {
        if (b.abs().compareTo(HUNDRED_MILLION) >= 0) {
            BigDecimal yi = b.movePointLeft(8).stripTrailingZeros();
            if (yi.scale() <= PEOPLE_DECIMALS) return plain(yi) + " 亿";
        }
        BigDecimal wan = b.movePointLeft(4).stripTrailingZeros();
        return wan.scale() <= PEOPLE_DECIMALS ? plain(wan) + " 万" : null;
    }

    public static String forPeople(double v, String lang) {
        return Double.isFinite(v) ? forPeople(format(v), lang) : format(v);
    }

    /** {@link #show} for a person: the value as {@link #forPeople} writes it, with its unit. */
    public static String showForPeople(Double value, String unit, String lang) {
        if (value == null) return "—";
        return forPeople(value, lang) + (unit == null || unit.isEmpty() ? "" : " " + unit);
    }

    /**
     * A sentence or computation with its figures as {@link #forPeople} writes them: numbers in
     * scientific notation as the submission may state them ("1.5e6 tce"), and plain figures from
     * 10 000 up. Digits that belong to something else are left alone: standard numbers
     * ("GB 21346-2022", "GB/T 36132"), dates, clause numbers (5.3.4), field paths
     * (products[12]), codes and digests (digits next to a letter).
     */
    public static String inText(String text, String lang) {
        if (text == null || text.isEmpty() || !mayHoldLargeOrScientific(text)) return text;
        java.util.regex.Matcher m = NUMBER_IN_TEXT.matcher(text);
        List<int[]> spans = new ArrayList<>();
        List<String> plains = new ArrayList<>();
        while (m.find()) {
            String token = m.group();
            boolean scientific = token.indexOf('e') >= 0 || token.indexOf('E') >= 0;
            if (STANDARD_CODE.matcher(text.substring(Math.max(0, m.start() - 8), m.start())).find()) continue;
            BigDecimal b = decimal(token);
            if (b == null || !scientific && b.abs().compareTo(TEN_THOUSAND) < 0) continue;
            spans.add(new int[] {m.start(), m.end()});
            plains.add(plain(b));
        }
        if (spans.isEmpty()) return text;
        List<String> people = forPeople(plains, lang);
        StringBuilder out = new StringBuilder(text.length() + 8);
        int last = 0;
        for (int i = 0; i < spans.size(); i++) {
            out.append(text, last, spans.get(i)[0]).append(people.get(i));
            last = spans.get(i)[1];
        }
        return out.append(text, last, text.length()).toString();
    }

    /**
     * Whether {@link #inText} could change anything: only a run of five digits (10 000 or more) or a
     * digit before an exponent can. Most texts hold neither, and the regular expression over every
     * text argument was a large share of an evaluation's cost.
     */
    private static boolean mayHoldLargeOrScientific(String text) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++run >= 5) return true;
            } else {
                if ((c == 'e' || c == 'E') && run > 0) return true;
                run = 0;
            }
        }
        return false;
    }

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
    private static final BigDecimal HUNDRED_MILLION = BigDecimal.valueOf(100_000_000);
    /** 万/亿 only where the figure then needs no more decimals than a figure shows anyway. */
    private static final int PEOPLE_DECIMALS = 4;
    /** A number on its own: not glued to letters, digits, paths, dates, brackets or clause dots. */
    private static final java.util.regex.Pattern NUMBER_IN_TEXT = java.util.regex.Pattern.compile(
            "(?<![\\w.\\-/\\[\\]〔〕:#@+])-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?(?![\\w.\\-/\\[\\]〔〕:@])");
    /** A standard's code just before the figure: "GB ", "GB/T ", "HJ ", "ISO ". */
    private static final java.util.regex.Pattern STANDARD_CODE = java.util.regex.Pattern.compile("\\b[A-Z]{1,4}(?:/[A-Z]{1,2})?\\s?$");

    private static String plain(BigDecimal b) {
        BigDecimal s = b.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    private static String grouped(BigDecimal b) {
        String p = plain(b);
        boolean negative = p.startsWith("-");
        if (negative) p = p.substring(1);
        int dot = p.indexOf('.');
        String whole = dot < 0 ? p : p.substring(0, dot);
        StringBuilder g = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) g.append(',');
            g.append(whole.charAt(i));
        }
        return (negative ? "-" : "") + g + (dot < 0 ? "" : p.substring(dot));
    }

    /**
     * {@code String.format(Locale.ROOT, "%.4f", v)} for a value of at least one that is not a whole
     * number below 10¹⁵, without a {@link java.util.Formatter} (which looked up the locale's digits
     * on every call: a tenth of a rule session). {@code %.4f} rounds half-up the shortest decimal
     * that reads back as {@code v}, the digits {@link Double#toString} writes; most figures have at
     * most four decimals and are those digits as they are. {@code NumbersFormatTest} holds the two
     * to the same text.
     */
    private static String fourDecimals(double v) {
        if (!Double.isFinite(v)) return Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
        String shortest = Double.toString(v);
        int dot = shortest.indexOf('.');
        if (shortest.indexOf('E') < 0 && shortest.length() - dot - 1 <= 4) return shortest;
        return new BigDecimal(shortest).setScale(4, RoundingMode.HALF_UP).toPlainString();
    }
}
