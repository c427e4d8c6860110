package org.verdant.facts;

/**
 * An indicator that is met or not against a threshold: a zero-carbon park's guidance indicators
 * and its core indicator (a gate, {@code gate} true).
 */
public record ThresholdIndicator(String id, String indicator, String direction, boolean gate) {

    /** At or better than the threshold (within a relative 1e-9: a figure exactly on it meets it). */
    public boolean reaches(double value, double threshold) {
        double tolerance = 1e-9 * Math.max(1, Math.abs(threshold));
        return "lower".equals(direction) ? value <= threshold + tolerance : value >= threshold - tolerance;
    }
}
