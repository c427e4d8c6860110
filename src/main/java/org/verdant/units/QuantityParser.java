package org.verdant.units;

import org.verdant.yaml.Location;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses "150 亩", "1.8e6 t", "85%" into a {@link Quantity}; explains what is wrong otherwise. */
public final class QuantityParser {
    private static final Pattern QUANTITY = Pattern.compile("([-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*(.*)");
    private static final Pattern SEPARATED = Pattern.compile("[-+]?\\d{1,3}([,，'’]\\d{3})+([.,]\\d+)?(\\D.*)?");

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
        if (!Double.isFinite(value)) return Result.error("'" + s + "' is too large a number");
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
