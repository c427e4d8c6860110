package org.verdant.rulebook;

import org.verdant.text.Location;

/**
 * A number (or word) from a scorecard with its provenance: {@code status} is verified,
 * provisional or placeholder. {@code ref} names the figure in warnings, e.g. "PRF-02.basic.reference".
 * {@code source} is the provenance as printed; {@code sourceId} the file's source it cites (null
 * where the file gives the text itself).
 */
public record Figure(String ref, Object value, String unit, String status, String source, String clause,
                     Location location, String sourceId) {

    public Figure(String ref, Object value, String unit, String status, String source, String clause, Location location) {
        this(ref, value, unit, status, source, clause, location, null);
    }

    public double number() {
        return ((Number) value).doubleValue();
    }

    public String word() {
        return String.valueOf(value);
    }

    public boolean isProvisional() {
        return !"verified".equals(status);
    }
}
