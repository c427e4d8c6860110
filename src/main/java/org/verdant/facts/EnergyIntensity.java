package org.verdant.facts;

import org.verdant.text.Numbers;
import org.verdant.rulebook.Benchmarks;
import org.verdant.rulebook.Figure;
import org.verdant.units.Quantity;
import org.verdant.units.Units;

import java.util.ArrayList;
import java.util.List;

/**
 * GB/T 36132-2025 E1 in its per-product form: each product an energy-limit standard covers is
 * compared with its row's levels (baseline level 2, leading level 1, corrected), and the products
 * are weighted by their share of the covered products' energy use.
 */
public final class EnergyIntensity {
    private EnergyIntensity() {
    }

    public static ScaledParts perProduct(String criterionId, List<?> coveredProducts, List<?> rows,
                                         int baselineLevel, int leadingLevel) {
        List<ProductLine> covered = coveredProducts.stream().map(o -> (ProductLine) o)
                .sorted(java.util.Comparator.comparingInt(ProductLine::index)).toList();
        Benchmarks benchmarks = new Benchmarks(null, null, null, List.of(), rows.stream().map(o -> (Benchmarks.EnergyLimitRow) o).toList());
        List<ScaledParts.Part> parts = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<org.verdant.text.Messages.Phrase> warnings = new ArrayList<>();
        List<Figure> figures = new ArrayList<>();
        List<Double> energies = new ArrayList<>();
        List<String> energyTexts = new ArrayList<>();
        for (ProductLine p : covered) {
            Benchmarks.EnergyLimitRow row = benchmarks.row(p.energyLimit()).orElseThrow();
            Unit unit = new Unit(row.unit());
            Double perUnit = null;
            String computation;
            List<String> inputs = new ArrayList<>(List.of(p.path() + ".energy_limit"));
            if (p.energyPerUnit() != null) {
                perUnit = p.energyPerUnit().in(unit.symbol);
                computation = p.path() + ".energy_per_unit = " + p.energyPerUnit().text();
                inputs.add(p.path() + ".energy_per_unit");
                if (p.output() != null) inputs.add(p.path() + ".output"); // weighs the product by energy use
            } else if (p.energy() != null && p.output() != null) {
                perUnit = unit.of(p.energy(), p.output());
                computation = p.energy().text() + " ÷ " + p.output().text() + " = " + Numbers.show(perUnit, unit.symbol);
                inputs.addAll(List.of(p.path() + ".energy", p.path() + ".output"));
            } else {
                missing.add(IndicatorValue.either(p.path() + ".energy", p.path() + ".energy_per_unit"));
                if (p.output() == null) missing.add(p.path() + ".output");
                continue;
            }
            Double energy = productEnergy(p);
            energies.add(energy);
            energyTexts.add(energy == null ? null : p.energy() != null ? p.energy().text()
                    : p.energyPerUnit().text() + " × " + p.output().text());
            Corrections.Corrected b = Corrections.level(row, baselineLevel, p.corrections(), p.path());
            Corrections.Corrected l = Corrections.level(row, leadingLevel, p.corrections(), p.path());
            warnings.addAll(b.warnings());
            l.warnings().stream().filter(w -> !warnings.contains(w)).forEach(warnings::add);
            figures.add(References.levelFigure(row, baselineLevel));
            figures.add(References.levelFigure(row, leadingLevel));
            figures.addAll(b.figures());
            b.inputs().stream().filter(i -> !inputs.contains(i)).forEach(inputs::add);
            l.inputs().stream().filter(i -> !inputs.contains(i)).forEach(inputs::add);
            parts.add(new ScaledParts.Part(p.name(), p.path(), perUnit, row.unit(), computation, b.value(),
                    origin(row, baselineLevel, b), l.value(), origin(row, leadingLevel, l), 1, null, inputs));
        }
        if (!missing.isEmpty()) return new ScaledParts(criterionId, "per_product", parts, missing, warnings, figures);
        if (parts.size() > 1) {
            if (energies.contains(null)) {
                for (int i = 0; i < parts.size(); i++) {
                    // the products are weighed by their energy use, so a product stated per unit only lacks its energy
                    if (energies.get(i) == null) missing.add(parts.get(i).path() + ".energy");
                }
                return new ScaledParts(criterionId, "per_product", parts, missing, warnings, figures);
            }
            double total = energies.stream().mapToDouble(Math::abs).sum();
            List<ScaledParts.Part> weighted = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                ScaledParts.Part p = parts.get(i);
                double share = total == 0 ? 1.0 / parts.size() : Math.abs(energies.get(i)) / total;
                org.verdant.text.Messages.Phrase how = Phrases.of("derive.weight_share", energyTexts.get(i), Numbers.format(share * 100));
                weighted.add(new ScaledParts.Part(p.product(), p.path(), p.value(), p.unit(), p.computation(), p.baseline(),
                        p.baselineOrigin(), p.leading(), p.leadingOrigin(), share, how, p.inputs()));
            }
            parts = weighted;
        }
        return new ScaledParts(criterionId, "per_product", parts, missing, warnings, figures);
    }

    private static Double productEnergy(ProductLine p) {
        if (p.energy() != null) return p.energy().base();
        if (p.energyPerUnit() != null && p.output() != null) return p.energyPerUnit().base() * p.output().base();
        return null;
    }

    private static org.verdant.text.Messages.Phrase origin(Benchmarks.EnergyLimitRow row, int level, Corrections.Corrected c) {
        return References.limitLevel(row, level, c);
    }

    /** The row's unit, e.g. kgce/t, and the conversion of energy ÷ output into it. */
    private record Unit(String symbol) {
        double of(Quantity energy, Quantity output) {
            return Units.require(symbol).fromBase(energy.base() / output.base());
        }
    }
}
