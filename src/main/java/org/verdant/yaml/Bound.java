package org.verdant.yaml;

import org.verdant.units.Quantity;

/** What range a quantity may take. */
public enum Bound {
    ANY,
    NON_NEGATIVE,
    POSITIVE,
    /** A share: 0 to 100 %. */
    PERCENT;

    public String check(Quantity q) {
        double v = q.value();
        return switch (this) {
            case ANY -> null;
            case NON_NEGATIVE -> v < 0 ? "must not be negative" : null;
            case POSITIVE -> v <= 0 ? "must be greater than zero" : null;
            case PERCENT -> {
                if (!"%".equals(q.unit().symbol())) yield "is a share: write it as a percentage, e.g. 85 %";
                yield v < 0 || v > 100 ? "is outside 0–100 %" : null;
            }
        };
    }
}
