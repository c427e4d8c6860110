package org.verdant.submission;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The indicators a submission may state reference levels for, with the dimension of their
 * levels. "per_unit" indicators are divided by the main product's output, whose unit the
 * reference must share.
 */
public final class ReferenceIndicators {
    public record Spec(String numeratorDimension, boolean perUnit, boolean percent, boolean mayBeNegative) {
        public String dimension(String outputDimension) {
            if (percent) return "1";
            if (perUnit) return numeratorDimension + "/" + outputDimension;
            return numeratorDimension;
        }
    }

    public static final Map<String, Spec> ALL = new LinkedHashMap<>();

    static {
        ALL.put("plot_ratio", new Spec("1", false, false, false));
        ALL.put("building_density", new Spec("1", false, true, false));
        ALL.put("output_value_per_land_area", new Spec("money/area", false, false, false));
        ALL.put("green_material_share", new Spec("1", false, true, false));
        ALL.put("main_pollutant_per_unit", new Spec("mass", true, false, false));
        ALL.put("waste_gas_per_unit", new Spec("volume", true, false, false));
        ALL.put("wastewater_per_unit", new Spec("volume", true, false, false));
        ALL.put("raw_material_per_unit", new Spec("mass", true, false, false));
        ALL.put("solid_waste_utilisation_rate", new Spec("1", false, true, false));
        ALL.put("wastewater_reuse_rate", new Spec("1", false, true, false));
        ALL.put("energy_per_unit", new Spec("energy", true, false, true));
        ALL.put("carbon_per_unit", new Spec("ghg", true, false, false));
    }

    private ReferenceIndicators() {
    }
}
