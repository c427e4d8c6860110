package org.verdant.facts;

import org.verdant.units.Quantity;
import org.verdant.units.Units;

/**
 * The product per-unit indicators are computed for (the one marked main, or the only one).
 * All fields are null when the submission lists no products.
 */
public record MainProduct(String name, Quantity output, Quantity energy, Quantity energyPerUnit, String energyLimit,
                          Quantity rawMaterialConsumption, boolean onlyProduct, int index,
                          java.util.Map<String, Quantity> corrections, org.verdant.submission.Submission.WaterQuota waterQuota) {

    public String path() {
        return "products[" + index + "]";
    }

    /** The unit of a per-unit indicator, e.g. "kgce/t" or "kgce/台". */
    public String perUnit(String numeratorUnit) {
        if (output == null) return numeratorUnit + "/t";
        return numeratorUnit + "/" + Units.base(output.unit().dimension()).symbol();
    }
}
