package org.verdant.facts;

import org.verdant.submission.Submission;

import java.util.List;

/**
 * All of a factory's products, for the per-product formulas of GB/T 36132-2025 Appendix B: the
 * main one (marked main, or the only one) and, for the B.1 note's methods and B.24/B.25, the rest.
 */
public record FactoryProducts(List<Submission.Product> all) {
    public FactoryProducts {
        all = List.copyOf(all);
    }

    /** The index of the main product, or -1 when the submission lists none. */
    public int mainIndex() {
        for (int i = 0; i < all.size(); i++) if (all.get(i).main() || all.size() == 1) return i;
        return -1;
    }

    public Submission.Product main() {
        int i = mainIndex();
        return i < 0 ? null : all.get(i);
    }

    public boolean single() {
        return all.size() == 1;
    }

    public static String path(int index) {
        return "products[" + index + "]";
    }
}
