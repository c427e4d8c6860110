package org.verdant.facts;

import org.verdant.rulebook.Figure;

/** A GB/T 36132-2025 quantitative indicator worth {@code weight}, scored between a baseline and a leading value. */
public record ScaledIndicator(String id, String direction, double weight, Figure weightFigure) {
}
