package org.verdant.facts;

import org.verdant.text.Numbers;
/**
 * The GB/T 36132-2025 scoring rule: {@code points = w × clamp((x − B)/(L − B), 0, 1)}. One
 * expression serves both directions (L > B when higher is better, L < B when lower is better);
 * when B = L the indicator is a step, full points at or better than L.
 */
public final class Scaling {
    private Scaling() {
    }

    /** The share of the weight earned, 0..1. Values within a relative 1e-9 of a level count as reaching it. */
    public static double share(double x, double baseline, double leading, String direction) {
        double tolerance = 1e-9 * Math.max(1, Math.max(Math.abs(baseline), Math.abs(leading)));
        boolean higher = "higher".equals(direction);
        boolean reachesLeading = higher ? x >= leading - tolerance : x <= leading + tolerance;
        if (reachesLeading) return 1;
        if (Math.abs(leading - baseline) <= tolerance) return 0;
        double r = (x - baseline) / (leading - baseline);
        return Math.max(0, Math.min(1, r));
    }

    /** Whether baseline and leading value lie the right way round for the direction (or coincide). */
    public static boolean ordered(double baseline, double leading, String direction) {
        return "higher".equals(direction) ? leading >= baseline : leading <= baseline;
    }

    /** Points rounded to 4 decimals so that sums are stable across platforms. */
    public static double points(double weight, double share) {
        return Numbers.fourPlaces(weight * share);
    }
}
