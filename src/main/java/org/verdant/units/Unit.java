package org.verdant.units;

/**
 * A unit: its symbol, its dimension (e.g. "area", "money/area", "1" for plain numbers) and the
 * factor that turns one of it into the dimension's base unit. {@code note} is the message key of a
 * conversion convention a reviewer must see (the calorific equivalent of electricity), so it is
 * written in the reader's language where shown; null when there is none.
 */
public record Unit(String symbol, String dimension, double factor, String note) {

    public double toBase(double value) {
        return value * factor;
    }

    public double fromBase(double base) {
        return base / factor;
    }

    public Unit per(Unit other) {
        String n = note != null ? note : other.note;
        return new Unit(symbol + "/" + other.symbol, dimension + "/" + other.dimension, factor / other.factor, n);
    }
}
