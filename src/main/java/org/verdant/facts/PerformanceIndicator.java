package org.verdant.facts;

/** A calculated performance criterion with a basic (mandatory) and an advanced (optional) tier. */
public record PerformanceIndicator(String id, String indicator, String direction, double basicPoints,
                                   double advancedPoints) {

    public double maxPoints() {
        return basicPoints + advancedPoints;
    }

    /** Whether {@code value} is at least as good as {@code level} in this indicator's direction. */
    public boolean reaches(double value, double level) {
        double tolerance = 1e-9 * Math.max(1, Math.abs(level));
        return "higher".equals(direction) ? value >= level - tolerance : value <= level + tolerance;
    }
}
