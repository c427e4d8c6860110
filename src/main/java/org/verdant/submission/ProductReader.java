package org.verdant.submission;

import org.verdant.rulebook.Vocabulary;
import org.verdant.units.Quantity;
import org.verdant.yaml.Bound;
import org.verdant.yaml.Node;
import org.verdant.yaml.Problems;
import org.verdant.yaml.YamlNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code products}: each product line with its energy, energy-limit inputs, water quota
 * and the figures the per-product formulas of GB/T 36132-2025 Appendix B read (output value,
 * CO2, raw materials, water and waste flows, pollutants, capacity and time standard, and the
 * inputs of the B.1 note's multi-product methods).
 */
final class ProductReader {
    /** The keys a park enterprise's product takes (no Appendix B figures). */
    static final List<String> BASIC_KEYS = List.of("name", "main", "output", "energy", "energy_per_unit", "energy_limit",
            "raw_material", "corrections", "water_quota");
    static final List<String> KEYS = List.of("name", "main", "output", "energy", "energy_per_unit", "energy_limit",
            "raw_material", "raw_materials", "corrections", "water_quota", "output_value", "co2", "water_intake",
            "wastewater_generated", "wastewater_discharged", "waste_gas_generated", "waste_gas_discharged", "pollutants",
            "capacity", "time_standard", "representative", "standard_factor", "energy_share");
    static final Set<String> OUTPUT_DIMENSIONS = Set.of("mass", "count", "length", "area", "volume");
    /** What a raw material may be counted in. */
    private static final List<String> MATERIAL_DIMENSIONS = List.of("mass", "volume", "count", "length", "area", "energy");

    private final Problems problems;

    ProductReader(Problems problems) {
        this.problems = problems;
    }

    List<Submission.Product> products(List<YamlNode> items) {
        List<Submission.Product> out = new ArrayList<>();
        if (items == null) return out;
        for (YamlNode item : items) {
            Node p = Node.of(item, problems, KEYS);
            Submission.Product product = product(p, item);
            if (product != null) out.add(product);
        }
        long mains = out.stream().filter(Submission.Product::main).count();
        if (mains > 1) {
            problems.say(items.get(0).location(), "products", "problem.product.main_twice");
        } else if (mains == 0 && out.size() > 1) {
            problems.say(items.get(0).location(), "products", "problem.product.main_missing");
        }
        checkRepresentative(items, out);
        return out;
    }

    /** One product line (a factory's, or a park enterprise's); null when {@code p} is not a mapping. */
    Submission.Product product(Node p, YamlNode item) {
        if (p == null) return null;
        String name = p.text("name", true);
        Boolean main = p.bool("main", false);
        Quantity output = outputQuantity(p, "output", true);
        String outDim = output == null ? "mass" : output.unit().dimension();
        Quantity energy = p.quantity("energy", "energy", false, Bound.ANY);
        Quantity perUnit = null;
        if (p.has("energy_per_unit")) perUnit = p.quantity("energy_per_unit", "energy/" + outDim, false, Bound.ANY);
        if (energy != null && perUnit != null) {
            problems.say(p.raw("energy_per_unit"), "problem.product.energy_both");
        }
        if (p.has("raw_material") && p.has("raw_materials")) {
            problems.say(p.raw("raw_materials"), "problem.product.raw_material_both");
        }
        Node rm = p.child("raw_material", false, "name", "consumption");
        Submission.RawMaterial single = rm == null ? null : new Submission.RawMaterial(rm.text("name", false), material(rm));
        List<Submission.RawMaterial> materials = new ArrayList<>();
        for (YamlNode m : orEmpty(p.list("raw_materials", false))) {
            Node r = Node.of(m, problems, "name", "consumption");
            if (r == null) continue;
            String materialName = r.text("name", true);
            if (materialName != null && materials.stream().anyMatch(x -> materialName.equals(x.name()))) {
                problems.say(r.raw("name"), "problem.product.raw_material_twice", materialName);
            }
            materials.add(new Submission.RawMaterial(materialName, material(r)));
        }
        Map<String, Quantity> corrections = new LinkedHashMap<>();
        Node cn = p.child("corrections", false, Vocabulary.CORRECTION_INPUTS.keySet());
        if (cn != null) {
            for (String input : cn.mapping().entries().keySet()) {
                String dim = Vocabulary.CORRECTION_INPUTS.get(input);
                if (dim == null) continue; // reported as an unknown key
                if (dim.equals(Vocabulary.WORD)) {
                    // a condition (quenching: wet): kept as a unitless quantity whose text is the word
                    String word = cn.choice(input, false, new java.util.LinkedHashSet<>(Vocabulary.CORRECTION_CHOICES.get(input)));
                    if (word != null) corrections.put(input, new Quantity(0, org.verdant.units.Units.NONE, word, cn.raw(input).location()));
                    continue;
                }
                Bound bound = input.equals("altitude") ? Bound.ANY : Vocabulary.CORRECTION_SHARES.contains(input) ? Bound.PERCENT
                        : input.equals("altitude_factor") ? Bound.POSITIVE : Bound.NON_NEGATIVE;
                Quantity q = cn.quantity(input, dim, false, bound);
                if (q != null) corrections.put(input, q);
            }
        }
        Submission.WaterQuota quota = null;
        Node wq = p.child("water_quota", false, "standard", "general", "advanced");
        if (wq != null) {
            String perDim = "volume/" + outDim;
            quota = new Submission.WaterQuota(wq.text("standard", true), wq.quantity("general", perDim, true, Bound.NON_NEGATIVE),
                    wq.quantity("advanced", perDim, false, Bound.NON_NEGATIVE));
            if (quota.general() != null && quota.advanced() != null && quota.advanced().base() > quota.general().base()) {
                problems.say(wq.raw("advanced"), "problem.product.advanced_quota", quota.advanced(), quota.general());
            }
        }
        Quantity wwGenerated = ResourceReader.wastewater(p, "wastewater_generated", problems);
        Quantity wwDischarged = ResourceReader.wastewater(p, "wastewater_discharged", problems);
        Parts.check(p, "wastewater_discharged", wwDischarged, "wastewater_generated", wwGenerated, problems);
        Quantity gasGenerated = p.quantity("waste_gas_generated", "volume", false, Bound.NON_NEGATIVE);
        Quantity gasDischarged = p.quantity("waste_gas_discharged", "volume", false, Bound.NON_NEGATIVE);
        Parts.check(p, "waste_gas_discharged", gasDischarged, "waste_gas_generated", gasGenerated, problems);
        Quantity capacity = p.has("capacity") ? p.quantity("capacity", outDim, false, Bound.POSITIVE) : null;
        Parts.check(p, "output", output, "capacity", capacity, problems);
        Submission.ProductFigures figures = new Submission.ProductFigures(
                p.quantity("output_value", "money", false, Bound.NON_NEGATIVE),
                p.quantity("co2", "ghg", false, Bound.NON_NEGATIVE),
                List.copyOf(materials),
                p.quantity("water_intake", "volume", false, Bound.NON_NEGATIVE),
                wwGenerated, wwDischarged, gasGenerated, gasDischarged,
                ResourceReader.pollutants(p, "pollutants", problems),
                capacity,
                p.quantity("time_standard", "time/" + outDim, false, Bound.POSITIVE),
                Boolean.TRUE.equals(p.bool("representative", false)),
                p.quantity("standard_factor", "1", false, Bound.POSITIVE),
                p.quantity("energy_share", "1", false, Bound.PERCENT));
        return new Submission.Product(name, Boolean.TRUE.equals(main), output, energy, perUnit,
                p.text("energy_limit", false), single != null ? single : materials.isEmpty() ? null : materials.get(0), corrections, quota, item.location(),
                figures);
    }

    /** A raw material's consumption, in whatever unit it is counted in (t, m3, 件, m, kgce, …). */
    private Quantity material(Node r) {
        YamlNode n = r.value("consumption", true);
        if (n == null) return null;
        String dim = Node.writtenDimension(n);
        if (dim == null || !MATERIAL_DIMENSIONS.contains(dim)) dim = "mass";
        return Node.quantity(n, dim, Bound.NON_NEGATIVE, problems);
    }

    private Quantity outputQuantity(Node p, String key, boolean required) {
        YamlNode n = p.value(key, required);
        if (n == null) return null;
        String dim = Node.writtenDimension(n);
        if (dim == null || !OUTPUT_DIMENSIONS.contains(dim)) dim = "mass";
        return Node.quantity(n, dim, Bound.POSITIVE, problems);
    }

    /**
     * B.24: the representative product is the one whose capacity × time standard is largest. At
     * most one product may be marked, and a marked one must be that product when every figure is given.
     */
    private void checkRepresentative(List<YamlNode> items, List<Submission.Product> products) {
        List<Integer> marked = new ArrayList<>();
        for (int i = 0; i < products.size(); i++) if (products.get(i).figures().representative()) marked.add(i);
        if (marked.size() > 1) {
            problems.say(items.get(marked.get(1)).location(), "products[" + marked.get(1) + "].representative",
                    "problem.product.representative_twice");
            return;
        }
        if (marked.isEmpty()) return;
        int best = -1;
        double bestHours = -1;
        for (int i = 0; i < products.size(); i++) {
            Submission.ProductFigures f = products.get(i).figures();
            if (f.capacity() == null || f.timeStandard() == null) return;
            double hours = f.capacity().base() * f.timeStandard().base();
            if (hours > bestHours) {
                bestHours = hours;
                best = i;
            }
        }
        if (best != marked.get(0)) {
            problems.say(items.get(marked.get(0)).location(), "products[" + marked.get(0) + "].representative",
                    "problem.product.representative_wrong", best, products.get(best).name());
        }
    }

    private static List<YamlNode> orEmpty(List<YamlNode> l) {
        return l == null ? List.of() : l;
    }
}
