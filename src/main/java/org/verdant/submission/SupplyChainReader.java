package org.verdant.submission;

import org.verdant.yaml.Bound;
import org.verdant.yaml.Node;
import org.verdant.units.Quantity;
import org.verdant.yaml.Problems;

import java.util.List;

/** Reads a supply-chain leader's {@code supply_chain} section: the raw figures of its three rates. */
final class SupplyChainReader {
    static final List<String> KEYS = List.of("suppliers", "product_recovery", "packaging_recovery");

    private SupplyChainReader() {
    }

    static Submission.SupplyChain read(Node n, Problems problems) {
        if (n == null) return null;
        return new Submission.SupplyChain(
                rate(n, "suppliers", "low_risk", "total", "1", problems),
                rate(n, "product_recovery", "recovered", "sold", null, problems),
                rate(n, "packaging_recovery", "recovered", "used", "mass", problems));
    }

    /**
     * {@code part} of {@code whole}, both in {@code dimension} (null: any one dimension, the same
     * for both). A part larger than the whole is allowed (a recovery drive can take back more than
     * one year's sales); the rate is capped when scored.
     */
    private static Submission.Rate rate(Node parent, String key, String part, String whole, String dimension, Problems problems) {
        Node n = parent.child(key, false, part, whole, "evidence");
        if (n == null) return null;
        String dim = dimension != null ? dimension : dimensionOf(n, whole);
        Quantity w = n.quantity(whole, dim, true, Bound.POSITIVE);
        Quantity p = n.quantity(part, dim, true, Bound.NON_NEGATIVE);
        if ("suppliers".equals(key) && p != null && w != null && p.base() > w.base()) {
            problems.add(n.raw(part), p.text() + " low-risk suppliers, but only " + w.text() + " suppliers in all");
        }
        return new Submission.Rate(n.mapping().path(), part, p, whole, w, Evidences.read(n, "evidence"));
    }

    /** Recovery may be counted in pieces or weighed: the unit of the whole decides, counts when it has none. */
    private static String dimensionOf(Node n, String key) {
        String dim = Node.writtenDimension(n.raw(key));
        return dim == null || dim.equals("1") ? "count" : dim;
    }
}
