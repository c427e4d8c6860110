package org.verdant.plan;

import org.verdant.yaml.YamlNode;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which submission figure moves an indicator: the figure an enterprise would change to improve it
 * (the energy, not the output; the quantity recovered, not the quantity sold). The planner only
 * proposes the figure; the value it needs is found, and checked, by evaluating the submission again.
 */
final class Levers {
    private Levers() {
    }

    /** A figure at {@code path}; {@code rises}: the indicator rises when the figure rises. */
    record Lever(String path, boolean rises) {
    }

    /** A lever before its placeholders are filled: {main} is the main product, {year} the reporting year's park item. */
    private record Template(String path, boolean rises) {
    }

    private static Template up(String path) {
        return new Template(path, true);
    }

    private static Template down(String path) {
        return new Template(path, false);
    }

    private static final String YEAR = "park.years[{year}].statistics.";

    /**
     * Whole → the parts the reader holds within it (a part larger than its whole is refused): a
     * lever that lowers a whole lowers with it a part that would exceed it, as the factory's own
     * figures would move (less wastewater generated is less treated).
     */
    private static final Map<String, List<String>> PARTS = Map.of(
            "water.wastewater_generated", List.of("water.wastewater_treated", "water.wastewater_discharged"),
            "water.wastewater_treated", List.of("water.wastewater_reused"),
            "emissions.main_pollutant.generated", List.of("emissions.main_pollutant.discharged"),
            "emissions.waste_gas_volume", List.of("emissions.waste_gas_discharged"),
            "emissions.waste_gas_generated", List.of("emissions.waste_gas_discharged"));

    /** The parts within {@code whole}, then theirs: the order in which they are lowered. */
    static List<String> partsWithin(String whole) {
        List<String> out = new java.util.ArrayList<>();
        for (String part : PARTS.getOrDefault(whole, List.of())) {
            out.add(part);
            out.addAll(partsWithin(part));
        }
        return out;
    }

    /** scheme:indicator → the figures that move it, the first one the submission states being used. */
    private static final Map<String, List<Template>> TABLE = Map.ofEntries(
            Map.entry("green-factory:plot_ratio", List.of(up("site.building_floor_area"))),
            Map.entry("green-factory:building_density", List.of(up("site.footprint_area"))),
            Map.entry("green-factory:building_coverage", List.of(up("site.footprint_area"))),
            Map.entry("green-factory:output_value_per_land_area", List.of(up("economics.output_value"))),
            Map.entry("green-factory:output_value_per_m2", List.of(up("economics.output_value"))),
            Map.entry("green-factory:green_material_share", List.of(up("materials.green"))),
            Map.entry("green-factory:main_pollutant_per_unit", List.of(up("emissions.main_pollutant.generated"))),
            Map.entry("green-factory:waste_gas_per_unit", List.of(up("emissions.waste_gas_volume"))),
            Map.entry("green-factory:wastewater_per_unit", List.of(up("water.wastewater_generated"))),
            Map.entry("green-factory:raw_material_per_unit", List.of(up("{main}.raw_material.consumption"))),
            Map.entry("green-factory:solid_waste_utilisation_rate", List.of(up("solid_waste.utilised"))),
            Map.entry("green-factory:wastewater_reuse_rate", List.of(up("water.wastewater_reused"))),
            Map.entry("green-factory:energy_per_unit", List.of(up("{main}.energy_per_unit"), up("{main}.energy"), up("energy.comprehensive"))),
            Map.entry("green-factory:carbon_per_unit", List.of(up("emissions.ghg"))),
            Map.entry("green-factory:energy_per_output_value", List.of(up("energy.comprehensive"))),
            Map.entry("green-factory:carbon_per_output_value", List.of(up("emissions.ghg"))),
            Map.entry("green-factory:water_per_unit", List.of(up("water.intake"))),
            Map.entry("green-factory:water_per_output_value", List.of(up("water.intake"))),
            Map.entry("green-factory:water_reuse_rate", List.of(up("water.recirculated"))),
            Map.entry("green-factory:retrofit_investment_share", List.of(up("cleaner_production.investment_last_3_years.green_retrofit"))),
            Map.entry("green-factory:carbon_footprint_share", List.of(up("carbon_footprint.accounted"))),
            Map.entry("green-park:energy_output_rate", List.of(down(YEAR + "energy"))),
            Map.entry("green-park:renewable_share", List.of(up(YEAR + "renewable_energy"))),
            Map.entry("green-park:clean_energy_share", List.of(up(YEAR + "clean_energy"))),
            Map.entry("green-park:water_output_rate", List.of(down(YEAR + "industrial_fresh_water"))),
            Map.entry("green-park:land_output_rate", List.of(down(YEAR + "industrial_land"))),
            Map.entry("green-park:solid_waste_utilisation_rate", List.of(up(YEAR + "solid_waste_utilised"))),
            Map.entry("green-park:water_reuse_rate", List.of(up(YEAR + "recirculated_water"))),
            Map.entry("green-park:reclaimed_water_rate", List.of(up(YEAR + "reclaimed_water_reused"))),
            Map.entry("green-park:high_tech_share", List.of(up(YEAR + "high_tech_output"))),
            Map.entry("green-park:green_industry_share", List.of(up(YEAR + "green_industry_value_added"))),
            Map.entry("green-park:value_added_per_employee", List.of(down(YEAR + "employees"))),
            Map.entry("green-park:carbon_intensity_reduction", List.of(down(YEAR + "co2"))),
            Map.entry("green-park:wastewater_per_value_added", List.of(up(YEAR + "wastewater_discharged"))),
            Map.entry("green-park:good_air_days_share", List.of(up(YEAR + "good_air_days"))),
            Map.entry("zero-carbon-park:co2_per_energy", List.of(up(YEAR + "co2"))),
            Map.entry("zero-carbon-park:clean_energy_share", List.of(up(YEAR + "clean_energy"))),
            Map.entry("zero-carbon-park:solid_waste_utilisation_rate", List.of(up(YEAR + "solid_waste_utilised"))),
            Map.entry("zero-carbon-park:waste_energy_utilisation_rate", List.of(up(YEAR + "waste_energy_utilised"))),
            Map.entry("zero-carbon-park:water_reuse_rate", List.of(up(YEAR + "recirculated_water"))),
            Map.entry("green-supply-chain:low_risk_supplier_share", List.of(up("supply_chain.suppliers.low_risk"))),
            Map.entry("green-supply-chain:product_recovery_rate", List.of(up("supply_chain.product_recovery.recovered"))),
            Map.entry("green-supply-chain:packaging_recovery_rate", List.of(up("supply_chain.packaging_recovery.recovered"))));

    /** "products[0].energy_per_unit = 25 kgce/t": a value the submission states, at the path the computation names. */
    private static final Pattern STATED = Pattern.compile("^([A-Za-z_][\\w-]*(?:\\[\\d+])*(?:\\.[\\w-]+(?:\\[\\d+])*)*) = .*");

    /**
     * The lever for an indicator, or null when no single figure moves it (counts of listed items,
     * shares over several carriers, the smallest of several margins).
     */
    static Lever find(String scheme, String indicator, String computation, String mainProduct, int reportingYear, YamlNode root) {
        if (computation != null) {
            Matcher m = STATED.matcher(computation);
            if (m.matches() && scalar(root, m.group(1)) != null) return new Lever(m.group(1), true);
        }
        for (Template t : TABLE.getOrDefault(scheme + ":" + indicator, List.of())) {
            if (t.path().contains("{main}") && mainProduct == null) continue;
            String path = t.path().replace("{main}", String.valueOf(mainProduct)).replace("{year}", String.valueOf(reportingYear));
            if (scalar(root, path) != null) return new Lever(path, t.rises());
        }
        return null;
    }

    /** Every lever path of the table, placeholders generalised (products[], park.years[]): what the labels must cover. */
    static java.util.Set<String> paths() {
        java.util.Set<String> out = new java.util.TreeSet<>();
        TABLE.values().forEach(ts -> ts.forEach(t -> out.add(t.path().replace("{main}", "products[]").replace("[{year}]", "[]"))));
        return out;
    }

    static YamlNode.Scalar scalar(YamlNode root, String path) {
        try {
            YamlNode n = TreeEdit.find(root, SetPath.parse(path));
            return n instanceof YamlNode.Scalar s && !s.isNull() ? s : null;
        } catch (org.verdant.evaluation.UsageException e) {
            return null;
        }
    }
}
