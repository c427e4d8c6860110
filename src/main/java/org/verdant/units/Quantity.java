package org.verdant.units;

import org.verdant.text.Location;

/**
 * A figure as written in the submission ({@code text}, {@code location}) and its value in the
 * base unit of its dimension.
 */
public record Quantity(double value, Unit unit, String text, Location location) {

    /** The value in the dimension's base unit. */
    public double base() {
        return unit.toBase(value);
    }

    /** The value expressed in another unit of the same dimension. */
    public double in(Unit target) {
        if (!target.dimension().equals(unit.dimension())) {
            throw new IllegalArgumentException(unit.symbol() + " is not convertible to " + target.symbol());
        }
        return target.fromBase(base());
    }

    public double in(String target) {
        return in(Units.require(target));
    }

    @Override
    public String toString() {
        return text;
    }
}
