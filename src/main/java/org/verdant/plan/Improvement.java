package org.verdant.plan;

/**
 * A point not given (or a check not passed) and what would earn it. {@code blocking}: a basic
 * requirement or veto not passed, listed before any point. {@code lost} and {@code impact} (the
 * effect on the total score) are formatted; null where the scheme gives no points.
 */
public record Improvement(String id, String name, String category, boolean blocking, String status, String statusLabel,
                          String lost, String impact, String action) {
}
