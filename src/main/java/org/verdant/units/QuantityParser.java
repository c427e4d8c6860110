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
    public record Result(Quantity quantity, String error) {
        static Result ok(Quantity q) {
            return new Result(q, null);
        }

        static Result error(String message) {
            return new Result(null, message);
        }
    }

    public static Result parse(String text, String dimension, Location location) {
        String s = text.strip();
        if (s.isEmpty()) return Result.error("empty; expected a number with a unit (" + Units.describe(dimension) + ")");
        if (SEPARATED.matcher(s).matches()) {
            return Result.error("'" + s + "': thousands separators are not accepted; write the number without them (e.g. "
                    + s.replaceAll("[,，'’]", "").split("\\s")[0] + ")");
        }
        String locale = otherNotation(s);
        if (locale != null) return Result.error("'" + s + "': " + locale);
        Matcher m = QUANTITY.matcher(s);
        if (!m.matches()) {
            return Result.error("'" + s + "' is not a number with a unit (" + Units.describe(dimension) + ")");
        }
        double value;
        try {
            value = Double.parseDouble(m.group(1));
        } catch (NumberFormatException e) {
            return Result.error("'" + m.group(1) + "' is not a number");
        }
        if (!Double.isFinite(value) || Math.abs(value) > MAX_MAGNITUDE) {
            return Result.error("'" + s + "' is too large a number (at most 1e15 in the unit written); check the figure and its unit");
        }
        if (value != 0 && Math.abs(value) < MIN_MAGNITUDE) {
            return Result.error("'" + s + "' is too small a number (at least 1e-12 in the unit written, or 0)");
        }
        String symbol = m.group(2).strip();
        if (symbol.matches("[,，\\d].*")) {
            return Result.error("'" + s + "': thousands separators are not accepted; write the number without them");
        }
        var unit = Units.parse(symbol);
        if (unit.isEmpty()) {
            return Result.error("unknown unit '" + symbol + "'; expected " + Units.describe(dimension));
        }
        if (!unit.get().dimension().equals(dimension)) {
            if (symbol.isEmpty()) {
                return Result.error("'" + s + "' needs a unit (" + Units.describe(dimension) + ")");
            }
            return Result.error("unit '" + symbol + "' is not " + dimensionName(dimension) + "; expected " + Units.describe(dimension));
        }
        return Result.ok(new Quantity(value, unit.get(), s, location));
    }

    /**
     * Explains a number written in another locale's notation ("1.234,5", "3.120.000", "1,5",
     * "228 000,5") or in full-width digits ("２２８０００"), with the figure to write instead; null when the text is not such a number.
     * Comma-grouped thousands ("98,000") are {@link #SEPARATED}'s.
     */
    static String otherNotation(String s) {
        if (s.chars().anyMatch(c -> c >= '０' && c <= '９')) {
            StringBuilder ascii = new StringBuilder();
            s.chars().forEach(c -> ascii.append(c >= '０' && c <= '９' ? (char) (c - '０' + '0') : c == '．' ? '.' : (char) c));
            return "full-width digits are not accepted; write " + ascii;
        }
        Matcher m = LOCALE_NUMBER.matcher(s);
        if (!m.matches()) return null;
        String number = m.group(1);
        String rest = m.group(2) == null ? "" : m.group(2);
        String spaced = "[ \\u00A0\\u202F'’]";
        String plain;
        String why;
        if (number.matches("[-+]?\\d{1,3}(\\.\\d{3})+,\\d+")) {
            plain = number.replace(".", "").replace(',', '.');
            why = "'.' as a thousands separator and ',' as a decimal mark are not accepted";
        } else if (number.matches("[-+]?\\d{1,3}(\\.\\d{3}){2,}")) {
            plain = number.replace(".", "");
            why = "'.' as a thousands separator is not accepted";
        } else if (number.matches("[-+]?\\d{1,3}(" + spaced + "\\d{3})+([.,]\\d+)?")) {
            plain = number.replaceAll(spaced, "").replace(',', '.');
            why = "thousands separators are not accepted";
        } else if (number.matches("[-+]?\\d+[,，]\\d+") && !number.matches("[-+]?\\d{1,3}[,，]\\d{3}")) {
            plain = number.replaceAll("[,，]", ".");
            why = "',' as a decimal mark is not accepted";
        } else {
            return null;
        }
        return why + "; write " + plain + rest;
    }

    static String dimensionName(String dimension) {
        return switch (dimension) {
            case "area" -> "an area";
            case "mass" -> "a mass";
            case "energy" -> "energy";
            case "money" -> "money";
            case "volume" -> "a volume";
            case "ghg" -> "a greenhouse-gas amount";
            case "1" -> "a plain number or percentage";
            default -> "a " + dimension.replace("/", " per ");
        };
    }
}
