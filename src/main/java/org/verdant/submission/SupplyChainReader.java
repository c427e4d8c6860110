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
     * for both). Low-risk suppliers are some of all suppliers, and packaging recovered is some of
     * the packaging used: neither part may exceed its whole. Products recovered are not a part of
     * the year's sales (a trade-in or take-back drive recovers products sold in earlier years), so
     * more recovered than sold is allowed and the rate is capped at 100 % when scored.
     */
    private static Submission.Rate rate(Node parent, String key, String part, String whole, String dimension, Problems problems) {
        Node n = parent.child(key, false, part, whole, "evidence");
        if (n == null) return null;
        String dim = dimension != null ? dimension : dimensionOf(n, whole);
        Quantity w = n.quantity(whole, dim, true, Bound.POSITIVE);
        Quantity p = n.quantity(part, dim, true, Bound.NON_NEGATIVE);
        if (!"product_recovery".equals(key)) Parts.check(n, part, p, whole, w, problems);
        return new Submission.Rate(n.mapping().path(), part, p, whole, w, Evidences.read(n, "evidence"));
    }

    /** Recovery may be counted in pieces or weighed: the unit of the whole decides, counts when it has none. */
    private static String dimensionOf(Node n, String key) {
        String dim = Node.writtenDimension(n.raw(key));
        return dim == null || dim.equals("1") ? "count" : dim;
    }
}
