package org.verdant.facts;

import org.verdant.submission.Submission;
import org.verdant.units.Quantity;

import java.util.Map;

/** One product of the submission, with its path for messages ("products[1]"). */
public record ProductLine(int index, String name, boolean main, Quantity output, Quantity energy, Quantity energyPerUnit,
                          String energyLimit, Map<String, Quantity> corrections, Submission.WaterQuota waterQuota, String path) {

    public static ProductLine of(Submission.Product p, int index) {
        return new ProductLine(index, p.name(), p.main(), p.output(), p.energy(), p.energyPerUnit(), p.energyLimit(),
                p.corrections(), p.waterQuota(), "products[" + index + "]");
    }

    /** A park enterprise's product, named with its enterprise. */
    public static ProductLine ofEnterprise(Submission.EnterpriseProduct e) {
        Submission.Product p = e.product();
        return new ProductLine(e.index(), e.enterprise() + " " + p.name(), false, p.output(), p.energy(), p.energyPerUnit(),
                p.energyLimit(), p.corrections(), null, "park.enterprise_products[" + e.index() + "]");
    }

    public boolean hasEnergyLimit() {
        return energyLimit != null;
    }
}
