package org.verdant.facts;

import org.verdant.rulebook.Figure;

/**
 * A park green-index indicator: compared with its leading value each year. {@code direction} is
 * higher, lower or yes_no; {@code required} marks a mandatory indicator; {@code decidedBy} is
 * indicator (computed from statistics) or stated (the park states it by id).
 */
public record IndexIndicator(String id, String indicator, String direction, boolean required, String decidedBy, String unit,
                             Figure leading) {
}
