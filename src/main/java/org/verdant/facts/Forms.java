package org.verdant.facts;

import java.util.List;
import java.util.stream.Collectors;

/** Helpers for choosing an indicator's form. */
public final class Forms {
    private Forms() {
    }

    /** "熟料 (products[0], cement-clinker), 水泥 (products[1], cement)", in submission order. */
    public static String names(List<?> products) {
        return products.stream().map(o -> (ProductLine) o).sorted(java.util.Comparator.comparingInt(ProductLine::index))
                .map(p -> p.name() + " (" + p.path() + ", " + p.energyLimit() + ")").collect(Collectors.joining(", "));
    }
}
