package org.verdant.facts;

import org.verdant.submission.Submission;
import org.verdant.units.Quantity;

import java.util.Map;

/** One product of the submission, with its position for messages ("products[1]"). */
public record ProductLine(int index, String name, boolean main, Quantity output, Quantity energy, Quantity energyPerUnit,
                          String energyLimit, Map<String, Quantity> corrections, Submission.WaterQuota waterQuota) {

    public static ProductLine of(Submission.Product p, int index) {
        return new ProductLine(index, p.name(), p.main(), p.output(), p.energy(), p.energyPerUnit(), p.energyLimit(),
                p.corrections(), p.waterQuota());
    }

    public String path() {
        return "products[" + index + "]";
    }

    public boolean hasEnergyLimit() {
        return energyLimit != null;
    }
}
