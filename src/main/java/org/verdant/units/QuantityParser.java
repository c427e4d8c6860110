package org.verdant.units;

import org.verdant.text.Location;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses "150 亩", "1.8e6 t", "85%" into a {@link Quantity}; explains what is wrong otherwise. */
public final class QuantityParser {
    private static final Pattern QUANTITY = Pattern.compile("([-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*(.*)");
    private static final Pattern SEPARATED = Pattern.compile("[-+]?\\d{1,3}([,，'’]\\d{3})+([.,]\\d+)?(\\D.*)?");
    /** A number written with separators or a decimal mark other than '.', and what follows it. */
    private static final Pattern LOCALE_NUMBER = Pattern.compile("([-+]?\\d[\\d.,，'’ \\u00A0\\u202F]*\\d)(\\D.*)?");
    /**
     * The largest and smallest non-zero magnitudes accepted as written. No figure a factory reports
     * comes near them in any accepted unit, and between them every ratio the rules compute is a
     * finite number (the unit factors span 1e-9 to 1e7).
     */
    static final double MAX_MAGNITUDE = 1e15;
    static final double MIN_MAGNITUDE = 1e-12;

    private QuantityParser() {
    }

    /** The outcome: a quantity, or a message saying why the text is not one. */
    public record Result(Quantity quantity, UnitText problem) {
        static Result ok(Quantity q) {
            return new Result(q, null);
        }

        static Result error(String key, Object... args) {
            return new Result(null, UnitText.of(key, args));
        }

        /** Why the text is not a quantity, in English (null when it is one). */
        public String error() {
            return problem == null ? null : problem.english();
        }
    }

    public static Result parse(String text, String dimension, Location location) {
        String s = text.strip();
        if (s.isEmpty()) return Result.error("problem.quantity.empty", expected(dimension));
        if (SEPARATED.matcher(s).matches()) {
            return Result.error("problem.quantity.separators_eg", s, s.replaceAll("[,，'’]", "").split("\\s")[0]);
        }
        UnitText locale = otherNotation(s);
        if (locale != null) return Result.error("problem.quantity.notation", s, locale);
        Matcher m = QUANTITY.matcher(s);
        if (!m.matches()) {
            return Result.error("problem.quantity.not_quantity", s, expected(dimension));
        }
        double value;
        try {
            value = Double.parseDouble(m.group(1));
        } catch (NumberFormatException e) {
            return Result.error("problem.quantity.not_number", m.group(1));
        }
        if (!Double.isFinite(value) || Math.abs(value) > MAX_MAGNITUDE) {
            return Result.error("problem.quantity.too_large", s);
        }
        if (value != 0 && Math.abs(value) < MIN_MAGNITUDE) {
            return Result.error("problem.quantity.too_small", s);
        }
        String symbol = m.group(2).strip();
        if (symbol.matches("[,，\\d].*")) {
            return Result.error("problem.quantity.separators", s);
        }
        var unit = Units.parse(symbol);
        if (unit.isEmpty()) {
            var meant = Units.meant(symbol, dimension);
            if (meant.isPresent() && !meant.get().equals(symbol)) {
                return Result.error("problem.quantity.unknown_unit.did_you_mean", symbol, expected(dimension), meant.get());
            }
            return Result.error("problem.quantity.unknown_unit", symbol, expected(dimension));
        }
        if (!unit.get().dimension().equals(dimension)) {
            if (symbol.isEmpty()) {
                return Result.error("problem.quantity.needs_unit", s, expected(dimension));
            }
            return Result.error("problem.quantity.wrong_dimension", symbol, dimensionName(dimension), expected(dimension));
        }
        return Result.ok(new Quantity(value, unit.get(), s, location));
    }

    /**
     * Explains a number written in another locale's notation ("1.234,5", "3.120.000", "1,5",
     * "228 000,5") or in full-width digits ("２２８０００"), with the figure to write instead; null when the text is not such a number.
     * Comma-grouped thousands ("98,000") are {@link #SEPARATED}'s.
     */
    static UnitText otherNotation(String s) {
        if (s.chars().anyMatch(c -> c >= '０' && c <= '９')) {
            StringBuilder ascii = new StringBuilder();
            s.chars().forEach(c -> ascii.append(c >= '０' && c <= '９' ? (char) (c - '０' + '0') : c == '．' ? '.' : (char) c));
            return UnitText.of("problem.quantity.full_width", ascii.toString());
        }
        Matcher m = LOCALE_NUMBER.matcher(s);
        if (!m.matches()) return null;
        String number = m.group(1);
        String rest = m.group(2) == null ? "" : m.group(2);
        String spaced = "[ \\u00A0\\u202F'’]";
        String plain;
        String why;  // the key's last part
        if (number.matches("[-+]?\\d{1,3}(\\.\\d{3})+,\\d+")) {
            plain = number.replace(".", "").replace(',', '.');
            why = "dot_thousands_comma_decimal";
        } else if (number.matches("[-+]?\\d{1,3}(\\.\\d{3}){2,}")) {
            plain = number.replace(".", "");
            why = "dot_thousands";
        } else if (number.matches("[-+]?\\d{1,3}(" + spaced + "\\d{3})+([.,]\\d+)?")) {
            plain = number.replaceAll(spaced, "").replace(',', '.');
            why = "spaced_thousands";
        } else if (number.matches("[-+]?\\d+[,，]\\d+") && !number.matches("[-+]?\\d{1,3}[,，]\\d{3}")) {
            plain = number.replaceAll("[,，]", ".");
            why = "comma_decimal";
        } else {
            return null;
        }
        return UnitText.of("problem.quantity.notation." + why, plain + rest);
    }

    /** The units a dimension is written in ("a plain number or %" for a share or ratio). */
    static Object expected(String dimension) {
        return "1".equals(dimension) ? UnitText.of("problem.quantity.plain_number") : Units.describe(dimension);
    }

    static UnitText dimensionName(String dimension) {
        return switch (dimension) {
            case "area", "mass", "energy", "money", "volume", "ghg", "1" -> UnitText.of("problem.dimension." + dimension);
            default -> UnitText.of("problem.dimension.other", dimension.replace("/", " per "));
        };
    }
}
