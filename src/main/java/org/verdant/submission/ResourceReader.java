package org.verdant.submission;

import org.verdant.units.Quantity;
import org.verdant.units.Units;
import org.verdant.yaml.Bound;
import org.verdant.yaml.Node;
import org.verdant.yaml.Problems;
import org.verdant.yaml.YamlNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a factory's resource sections: {@code site}, {@code economics}, {@code energy},
 * {@code materials}, {@code water}, {@code solid_waste} and {@code emissions}, with the checks
 * their figures imply (a part never exceeds its whole: discharged ≤ generated, and so on).
 */
final class ResourceReader {
    static final List<String> SITE_KEYS = List.of("land_area", "building_floor_area", "footprint_area", "open_storage_area",
            "structure_footprint_area", "floor_area_over_8m");
    static final List<String> ENERGY_KEYS = List.of("comprehensive", "carriers", "multi_product_method");
    static final List<String> WATER_KEYS = List.of("intake", "wastewater_generated", "wastewater_treated", "wastewater_reused",
            "recirculated", "wastewater_discharged");
    static final List<String> EMISSIONS_KEYS = List.of("waste_gas_volume", "waste_gas_generated", "waste_gas_discharged",
            "main_pollutant", "pollutants", "ghg", "concentrations");
    static final Set<String> MULTI_PRODUCT_METHODS = Set.of("measured", "standard_product", "allocated");
    /** B.5 note: the ways renewable electricity counts. */
    static final Set<String> OBTAINED = Set.of("self_generated", "market_traded", "dedicated_line", "green_certificates");
    /** One green-electricity certificate (GEC) stands for 1 MWh of renewable electricity. */
    static final double KWH_PER_CERTIFICATE = 1000;

    private final Problems problems;

    ResourceReader(Problems problems) {
        this.problems = problems;
    }

    Submission.Site site(Node n) {
        if (n == null) return null;
        Submission.Site site = new Submission.Site(
                n.quantity("land_area", "area", false, Bound.POSITIVE),
                n.quantity("building_floor_area", "area", false, Bound.NON_NEGATIVE),
                n.quantity("footprint_area", "area", false, Bound.NON_NEGATIVE),
                n.quantity("open_storage_area", "area", false, Bound.NON_NEGATIVE),
                n.quantity("structure_footprint_area", "area", false, Bound.NON_NEGATIVE),
                n.quantity("floor_area_over_8m", "area", false, Bound.NON_NEGATIVE));
        if (site.landArea() != null && (site.footprintArea() != null || site.structureFootprintArea() != null)) {
            List<String> keys = new ArrayList<>();
            for (String key : List.of("footprint_area", "structure_footprint_area", "open_storage_area")) if (n.has(key)) keys.add(Parts.pathOf(n, key));
            double covered = base(site.footprintArea()) + base(site.structureFootprintArea()) + base(site.openStorageArea());
            YamlNode at = n.raw(site.footprintArea() != null ? "footprint_area" : "structure_footprint_area");
            Parts.check(problems, at.location(), at.path(), String.join(" + ", keys), Parts.sumText(covered, "area"), covered,
                    Parts.pathOf(n, "land_area"), site.landArea().text(), site.landArea().base(), null);
        }
        Parts.check(n, "floor_area_over_8m", site.floorAreaOver8m(), "building_floor_area", site.buildingFloorArea(), problems);
        return site;
    }

    Submission.Economics economics(Node n, Integer reportingYear) {
        if (n == null) return null;
        List<Submission.YearOutput> years = new ArrayList<>();
        for (YamlNode item : orEmpty(n.list("previous_years", false))) {
            Node y = Node.of(item, problems, "year", "output_value");
            if (y == null) continue;
            Integer year = y.integer("year", true, 1990, 2100);
            Quantity value = y.quantity("output_value", "money", true, Bound.NON_NEGATIVE);
            if (year == null) continue;
            if (reportingYear != null && year >= reportingYear) {
                problems.say(y.raw("year"), "problem.reader.previous_year", reportingYear, year);
            } else if (years.stream().anyMatch(o -> o.year() == year)) {
                problems.say(y.raw("year"), "problem.reader.year_twice", year);
            } else if (value != null) {
                years.add(new Submission.YearOutput(year, value));
            }
        }
        return new Submission.Economics(n.quantity("output_value", "money", false, Bound.NON_NEGATIVE), List.copyOf(years));
    }

    Submission.Energy energy(Node n) {
        if (n == null) return null;
        // GB/T 2589 deducts energy sent out, so a works recovering more than it takes in is net negative.
        Quantity comprehensive = n.quantity("comprehensive", "energy", false, Bound.ANY);
        List<Submission.Carrier> carriers = new ArrayList<>();
        List<YamlNode> items = n.list("carriers", false);
        if (items != null) {
            for (YamlNode item : items) {
                Node c = Node.of(item, problems, "type", "amount", "factor", "renewable", "obtained", "proof", "certificates");
                if (c == null) continue;
                carriers.add(carrier(c));
            }
        }
        checkRenewableWithinComprehensive(n, comprehensive, carriers);
        return new Submission.Energy(comprehensive, carriers, n.choice("multi_product_method", false, MULTI_PRODUCT_METHODS));
    }

    /**
     * B.5 divides the renewable energy consumed by the comprehensive energy: the renewable
     * carriers (as B.5 counts them, green certificates at most what they cover) are part of it.
     * A works whose comprehensive energy is net zero or negative (energy sent out) has no share
     * to compare with, so it is not checked here.
     */
    private void checkRenewableWithinComprehensive(Node n, Quantity comprehensive, List<Submission.Carrier> carriers) {
        if (comprehensive == null || comprehensive.base() <= 0) return;
        double renewable = 0;
        List<Integer> counted = new ArrayList<>();
        List<YamlNode> items = n.list("carriers", false);
        for (int i = 0; i < carriers.size(); i++) {
            Submission.Carrier c = carriers.get(i);
            if (!c.renewable() || c.amount() == null) continue;
            if (c.factor() == null && !c.amount().unit().dimension().equals("energy")) continue;
            double energy = c.factor() != null ? c.amount().base() * c.factor().base() : c.amount().base();
            if ("green_certificates".equals(c.obtained()) && c.certificates() != null) {
                energy = Math.min(energy, c.certificates() * KWH_PER_CERTIFICATE * Units.KGCE_PER_KWH);
            }
            renewable += energy;
            counted.add(i);
        }
        if (counted.isEmpty() || items == null || items.size() != carriers.size()) return;
        YamlNode first = items.get(counted.get(0));
        YamlNode at = first instanceof YamlNode.Mapping m && m.get("amount") != null ? m.get("amount") : first;
        Parts.check(problems, at.location(), at.path(), String.join(" + ", counted.stream().map(i -> Parts.pathOf(n, "carriers") + "[" + i + "].amount").toList()),
                org.verdant.text.Numbers.format(renewable / 1000) + " tce", renewable, Parts.pathOf(n, "comprehensive"), comprehensive.text(),
                comprehensive.base(), "problem.part.renewable_within_comprehensive");
    }

    private Submission.Carrier carrier(Node c) {
        String type = c.text("type", true);
        YamlNode amountNode = c.value("amount", true);
        Quantity amount = amountNode == null ? null : amountOf(amountNode);
        Quantity factor = null;
        if (amount != null && !amount.unit().dimension().equals("energy")) {
            factor = c.quantity("factor", "energy/" + amount.unit().dimension(), true, Bound.POSITIVE);
        } else if (c.has("factor") && amount != null) {
            problems.say(c.raw("factor"), "problem.reader.factor_on_energy", amount);
        }
        Boolean renewable = c.bool("renewable", false);
        String obtained = c.choice("obtained", false, OBTAINED);
        List<Submission.Evidence> proof = Evidences.read(c, "proof");
        Integer certificates = c.integer("certificates", false, 1, Integer.MAX_VALUE);
        boolean electricity = amount != null && amount.unit().note() != null;
        if (obtained != null) {
            if (Boolean.FALSE.equals(renewable)) {
                problems.say(c.raw("renewable"), "problem.reader.obtained_is_renewable", obtained);
            }
            if ((obtained.equals("dedicated_line") || obtained.equals("green_certificates")) && amount != null && !electricity) {
                problems.say(c.raw("obtained"), "problem.reader.obtained_electricity", obtained);
            }
            if (!obtained.equals("self_generated") && proof.isEmpty()) {
                problems.say(c.raw("obtained"), "problem.reader.renewable_proof", obtained);
            }
        }
        if (certificates != null) {
            if (!"green_certificates".equals(obtained) && !"market_traded".equals(obtained)) {
                problems.say(c.raw("certificates"), "problem.reader.certificates_obtained");
            } else if (amount != null && electricity && certificates * KWH_PER_CERTIFICATE > amount.base() / org.verdant.units.Units.KGCE_PER_KWH * (1 + 1e-9)) {
                problems.say(c.raw("certificates"), "problem.reader.certificates_exceed", certificates,
                        (long) (certificates * KWH_PER_CERTIFICATE), amount);
            }
        } else if ("green_certificates".equals(obtained)) {
            problems.say(c.mapping(), "problem.reader.certificates_missing");
        }
        return new Submission.Carrier(type, amount, factor, Boolean.TRUE.equals(renewable) || obtained != null, obtained,
                proof, certificates);
    }

    private Quantity amountOf(YamlNode node) {
        for (String dim : List.of("energy", "mass", "volume")) {
            Problems trial = new Problems();
            Quantity q = Node.quantity(node, dim, Bound.NON_NEGATIVE, trial);
            if (q != null) return q;
        }
        return Node.quantity(node, "energy", Bound.NON_NEGATIVE, problems);
    }

    /**
     * The B.1 note's methods need figures on every product: standard_product a standard factor
     * on each (outputs in one dimension), allocated an energy share on each, summing to 100 %.
     */
    void checkMultiProductMethod(Node energyNode, Submission.Energy energy, List<Submission.Product> products) {
        if (energy == null || energy.multiProductMethod() == null) return;
        YamlNode at = energyNode.raw("multi_product_method");
        switch (energy.multiProductMethod()) {
            case "standard_product" -> {
                for (int i = 0; i < products.size(); i++) {
                    if (products.get(i).figures().standardFactor() == null) {
                        problems.say(products.get(i).location(), "products[" + i + "].standard_factor", "problem.reader.standard_factor_missing");
                    }
                }
                long dims = products.stream().filter(p -> p.output() != null).map(p -> p.output().unit().dimension()).distinct().count();
                if (dims > 1) problems.say(at, "problem.reader.standard_product_units");
            }
            case "allocated" -> {
                double sum = 0;
                for (int i = 0; i < products.size(); i++) {
                    Quantity share = products.get(i).figures().energyShare();
                    if (share == null) {
                        problems.say(products.get(i).location(), "products[" + i + "].energy_share", "problem.reader.energy_share_missing");
                        return;
                    }
                    sum += share.value();
                }
                if (Math.abs(sum - 100) > 0.01) {
                    problems.say(at, "problem.reader.energy_shares_sum", org.verdant.text.Numbers.format(sum));
                }
            }
            default -> { }
        }
    }

    /**
     * The products' own figures are parts of the factory's: their sum must not exceed the
     * factory's figure where both are stated (reported at the first product that states it).
     */
    void checkProductsWithinFactory(List<YamlNode> items, List<Submission.Product> products, Submission.Economics economics,
                                    Submission.Water water, Submission.Emissions emissions) {
        if (items == null || products.size() != items.size()) return;
        within(items, products, "output_value", x -> x.outputValue(), "economics.output_value", economics == null ? null : economics.outputValue());
        within(items, products, "co2", x -> x.co2(), "emissions.ghg", emissions == null ? null : emissions.ghg());
        within(items, products, "water_intake", x -> x.waterIntake(), "water.intake", water == null ? null : water.intake());
        within(items, products, "wastewater_generated", x -> x.wastewaterGenerated(), "water.wastewater_generated",
                water == null ? null : water.wastewaterGenerated());
        within(items, products, "wastewater_discharged", x -> x.wastewaterDischarged(), "water.wastewater_discharged",
                water == null ? null : water.wastewaterDischarged());
        within(items, products, "waste_gas_generated", x -> x.wasteGasGenerated(), "emissions.waste_gas_generated",
                emissions == null ? null : emissions.wasteGasGenerated());
        within(items, products, "waste_gas_discharged", x -> x.wasteGasDischarged(), "emissions.waste_gas_discharged",
                emissions == null ? null : emissions.wasteGasDischarged());
    }

    private void within(List<YamlNode> items, List<Submission.Product> products, String key,
                        java.util.function.Function<Submission.ProductFigures, Quantity> get, String wholePath, Quantity whole) {
        if (whole == null) return;
        double sum = 0;
        int first = -1;
        for (int i = 0; i < products.size(); i++) {
            Quantity q = get.apply(products.get(i).figures());
            if (q == null) continue;
            if (first < 0) first = i;
            sum += q.base();
        }
        if (first < 0) return;
        YamlNode at = items.get(first) instanceof YamlNode.Mapping m && m.get(key) != null ? m.get(key) : items.get(first);
        Parts.check(problems, at.location(), "products[" + first + "]." + key, "Σ products[]." + key,
                Parts.sumText(sum, whole.unit().dimension()), sum, wholePath, whole.text(), whole.base(), null);
    }

    Submission.Materials materials(Node mat) {
        if (mat == null) return null;
        Submission.Materials materials = new Submission.Materials(
                mat.quantity("green", "mass", false, Bound.NON_NEGATIVE),
                mat.quantity("total", "mass", false, Bound.NON_NEGATIVE));
        Parts.check(mat, "green", materials.green(), "total", materials.total(), problems);
        return materials;
    }

    Submission.Water water(Node w) {
        if (w == null) return null;
        Submission.Water water = new Submission.Water(
                w.quantity("intake", "volume", false, Bound.NON_NEGATIVE),
                wastewater(w, "wastewater_generated", problems),
                wastewater(w, "wastewater_treated", problems),
                wastewater(w, "wastewater_reused", problems),
                w.quantity("recirculated", "volume", false, Bound.NON_NEGATIVE),
                wastewater(w, "wastewater_discharged", problems));
        Parts.check(w, "wastewater_discharged", water.wastewaterDischarged(), "wastewater_generated", water.wastewaterGenerated(), problems);
        Parts.check(w, "wastewater_treated", water.wastewaterTreated(), "wastewater_generated", water.wastewaterGenerated(), problems);
        // 5.7.5 废水处理回用率 = reused ÷ treated: only treated wastewater can be reused
        Parts.check(w, "wastewater_reused", water.wastewaterReused(), "wastewater_treated", water.wastewaterTreated(), problems);
        return water;
    }

    Submission.SolidWaste solidWaste(Node sw) {
        if (sw == null) return null;
        Submission.SolidWaste waste = new Submission.SolidWaste(
                sw.quantity("generated", "mass", false, Bound.NON_NEGATIVE),
                sw.quantity("utilised", "mass", false, Bound.NON_NEGATIVE),
                sw.quantity("utilised_from_stock", "mass", false, Bound.NON_NEGATIVE));
        Parts.check(sw, "utilised_from_stock", waste.utilisedFromStock(), "utilised", waste.utilised(), problems);
        if (waste.utilised() != null && waste.generated() != null) {
            YamlNode at = sw.raw("utilised");
            double whole = waste.generated().base() + base(waste.utilisedFromStock());
            String wholeName = Parts.pathOf(sw, "generated") + (waste.utilisedFromStock() == null ? "" : " + " + Parts.pathOf(sw, "utilised_from_stock"));
            String wholeText = waste.utilisedFromStock() == null ? waste.generated().text() : Parts.sumText(whole, "mass");
            Parts.check(problems, at.location(), at.path(), at.path(), waste.utilised().text(), waste.utilised().base(), wholeName, wholeText,
                    whole, "problem.part.bought_in_waste");
        }
        return waste;
    }

    Submission.Emissions emissions(Node n) {
        if (n == null) return null;
        Node mp = n.child("main_pollutant", false, "name", "generated", "discharged");
        Submission.Pollutant pollutant = mp == null ? null : pollutant(mp, true);
        List<Submission.PollutantConcentration> concentrations = new ArrayList<>();
        List<YamlNode> items = n.list("concentrations", false);
        if (items != null) {
            for (YamlNode item : items) {
                Node c = Node.of(item, problems, "pollutant", "outlet", "concentration", "limit");
                if (c == null) continue;
                Quantity conc = c.quantity("concentration", "mass/volume", true, Bound.NON_NEGATIVE);
                Quantity limit = c.quantity("limit", "mass/volume", true, Bound.POSITIVE);
                concentrations.add(new Submission.PollutantConcentration(c.text("pollutant", true), c.text("outlet", false),
                        conc, limit, item.location()));
            }
        }
        if (n.has("waste_gas_volume") && n.has("waste_gas_generated")) {
            problems.say(n.raw("waste_gas_volume"), "problem.reader.waste_gas_volume_twice");
        }
        Quantity volume = n.quantity("waste_gas_volume", "volume", false, Bound.NON_NEGATIVE);
        Quantity generated = n.quantity("waste_gas_generated", "volume", false, Bound.NON_NEGATIVE);
        Quantity discharged = n.quantity("waste_gas_discharged", "volume", false, Bound.NON_NEGATIVE);
        Parts.check(n, "waste_gas_discharged", discharged, n.has("waste_gas_generated") ? "waste_gas_generated" : "waste_gas_volume",
                generated != null ? generated : volume, problems);
        List<Submission.Pollutant> pollutants = pollutants(n, "pollutants", problems);
        if (pollutant != null && pollutant.name() != null) {
            pollutants.stream().filter(q -> PollutantNames.same(q.name(), pollutant.name())).findFirst().ifPresent(q -> {
                if (differ(q.generated(), pollutant.generated()) || differ(q.discharged(), pollutant.discharged())) {
                    problems.say(mp.mapping(), "problem.reader.main_pollutant_twice", pollutant.name());
                }
            });
        }
        return new Submission.Emissions(volume, pollutant, n.quantity("ghg", "ghg", false, Bound.NON_NEGATIVE), concentrations,
                generated, discharged, pollutants);
    }

    private static boolean differ(Quantity a, Quantity b) {
        return a != null && b != null && Math.abs(a.base() - b.base()) > 1e-9 * Math.max(Math.abs(a.base()), Math.abs(b.base()));
    }

    /** A pollutant: its name, the amount generated and discharged (discharged ≤ generated). */
    private Submission.Pollutant pollutant(Node p, boolean generatedRequired) {
        Quantity generated = p.quantity("generated", "mass", generatedRequired, Bound.NON_NEGATIVE);
        Quantity discharged = p.quantity("discharged", "mass", false, Bound.NON_NEGATIVE);
        Parts.check(p, "discharged", discharged, "generated", generated, problems);
        return new Submission.Pollutant(p.text("name", true), generated, discharged);
    }

    /** A list of pollutants {name, generated, discharged}, each named once. */
    static List<Submission.Pollutant> pollutants(Node n, String key, Problems problems) {
        List<Submission.Pollutant> out = new ArrayList<>();
        for (YamlNode item : orEmpty(n.list(key, false))) {
            Node p = Node.of(item, problems, "name", "generated", "discharged");
            if (p == null) continue;
            if (!p.has("generated") && !p.has("discharged")) problems.say(item, "problem.reader.pollutant_amount");
            Submission.Pollutant pollutant = new ResourceReader(problems).pollutant(p, false);
            if (pollutant.name() != null && out.stream().anyMatch(o -> PollutantNames.same(o.name(), pollutant.name()))) {
                problems.say(p.raw("name"), "problem.reader.pollutant_twice", pollutant.name());
                continue;
            }
            out.add(pollutant);
        }
        return out;
    }

    /** Wastewater in m3 or t (the standard counts it in t; statistics often in m3). */
    static Quantity wastewater(Node n, String key, Problems problems) {
        YamlNode v = n.value(key, false);
        if (v == null) return null;
        String dim = "mass".equals(Node.writtenDimension(v)) ? "mass" : "volume";
        return Node.quantity(v, dim, Bound.NON_NEGATIVE, problems);
    }

    private static double base(Quantity q) {
        return q == null ? 0 : q.base();
    }

    private static List<YamlNode> orEmpty(List<YamlNode> l) {
        return l == null ? List.of() : l;
    }
}
