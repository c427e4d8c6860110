package org.verdant.yaml;

import org.verdant.units.Quantity;

/** What range a quantity may take. */
public enum Bound {
    ANY,
    NON_NEGATIVE,
    POSITIVE,
    /** A share: 0 to 100 %. */
    PERCENT;

    /** Why {@code q} (written {@code written}) is outside the range, or null when it is inside. */
    public Msg check(Quantity q, String written) {
        double v = q.value();
        String key = switch (this) {
            case ANY -> null;
            case NON_NEGATIVE -> v < 0 ? "problem.bound.negative" : null;
            case POSITIVE -> v <= 0 ? "problem.bound.not_positive" : null;
            case PERCENT -> {
                if (!"%".equals(q.unit().symbol())) yield "problem.bound.not_percent";
                yield v < 0 || v > 100 ? "problem.bound.outside_percent" : null;
            }
        };
        return key == null ? null : Msg.of(key, written);
    }
}
