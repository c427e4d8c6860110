package org.verdant.facts;

import org.verdant.facts.Derive.Term;
import org.verdant.submission.EnergyCarbonFunctions;
import org.verdant.submission.PollutantNames;
import org.verdant.submission.Submission;
import org.verdant.text.Messages.Phrase;
import org.verdant.text.Numbers;
import org.verdant.units.Quantity;
import org.verdant.units.Unit;
import org.verdant.units.Units;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The quantitative indicators of GB/T 36132-2025 Appendix B (equations B.1–B.28) and the named
 * quantities indicator tables use beside them, each computed for one {@link TableForm}: keyed by
 * the form, expressed in the form's unit, with the formula, the computation with its numbers,
 * the submission fields read and, when some are absent, the fields to supply.
 *
 * <p>Per-product equations are computed for the main product. A factory with several products
 * gets its energy per product by the B.1 note's method ({@code energy.multi_product_method}):
 * measured per product, converted to a standard product, or allocated by shares; CO2 (B.3/B.4,
 * whose boundary is the energy's) follows the same method. Other per-product figures are the
 * product's own, or the factory's for a single-product factory.
 */
public final class AppendixB {
    /** Every formula id a table may name. */
    public static final List<String> FORMULAS;
    private static final Map<String, String> TEXT = new LinkedHashMap<>();
    /** Units a count may be written in (plain, 项, 个). */
    private static final Set<String> COUNT_UNITS = Set.of("", "项", "个");
    private static final Set<String> COUNT_PER_YEAR_UNITS = Set.of("", "项/年", "个/年");
    /** One green-electricity certificate (GEC) stands for 1 MWh. */
    private static final double KWH_PER_CERTIFICATE = 1000;
    private static final Phrase WASTEWATER_NOTE = Phrases.of("note.wastewater_as_mass");

    static {
        text("B.1", "单位产品综合能耗 = 产品综合能耗 ÷ 合格产品产量");
        text("B.2", "单位产值综合能耗 = 产品综合能耗 ÷ 产品产值");
        text("B.3", "单位产品二氧化碳排放量 = 产品二氧化碳排放量 ÷ 合格产品产量");
        text("B.4", "单位产值二氧化碳排放量 = 产品二氧化碳排放量 ÷ 产品产值");
        text("B.5", "可再生能源利用率 = 可再生能源消耗量 ÷ 综合能耗 × 100%");
        text("B.6", "单位产品主要原材料消耗量 = 主要原材料消耗量 ÷ 合格产品产量");
        text("B.7", "单位产值主要原材料消耗量 = 主要原材料消耗量 ÷ 产品产值");
        text("B.8", "单位产品取水量 = 取水量 ÷ 合格产品产量");
        text("B.9", "单位产值取水量 = 取水量 ÷ 产品产值");
        text("B.10", "工业用水重复利用率 = 重复利用水量 ÷ (取水量 + 重复利用水量) × 100%");
        text("B.11", "一般工业固体废物综合利用率 = 综合利用量 ÷ (产生量 + 综合利用往年贮存量) × 100%");
        text("B.12", "单位产品废水产生量 = 废水产生量 ÷ 合格产品产量");
        text("B.13", "单位产值废水产生量 = 废水产生量 ÷ 产品产值");
        text("B.14", "单位产品废水排放量 = 废水排放量 ÷ 合格产品产量");
        text("B.15", "单位产值废水排放量 = 废水排放量 ÷ 产品产值");
        text("B.16", "单位产品废气产生量 = 废气产生量 ÷ 合格产品产量");
        text("B.17", "单位产值废气产生量 = 废气产生量 ÷ 产品产值");
        text("B.18", "单位产品废气排放量 = 废气排放量 ÷ 合格产品产量");
        text("B.19", "单位产值废气排放量 = 废气排放量 ÷ 产品产值");
        text("B.20", "单位产品主要污染物产生量 = 污染物产生量 ÷ 合格产品产量");
        text("B.21", "单位产值主要污染物产生量 = 污染物产生量 ÷ 产品产值");
        text("B.22", "单位产品主要污染物排放量 = 污染物排放量 ÷ 合格产品产量");
        text("B.23", "单位产值主要污染物排放量 = 污染物排放量 ÷ 产品产值");
        text("B.24", "单位用地面积产能 = 工厂总产能 ÷ 用地面积");
        text("B.25", "工厂总产能 = Σ 产品可产出量 × 换算系数 k，k = 产品时间定额 ÷ 代表产品时间定额");
        text("B.26", "单位用地面积产值 = 工业总产值 ÷ 用地面积");
        text("B.27", "建筑系数 = (建筑物占地面积 + 构筑物占地面积 + 堆场面积) ÷ 用地面积 × 100%");
        text("B.28", "容积率 = 总建筑面积 (层高超过 8 m 的楼层面积加倍) ÷ 用地面积");
        TEXT.put("energy_carbon_functions", "能碳管理系统平台功能符合数量 (表 C.1 第 4 项，共 12 项业务功能)");
        TEXT.put("retrofit_investment_share", "近 3 年绿色低碳改造升级项目投资额占比 = 近 3 年改造投资额 ÷ 同 3 年总产值 × 100%");
        TEXT.put("catalogue_technologies", "采用国家推荐目录技术装备数量");
        TEXT.put("retrofit_projects_per_year", "近三年年均绿色低碳改造项目数 = 近三年项目数 ÷ 3");
        TEXT.put("pollutant_margin", "主要污染物排放浓度低于限值的最小幅度 = min (许可限值 − 年均排放浓度) ÷ 许可限值 × 100%");
        TEXT.put("carbon_footprint_share", "开展碳足迹核算的产品类别占比 = 核算的类别数 ÷ 产品类别数 × 100%");
        FORMULAS = List.copyOf(TEXT.keySet());
    }

    private AppendixB() {
    }

    private static void text(String id, String formula) {
        TEXT.put(id, id + " " + formula);
    }

    /** Whether a table may name {@code formula}. */
    public static boolean knows(String formula) {
        return TEXT.containsKey(formula);
    }

    /** The formula as shown, e.g. "B.10 工业用水重复利用率 = …". */
    public static String formulaText(String formula) {
        return TEXT.get(formula);
    }

    /** A form naming a formula no rule computes: a clear invalid value, not silence. */
    public static IndicatorValue unknownFormula(TableForm f) {
        return invalid(f, f.formula(), f.unit(), Phrases.of("note.no_formula", f.formula(), String.join(", ", FORMULAS)),
                List.of());
    }

    // ---- energy and carbon ------------------------------------------------------------------

    /** B.1 comprehensive energy per unit of the main product, by the B.1 note's method for several products. */
    public static IndicatorValue energyPerUnitProduct(TableForm f, Submission.Energy e, FactoryProducts p) {
        Submission.Product main = p.main();
        if (main == null) return missing(f, "kgce/t", "products");
        String at = FactoryProducts.path(p.mainIndex());
        String method = method(e, p);
        if ("standard_product".equals(method)) {
            return express(f, Derive.factoryEnergy(e), standardOutput(p), perUnitDefault("kgce", p),
                    List.of(Phrases.of("note.b1_standard_product")));
        }
        if (main.energy() == null && main.energyPerUnit() != null && !"allocated".equals(method)) {
            return stated(f, at + ".energy_per_unit", main.energyPerUnit(), perUnitDefault("kgce", p));
        }
        Term energy = productEnergy(e, p, method);
        return express(f, energy, Derive.term(at + ".output", main.output()), perUnitDefault("kgce", p), List.of());
    }

    /** B.2 comprehensive energy per output value of the main product (standard-product method: the factory's). */
    public static IndicatorValue energyPerOutputValue(TableForm f, Submission.Energy e, FactoryProducts p, Submission.Economics eco) {
        if (wholeFactory(f)) return express(f, Derive.factoryEnergy(e), factoryOutputValue(eco), "kgce/万元", List.of(WHOLE_FACTORY));
        if (p.main() == null) return missing(f, "kgce/万元", "products");
        String method = method(e, p);
        if ("standard_product".equals(method)) {
            return express(f, Derive.factoryEnergy(e), Derive.term("economics.output_value", eco.outputValue()), "kgce/万元",
                    List.of(Phrases.of("note.b1_standard_product_value")));
        }
        return express(f, productEnergy(e, p, method), outputValue(p, eco), "kgce/万元", List.of());
    }

    /** B.3 CO2 per unit of the main product (same boundary and multi-product method as B.1). */
    public static IndicatorValue co2PerUnitProduct(TableForm f, Submission.Emissions em, Submission.Energy e, FactoryProducts p) {
        Submission.Product main = p.main();
        if (main == null) return missing(f, "tCO2e/t", "products");
        String method = method(e, p);
        if ("standard_product".equals(method) && main.figures().co2() == null) {
            return express(f, Derive.term("emissions.ghg", em.ghg()), standardOutput(p), perUnitDefault("tCO2e", p),
                    List.of(Phrases.of("note.b3_standard_product")));
        }
        return express(f, productCo2(em, p, method), Derive.term(FactoryProducts.path(p.mainIndex()) + ".output", main.output()),
                perUnitDefault("tCO2e", p), List.of());
    }

    /** B.4 CO2 per output value of the main product. */
    public static IndicatorValue co2PerOutputValue(TableForm f, Submission.Emissions em, Submission.Energy e, FactoryProducts p,
                                                   Submission.Economics eco) {
        if (wholeFactory(f)) return express(f, Derive.term("emissions.ghg", em.ghg()), factoryOutputValue(eco), "tCO2e/万元", List.of(WHOLE_FACTORY));
        if (p.main() == null) return missing(f, "tCO2e/万元", "products");
        String method = method(e, p);
        if ("standard_product".equals(method) && p.main().figures().co2() == null) {
            return express(f, Derive.term("emissions.ghg", em.ghg()), Derive.term("economics.output_value", eco.outputValue()),
                    "tCO2e/万元", List.of(Phrases.of("note.b3_standard_product_value")));
        }
        return express(f, productCo2(em, p, method), outputValue(p, eco), "tCO2e/万元", List.of());
    }

    /**
     * B.5 renewable energy consumed ÷ the factory's comprehensive energy. Renewable electricity
     * counts once, by how it was obtained: self-generated and used, market-traded, by dedicated
     * line, or covered by green certificates bought separately (1 certificate = 1 MWh, never
     * more than the carrier supplied). Certificates that came with a market trade are that
     * trade's, not counted again.
     */
    public static IndicatorValue renewableShare(TableForm f, Submission.Energy e) {
        if (e.carriers().isEmpty()) {
            return missing(f, "%", "energy.carriers");
        }
        double base = 0;
        List<String> parts = new ArrayList<>();
        List<Phrase> notes = new ArrayList<>();
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < e.carriers().size(); i++) {
            Submission.Carrier c = e.carriers().get(i);
            if (!c.renewable()) continue;
            String at = "energy.carriers[" + i + "]";
            if (c.amount() == null) return missing(f, "%", at + ".amount");
            double energy = c.factor() != null ? c.amount().base() * c.factor().base() : c.amount().base();
            String shown = c.factor() != null ? c.amount().text() + " × " + c.factor().text() : c.amount().text();
            inputs.add(at + ".amount");
            if (c.factor() != null) inputs.add(at + ".factor");
            inputs.add(at + (c.obtained() != null ? ".obtained" : ".renewable"));
            String way = c.obtained() == null ? null : switch (c.obtained()) {
                case "self_generated" -> "自发自用";
                case "market_traded" -> "市场化交易";
                case "dedicated_line" -> "专线直供";
                default -> "绿证";
            };
            if ("green_certificates".equals(c.obtained())) {
                if (c.certificates() == null) return missing(f, "%", at + ".certificates");
                inputs.add(at + ".certificates");
                double kwh = c.certificates() * KWH_PER_CERTIFICATE;
                energy = Math.min(energy, kwh * Units.KGCE_PER_KWH);
                shown = c.certificates() + " 张绿证 × 1 MWh = " + Numbers.format(kwh) + " kWh";
                notes = merge(notes, Derive.notes(Units.require("kWh")));
            } else if (c.certificates() != null) {
                notes.add(Phrases.of("note.certificates_in_trade", at, c.certificates()));
            }
            notes = merge(notes, Derive.notes(c.amount().unit()));
            if (c.obtained() == null && c.amount().unit().note() != null) {
                notes.add(Phrases.of("note.obtained_unstated", at));
            }
            base += energy;
            parts.add(way == null ? shown : shown + " (" + way + ")");
        }
        Term renewable = new Term(base, "energy", parts.isEmpty() ? "0" : "(" + String.join(" + ", parts) + ")", List.of(),
                notes, inputs);
        return express(f, renewable, Derive.factoryEnergy(e), "%", List.of());
    }

    /** Table C.1 row 4: how many of the 12 listed functions the energy-and-carbon platform has. */
    public static IndicatorValue energyCarbonFunctions(TableForm f, Submission.EnergyCarbonManagement m) {
        String path = "energy_carbon_management.functions";
        String unit = unitOr(f, "项");
        if (!COUNT_UNITS.contains(unit)) return badUnit(f, unit, "项", List.of());
        if (m.functions() == null) return new IndicatorValue(f.key(), null, unit, formulaText(f.formula()), null, List.of(path), List.of());
        List<String> counted = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (String written : m.functions()) {
            Optional<String> id = EnergyCarbonFunctions.id(written);
            if (id.isPresent() && !counted.contains(id.get())) counted.add(id.get());
            else if (id.isEmpty()) other.add(written);
        }
        List<Phrase> notes = other.isEmpty() ? List.of()
                : List.of(Phrases.of("note.functions_not_counted", other.stream().map(Phrases::code).toList()));
        String names = counted.stream().map(EnergyCarbonFunctions.ALL::get).reduce((a, b) -> a + "、" + b).orElse("无");
        return new IndicatorValue(f.key(), (double) counted.size(), unit, formulaText(f.formula()),
                path + ": " + names + " = " + counted.size() + " / 12", List.of(), notes, List.of(path));
    }

    // ---- resources ----------------------------------------------------------------------------

    /** B.6 a main raw material per unit of the main product (the table's {@code material}, else the first listed). */
    public static IndicatorValue rawMaterialPerUnitProduct(TableForm f, FactoryProducts p) {
        if (p.main() == null) return missing(f, "t/t", "products");
        return express(f, rawMaterial(f, p), output(p), "t/" + outputBase(p), List.of());
    }

    /** B.7 a main raw material per output value of the main product. */
    public static IndicatorValue rawMaterialPerOutputValue(TableForm f, FactoryProducts p, Submission.Economics eco) {
        if (p.main() == null) return missing(f, "t/万元", "products");
        return express(f, rawMaterial(f, p), outputValue(p, eco), "t/万元", List.of());
    }

    /** B.8 water intake per unit of the main product. */
    public static IndicatorValue waterIntakePerUnitProduct(TableForm f, Submission.Water w, FactoryProducts p) {
        if (wholeFactory(f) && p.main() != null) {
            return express(f, Derive.term("water.intake", w.intake()), output(p), perUnitDefault("m3", p), List.of(WHOLE_FACTORY_PER_PRODUCT));
        }
        return perUnit(f, p, "water_intake", x -> x.figures().waterIntake(), "water.intake", w.intake(), "m3");
    }

    /** B.9 water intake per output value of the main product. */
    public static IndicatorValue waterIntakePerOutputValue(TableForm f, Submission.Water w, FactoryProducts p, Submission.Economics eco) {
        if (wholeFactory(f)) return express(f, Derive.term("water.intake", w.intake()), factoryOutputValue(eco), "m3/万元", List.of(WHOLE_FACTORY));
        return perValue(f, p, eco, "water_intake", x -> x.figures().waterIntake(), "water.intake", w.intake(), "m3/万元");
    }

    /** B.10 industrial water reuse rate = reused ÷ (intake + reused). */
    public static IndicatorValue waterReuseRate(TableForm f, Submission.Water w) {
        Term reused = Derive.term("water.recirculated", w.recirculated());
        return express(f, reused, Derive.sum(Derive.term("water.intake", w.intake()), reused), "%", List.of());
    }

    /** B.11 general solid-waste utilisation = utilised ÷ (generated + prior-year stock utilised). */
    public static IndicatorValue solidWasteUtilisation(TableForm f, Submission.SolidWaste s) {
        return express(f, Derive.term("solid_waste.utilised", s.utilised()),
                Derive.sum(Derive.term("solid_waste.generated", s.generated()),
                        Derive.optional("solid_waste.utilised_from_stock", s.utilisedFromStock(), "mass")), "%", List.of());
    }

    // ---- clean production ---------------------------------------------------------------------

    /** B.12 wastewater generated per unit of the main product. */
    public static IndicatorValue wastewaterGeneratedPerUnitProduct(TableForm f, Submission.Water w, FactoryProducts p) {
        return perUnit(f, p, "wastewater_generated", x -> x.figures().wastewaterGenerated(), "water.wastewater_generated",
                w.wastewaterGenerated(), "t");
    }

    /** B.13 wastewater generated per output value of the main product. */
    public static IndicatorValue wastewaterGeneratedPerOutputValue(TableForm f, Submission.Water w, FactoryProducts p, Submission.Economics eco) {
        return perValue(f, p, eco, "wastewater_generated", x -> x.figures().wastewaterGenerated(), "water.wastewater_generated",
                w.wastewaterGenerated(), "t/万元");
    }

    /** B.14 wastewater discharged per unit of the main product. */
    public static IndicatorValue wastewaterDischargedPerUnitProduct(TableForm f, Submission.Water w, FactoryProducts p) {
        return perUnit(f, p, "wastewater_discharged", x -> x.figures().wastewaterDischarged(), "water.wastewater_discharged",
                w.wastewaterDischarged(), "t");
    }

    /** B.15 wastewater discharged per output value of the main product. */
    public static IndicatorValue wastewaterDischargedPerOutputValue(TableForm f, Submission.Water w, FactoryProducts p, Submission.Economics eco) {
        return perValue(f, p, eco, "wastewater_discharged", x -> x.figures().wastewaterDischarged(), "water.wastewater_discharged",
                w.wastewaterDischarged(), "t/万元");
    }

    /** B.16 waste gas generated per unit of the main product. */
    public static IndicatorValue wasteGasGeneratedPerUnitProduct(TableForm f, Submission.Emissions em, FactoryProducts p) {
        return perUnit(f, p, "waste_gas_generated", x -> x.figures().wasteGasGenerated(), em.wasteGasGeneratedPath(),
                em.wasteGasGenerated(), "m3");
    }

    /** B.17 waste gas generated per output value of the main product. */
    public static IndicatorValue wasteGasGeneratedPerOutputValue(TableForm f, Submission.Emissions em, FactoryProducts p, Submission.Economics eco) {
        return perValue(f, p, eco, "waste_gas_generated", x -> x.figures().wasteGasGenerated(), em.wasteGasGeneratedPath(),
                em.wasteGasGenerated(), "m3/万元");
    }

    /** B.18 waste gas discharged per unit of the main product. */
    public static IndicatorValue wasteGasDischargedPerUnitProduct(TableForm f, Submission.Emissions em, FactoryProducts p) {
        return perUnit(f, p, "waste_gas_discharged", x -> x.figures().wasteGasDischarged(), "emissions.waste_gas_discharged",
                em.wasteGasDischarged(), "m3");
    }

    /** B.19 waste gas discharged per output value of the main product. */
    public static IndicatorValue wasteGasDischargedPerOutputValue(TableForm f, Submission.Emissions em, FactoryProducts p, Submission.Economics eco) {
        return perValue(f, p, eco, "waste_gas_discharged", x -> x.figures().wasteGasDischarged(), "emissions.waste_gas_discharged",
                em.wasteGasDischarged(), "m3/万元");
    }

    /** B.20 a main pollutant (the table's {@code pollutant}) generated per unit of the main product. */
    public static IndicatorValue pollutantGeneratedPerUnitProduct(TableForm f, Submission.Emissions em, FactoryProducts p) {
        return pollutant(f, em, p, null, true);
    }

    /** B.21 a main pollutant generated per output value of the main product. */
    public static IndicatorValue pollutantGeneratedPerOutputValue(TableForm f, Submission.Emissions em, FactoryProducts p, Submission.Economics eco) {
        return pollutant(f, em, p, eco, true);
    }

    /** B.22 a main pollutant discharged per unit of the main product. */
    public static IndicatorValue pollutantDischargedPerUnitProduct(TableForm f, Submission.Emissions em, FactoryProducts p) {
        return pollutant(f, em, p, null, false);
    }

    /** B.23 a main pollutant discharged per output value of the main product. */
    public static IndicatorValue pollutantDischargedPerOutputValue(TableForm f, Submission.Emissions em, FactoryProducts p, Submission.Economics eco) {
        return pollutant(f, em, p, eco, false);
    }

    /**
     * Retrofit investment of the last three years ÷ the total output value of the same three
     * years (the reporting year and the two before it) × 100 %. The investment is
     * {@code investment_last_3_years.green_retrofit}, else the sum of the projects of those years.
     */
    public static IndicatorValue retrofitInvestmentShare(TableForm f, Submission.CleanerProduction c, Submission.Economics eco,
                                                         EvaluationContext ctx) {
        int year = ctx.reportingYear();
        Term investment;
        if (c.retrofitInvestment3y() != null) {
            investment = Derive.term("cleaner_production.investment_last_3_years.green_retrofit", c.retrofitInvestment3y());
        } else if (c.retrofitProjects() != null) {
            investment = new Term(0, "money", "", List.of(), List.of());
            List<String> shown = new ArrayList<>();
            for (int i = 0; i < c.retrofitProjects().size(); i++) {
                Submission.RetrofitProject r = c.retrofitProjects().get(i);
                if (r.year() < year - 2 || r.year() > year) continue;
                Term t = Derive.term("cleaner_production.retrofit_projects[" + i + "].investment", r.investment());
                investment = new Term(investment.base() + t.base(), "money", "", merge(investment.missing(), t.missing()),
                        List.of(), merge(investment.inputs(), t.inputs()));
                shown.add(t.text());
            }
            investment = new Term(investment.base(), "money", shown.isEmpty() ? "0" : "(" + String.join(" + ", shown) + ")",
                    investment.missing(), List.of(), investment.inputs());
        } else {
            investment = Derive.term(IndicatorValue.either("cleaner_production.investment_last_3_years.green_retrofit",
                    "cleaner_production.retrofit_projects[].investment"), null);
        }
        Term output = Derive.term("economics.output_value", eco.outputValue());
        for (int y = year - 1; y >= year - 2; y--) {
            int i = eco.indexOf(y);
            Term t = i < 0 ? Derive.term("economics.previous_years (year: " + y + ", output_value)", null)
                    : Derive.term("economics.previous_years[" + i + "].output_value", eco.previousYears().get(i).outputValue());
            output = Derive.sum(output, t);
        }
        return express(f, investment, output, "%", List.of(Phrases.of("note.three_years", year - 2, year)));
    }

    /** Technologies and equipment from national recommended catalogues. */
    public static IndicatorValue catalogueTechnologies(TableForm f, Submission.CleanerProduction c) {
        String unit = unitOr(f, "项");
        if (!COUNT_UNITS.contains(unit)) return badUnit(f, unit, "项", List.of());
        return rekey(f, unit, Derive.count(f.key(), formulaText(f.formula()), "cleaner_production.catalogue_technologies",
                c.catalogueTechnologies()));
    }

    /** Retrofit projects in the reporting year and the two before it, ÷ 3. */
    public static IndicatorValue retrofitProjectsPerYear(TableForm f, Submission.CleanerProduction c, EvaluationContext ctx) {
        String unit = unitOr(f, "项/年");
        if (!COUNT_PER_YEAR_UNITS.contains(unit)) return badUnit(f, unit, "项/年", List.of());
        return rekey(f, unit, Derive.projectsPerYear(f.key(), formulaText(f.formula()), c, ctx.reportingYear()));
    }

    /** The smallest margin of the stated concentrations below their limits, in %. */
    public static IndicatorValue pollutantMargin(TableForm f, Submission.Emissions em) {
        String unit = unitOr(f, "%");
        if (!unit.equals("%")) return badUnit(f, unit, "%", List.of());
        return rekey(f, unit, Derive.pollutantMargin(f.key(), formulaText(f.formula()), em));
    }

    // ---- products -------------------------------------------------------------------------------

    /** The share of product categories with a carbon-footprint account. */
    public static IndicatorValue carbonFootprintShare(TableForm f, Submission.CarbonFootprint c) {
        return express(f, Derive.number("carbon_footprint.accounted", c.accounted()),
                Derive.number("carbon_footprint.product_categories", c.productCategories()), "%", List.of());
    }

    // ---- land ---------------------------------------------------------------------------------

    /** B.24 capacity per m² of land: the total capacity of B.25 ÷ the site area. */
    public static IndicatorValue capacityPerLandArea(TableForm f, Submission.Site site, FactoryProducts p) {
        if (p.all().isEmpty()) return missing(f, "t/m2", "products");
        Term capacity = totalCapacity(p);
        return express(f, capacity, Derive.term("site.land_area", site.landArea()), representativeUnit(p) + "/m2", List.of());
    }

    /**
     * B.25 the factory's total capacity in representative-product equivalents: Σ N_i × k_i with
     * k_i = t_i ÷ t_0, the representative product being the one whose capacity × time standard is largest.
     */
    public static IndicatorValue totalCapacity(TableForm f, FactoryProducts p) {
        if (p.all().isEmpty()) return missing(f, "t", "products");
        Term capacity = totalCapacity(p);
        String unit = unitOr(f, representativeUnit(p));
        Optional<Unit> target = parse(unit);
        if (target.isEmpty()) return invalid(f, formulaText(f.formula()), unit, Phrases.of("note.unknown_unit", unit), capacity.inputs());
        if (capacity.isMissing()) {
            return new IndicatorValue(f.key(), null, unit, formulaText(f.formula()), null, capacity.missing(), capacity.notes(), capacity.inputs());
        }
        if (!target.get().dimension().equals(capacity.dimension())) return badUnit(f, unit, naturalUnit(capacity.dimension()), capacity.inputs());
        double value = target.get().fromBase(capacity.base());
        return new IndicatorValue(f.key(), value, unit, formulaText(f.formula()), capacity.text() + " = " + Numbers.format(value) + " " + unit,
                List.of(), capacity.notes(), capacity.inputs());
    }

    /** B.26 output value per m² of land. */
    public static IndicatorValue outputValuePerLandArea(TableForm f, Submission.Site site, Submission.Economics eco) {
        return express(f, Derive.term("economics.output_value", eco.outputValue()), Derive.term("site.land_area", site.landArea()),
                "万元/m2", List.of());
    }

    /** B.27 building coverage = (buildings + production structures + storage yards) ÷ site area. */
    public static IndicatorValue buildingCoverage(TableForm f, Submission.Site site) {
        Term covered = Derive.sum(Derive.sum(Derive.term("site.footprint_area", site.footprintArea()),
                        Derive.optional("site.structure_footprint_area", site.structureFootprintArea(), "area")),
                Derive.optional("site.open_storage_area", site.openStorageArea(), "area"));
        return express(f, covered, Derive.term("site.land_area", site.landArea()), "%", List.of());
    }

    /** B.28 plot ratio = total floor area, storeys over 8 m counted twice, ÷ site area. */
    public static IndicatorValue plotRatio(TableForm f, Submission.Site site) {
        Term floor = Derive.term("site.building_floor_area", site.buildingFloorArea());
        List<Phrase> notes = new ArrayList<>();
        if (site.floorAreaOver8m() != null) {
            floor = Derive.sum(floor, Derive.term("site.floor_area_over_8m", site.floorAreaOver8m()));
            notes.add(Phrases.of("note.floor_over_8m"));
        }
        return express(f, floor, Derive.term("site.land_area", site.landArea()), "", notes);
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static final Phrase WHOLE_FACTORY = Phrases.of("note.whole_factory");
    private static final Phrase WHOLE_FACTORY_PER_PRODUCT = Phrases.of("note.whole_factory_per_product");

    /**
     * A table may compute a per-product formula for the whole factory ({@code inputs: {scope:
     * factory}}): the factory's total over its output value, or over the main product's output
     * where a quota is set per unit of the main product (water quotas are whole-works figures).
     */
    private static boolean wholeFactory(TableForm f) {
        return "factory".equals(f.input("scope"));
    }

    private static Term factoryOutputValue(Submission.Economics eco) {
        return Derive.term("economics.output_value", eco.outputValue());
    }

    /** The B.1 note's method: only a factory with several products has one. */
    private static String method(Submission.Energy e, FactoryProducts p) {
        return p.single() ? null : e.multiProductMethod();
    }

    /** The main product's energy: measured, allocated by its share, or (one product) the factory's. */
    private static Term productEnergy(Submission.Energy e, FactoryProducts p, String method) {
        Submission.Product main = p.main();
        String at = FactoryProducts.path(p.mainIndex());
        if ("allocated".equals(method)) {
            return share(Derive.factoryEnergy(e), main, at, Phrases.of("note.b1_allocated"));
        }
        if (main.energy() != null) return Derive.term(at + ".energy", main.energy());
        if (main.energyPerUnit() != null && main.output() != null) {
            return new Term(main.energyPerUnit().base() * main.output().base(), "energy",
                    main.energyPerUnit().text() + " × " + main.output().text(), List.of(), List.of(), List.of(at + ".energy_per_unit", at + ".output"));
        }
        if (p.single()) {
            Term factory = Derive.factoryEnergy(e);
            if (factory.isMissing()) return Derive.term(IndicatorValue.either(at + ".energy", "energy.comprehensive"), null);
            return withNote(factory, Phrases.of("note.single_product_energy"));
        }
        return Derive.term(method == null ? IndicatorValue.either(at + ".energy", "energy.multi_product_method") : at + ".energy", null);
    }

    private static Term productCo2(Submission.Emissions em, FactoryProducts p, String method) {
        Submission.Product main = p.main();
        String at = FactoryProducts.path(p.mainIndex());
        if (main.figures().co2() != null) return Derive.term(at + ".co2", main.figures().co2());
        if (p.single()) {
            if (em.ghg() == null) return Derive.term(IndicatorValue.either(at + ".co2", "emissions.ghg"), null);
            return withNote(Derive.term("emissions.ghg", em.ghg()), Phrases.of("note.single_product_co2"));
        }
        if ("allocated".equals(method)) {
            return share(Derive.term("emissions.ghg", em.ghg()), main, at, Phrases.of("note.b3_allocated"));
        }
        return Derive.term(at + ".co2", null);
    }

    /** A factory total × the main product's energy share. */
    private static Term share(Term total, Submission.Product main, String at, Phrase note) {
        Term share = Derive.term(at + ".energy_share", main.figures().energyShare());
        if (total.isMissing() || share.isMissing()) {
            return new Term(0, total.dimension(), total.text(), merge(total.missing(), share.missing()), List.of(), merge(total.inputs(), share.inputs()));
        }
        return new Term(total.base() * share.base(), total.dimension(), total.text() + " × " + share.text(), List.of(),
                merge(total.notes(), List.of(note)), merge(total.inputs(), share.inputs()));
    }

    /** Σ k_i × Q_i over all products, in standard-product units. */
    private static Term standardOutput(FactoryProducts p) {
        double base = 0;
        List<String> parts = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> inputs = new ArrayList<>();
        String dim = null;
        for (int i = 0; i < p.all().size(); i++) {
            Submission.Product x = p.all().get(i);
            String at = FactoryProducts.path(i);
            Quantity k = x.figures().standardFactor();
            if (k == null) missing.add(at + ".standard_factor");
            if (x.output() == null) missing.add(at + ".output");
            if (k == null || x.output() == null) continue;
            base += k.base() * x.output().base();
            dim = x.output().unit().dimension();
            parts.add(Numbers.format(k.base()) + " × " + x.output().text());
            inputs.addAll(List.of(at + ".standard_factor", at + ".output"));
        }
        return new Term(base, dim, "(" + String.join(" + ", parts) + ")", missing, List.of(), inputs);
    }

    /** The main product's output value; for a single-product factory the factory's. */
    private static Term outputValue(FactoryProducts p, Submission.Economics eco) {
        return productFigure(p, "output_value", x -> x.figures().outputValue(), "economics.output_value", eco.outputValue());
    }

    private static Term output(FactoryProducts p) {
        return Derive.term(FactoryProducts.path(p.mainIndex()) + ".output", p.main().output());
    }

    /** The main product's own figure, or the factory's when it makes only this product. */
    private static Term productFigure(FactoryProducts p, String field, Function<Submission.Product, Quantity> get,
                                      String factoryPath, Quantity factoryTotal) {
        String at = FactoryProducts.path(p.mainIndex()) + "." + field;
        Quantity own = get.apply(p.main());
        if (own != null) return Derive.term(at, own);
        if (p.single() && factoryTotal != null) {
            return withNote(Derive.term(factoryPath, factoryTotal), Phrases.of("note.single_product_figure", factoryPath));
        }
        return Derive.term(p.single() ? at + " (or " + factoryPath + ")" : at, null);
    }

    private static IndicatorValue perUnit(TableForm f, FactoryProducts p, String field, Function<Submission.Product, Quantity> get,
                                          String factoryPath, Quantity factoryTotal, String numeratorUnit) {
        if (p.main() == null) return missing(f, numeratorUnit + "/t", "products");
        return express(f, productFigure(p, field, get, factoryPath, factoryTotal), output(p),
                perUnitDefault(numeratorUnit, p), List.of());
    }

    private static IndicatorValue perValue(TableForm f, FactoryProducts p, Submission.Economics eco, String field,
                                           Function<Submission.Product, Quantity> get, String factoryPath, Quantity factoryTotal,
                                           String defaultUnit) {
        if (p.main() == null) return missing(f, defaultUnit, "products");
        return express(f, productFigure(p, field, get, factoryPath, factoryTotal), outputValue(p, eco), defaultUnit, List.of());
    }

    /** The table's {@code material} (or the first listed) among {@code raw_materials}, or the one {@code raw_material}. */
    private static Term rawMaterial(TableForm f, FactoryProducts p) {
        String wanted = f.input("material");
        String at = FactoryProducts.path(p.mainIndex());
        Submission.Product main = p.main();
        List<Submission.RawMaterial> listed = main.figures().rawMaterials();
        for (int i = 0; i < listed.size(); i++) {
            if (wanted == null || sameName(wanted, listed.get(i).name())) {
                return Derive.term(at + ".raw_materials[" + i + "].consumption", listed.get(i).consumption());
            }
        }
        if (listed.isEmpty() && main.rawMaterial() != null && (wanted == null || sameName(wanted, main.rawMaterial().name()))) {
            return Derive.term(at + ".raw_material.consumption", main.rawMaterial().consumption());
        }
        return Derive.term(at + ".raw_materials" + (wanted == null ? "" : " (name: " + wanted + ", consumption)"), null);
    }

    private static boolean sameName(String a, String b) {
        return b != null && a.strip().equals(b.strip());
    }

    private static IndicatorValue pollutant(TableForm f, Submission.Emissions em, FactoryProducts p, Submission.Economics eco,
                                            boolean generated) {
        String defaultUnit = eco == null ? "t/" + (p.main() == null ? "t" : outputBase(p)) : "t/万元";
        if (p.main() == null) return missing(f, defaultUnit, "products");
        String field = generated ? "generated" : "discharged";
        String name = f.input("pollutant");
        if (name == null) {
            if (em.mainPollutant() != null) name = em.mainPollutant().name();
            else if (em.pollutants().size() == 1) name = em.pollutants().get(0).name();
            else if (p.main().figures().pollutants().size() == 1) name = p.main().figures().pollutants().get(0).name();
        }
        if (name == null) {
            List<String> fields = List.of(IndicatorValue.either("emissions.main_pollutant", "inputs.pollutant"));
            return new IndicatorValue(f.key(), null, unitOr(f, defaultUnit), formulaText(f.formula()), null, fields, List.of());
        }
        String at = FactoryProducts.path(p.mainIndex());
        Term amount = null;
        List<Submission.Pollutant> own = p.main().figures().pollutants();
        for (int i = 0; i < own.size(); i++) {
            if (PollutantNames.same(own.get(i).name(), name)) {
                amount = Derive.term(at + ".pollutants[" + i + "]." + field, generated ? own.get(i).generated() : own.get(i).discharged());
            }
        }
        if (amount == null && p.single()) {
            Term factory = factoryPollutant(em, name, field, generated);
            if (factory != null) amount = withNote(factory, Phrases.of(generated ? "note.single_product_pollutant_generated" : "note.single_product_pollutant_discharged"));
        }
        if (amount == null) {
            amount = Derive.term(at + ".pollutants (name: " + name + ", " + field + ")"
                    + (p.single() ? " (or emissions.pollutants)" : ""), null);
        }
        Term denominator = eco == null ? output(p) : outputValue(p, eco);
        return express(f, amount, denominator, defaultUnit, List.of(Phrases.of("note.pollutant", Phrases.code(name))));
    }

    private static Term factoryPollutant(Submission.Emissions em, String name, String field, boolean generated) {
        for (int i = 0; i < em.pollutants().size(); i++) {
            Submission.Pollutant q = em.pollutants().get(i);
            if (PollutantNames.same(q.name(), name)) {
                return Derive.term("emissions.pollutants[" + i + "]." + field, generated ? q.generated() : q.discharged());
            }
        }
        Submission.Pollutant m = em.mainPollutant();
        if (m != null && PollutantNames.same(m.name(), name)) {
            return Derive.term("emissions.main_pollutant." + field, generated ? m.generated() : m.discharged());
        }
        return null;
    }

    /**
     * Σ N_i × t_i ÷ t_0 in representative-product units; one product needs no conversion. The
     * representative product is the one marked, else the one whose capacity × time standard is largest.
     */
    private static Term totalCapacity(FactoryProducts p) {
        if (p.single()) return Derive.term("products[0].capacity", p.all().get(0).figures().capacity());
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < p.all().size(); i++) {
            Submission.ProductFigures x = p.all().get(i).figures();
            if (x.capacity() == null) missing.add(FactoryProducts.path(i) + ".capacity");
            if (x.timeStandard() == null) missing.add(FactoryProducts.path(i) + ".time_standard");
        }
        if (!missing.isEmpty()) return new Term(0, null, "", missing, List.of());
        int rep = representative(p);
        Submission.ProductFigures r = p.all().get(rep).figures();
        double hours = 0;
        List<String> parts = new ArrayList<>();
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < p.all().size(); i++) {
            Submission.ProductFigures x = p.all().get(i).figures();
            hours += x.capacity().base() * x.timeStandard().base();
            parts.add(x.capacity().text() + " × " + x.timeStandard().text() + " ÷ " + r.timeStandard().text());
            inputs.addAll(List.of(FactoryProducts.path(i) + ".capacity", FactoryProducts.path(i) + ".time_standard"));
        }
        Phrase note = Phrases.of("note.representative_product", Phrases.code(p.all().get(rep).name()), FactoryProducts.path(rep), r.timeStandard().text());
        return new Term(hours / r.timeStandard().base(), r.capacity().unit().dimension(), "(" + String.join(" + ", parts) + ")",
                List.of(), List.of(note), inputs);
    }

    private static int representative(FactoryProducts p) {
        int best = 0;
        double most = -1;
        for (int i = 0; i < p.all().size(); i++) {
            Submission.ProductFigures x = p.all().get(i).figures();
            if (x.representative()) return i;
            double h = x.capacity().base() * x.timeStandard().base();
            if (h > most) {
                most = h;
                best = i;
            }
        }
        return best;
    }

    private static String representativeUnit(FactoryProducts p) {
        Submission.Product first = p.all().get(0);
        Quantity q = first.figures().capacity() != null ? first.figures().capacity() : first.output();
        if (!p.single()) {
            boolean complete = p.all().stream().allMatch(x -> x.figures().capacity() != null && x.figures().timeStandard() != null);
            if (complete) q = p.all().get(representative(p)).figures().capacity();
        }
        return q == null ? "t" : baseSymbol(q.unit().dimension());
    }

    private static String outputBase(FactoryProducts p) {
        Quantity q = p.main().output();
        return q == null ? "t" : baseSymbol(q.unit().dimension());
    }

    private static String perUnitDefault(String numeratorUnit, FactoryProducts p) {
        return numeratorUnit + "/" + outputBase(p);
    }

    /**
     * numerator ÷ denominator in the form's unit (or {@code defaultUnit} when the form has none).
     * A unit Verdant does not know, or one the quotient cannot be expressed in, is an invalid
     * value saying so; wastewater in m3 is taken as t (and back) where the unit asks for it.
     */
    private static IndicatorValue express(TableForm f, Term num, Term den, String defaultUnit, List<Phrase> notes) {
        String unit = unitOr(f, defaultUnit);
        String formula = formulaText(f.formula());
        Optional<Unit> target = parse(unit);
        List<String> inputs = merge(num.inputs(), den.inputs());
        if (target.isEmpty()) return invalid(f, formula, unit, Phrases.of("note.unknown_unit", unit), inputs);
        if (num.isMissing() || den.isMissing()) return Derive.quotient(f.key(), formula, num, den, unit).withNotes(notes);
        num = asWastewater(num, target.get().dimension().split("/")[0]);
        String dimension = ratioDimension(num.dimension(), den.dimension());
        // t per t (raw material, wastewater, pollutant per product in t) is a ratio written with its units
        boolean sameWritten = num.dimension().equals(den.dimension())
                && target.get().dimension().equals(num.dimension() + "/" + den.dimension());
        if (!dimension.equals(target.get().dimension()) && !sameWritten) {
            return badUnit(f, unit, naturalUnit(dimension), inputs);
        }
        return Derive.quotient(f.key(), formula, num, den, unit).withNotes(notes);
    }

    /** Wastewater is counted in t by the standard and often in m3 by statistics: 1 m3 = 1 t, said in a note. */
    private static Term asWastewater(Term t, String wantedDimension) {
        boolean wastewater = t.inputs().stream().anyMatch(i -> i.contains("wastewater"));
        boolean swap = ("mass".equals(wantedDimension) && "volume".equals(t.dimension()))
                || ("volume".equals(wantedDimension) && "mass".equals(t.dimension()));
        if (!wastewater || !swap) return t;
        // both base units (t and m3) have factor 1, so the base value stands as it is
        return new Term(t.base(), wantedDimension, t.text(), t.missing(), merge(t.notes(), List.of(WASTEWATER_NOTE)), t.inputs());
    }

    private static String ratioDimension(String num, String den) {
        if (num == null || den == null) return "?";
        if (num.equals(den)) return "1";
        if (den.equals("1")) return num;
        return num + "/" + den;
    }

    private static Object naturalUnit(String dimension) {
        if (dimension.equals("1")) return Phrases.of("unit.percent_or_ratio");
        StringBuilder b = new StringBuilder();
        for (String part : dimension.split("/")) {
            if (b.length() > 0) b.append('/');
            b.append(part.equals("1") ? "1" : baseSymbol(part));
        }
        return b.toString();
    }

    private static IndicatorValue stated(TableForm f, String path, Quantity q, String defaultUnit) {
        String unit = unitOr(f, defaultUnit);
        Optional<Unit> target = parse(unit);
        if (target.isEmpty()) return invalid(f, formulaText(f.formula()), unit, Phrases.of("note.unknown_unit", unit), List.of(path));
        if (!target.get().dimension().equals(q.unit().dimension())) return badUnit(f, unit, naturalUnit(q.unit().dimension()), List.of(path));
        return Derive.stated(f.key(), formulaText(f.formula()), path, q, unit);
    }

    private static IndicatorValue badUnit(TableForm f, String unit, Object natural, List<String> inputs) {
        return invalid(f, formulaText(f.formula()), unit, Phrases.of("note.bad_unit", f.formula(), natural, unit), inputs);
    }

    private static IndicatorValue invalid(TableForm f, String formula, String unit, Phrase why, List<String> inputs) {
        return new IndicatorValue(f.key(), null, unit, formula, why, List.of(), List.of(why), inputs);
    }

    private static IndicatorValue missing(TableForm f, String defaultUnit, String field) {
        return new IndicatorValue(f.key(), null, unitOr(f, defaultUnit), formulaText(f.formula()), null, List.of(field), List.of());
    }

    private static IndicatorValue rekey(TableForm f, String unit, IndicatorValue v) {
        return new IndicatorValue(f.key(), v.value(), unit, v.formula(), v.computation(), v.missingInputs(), v.notes(), v.inputs());
    }

    /**
     * {@link Units#parse} of a unit a form names, read once: a rulebook's tables name a few dozen,
     * and every formula parsed its unit again in every evaluation. Units are immutable and parsing is
     * a function of the text; at most {@value #KEPT_UNITS} are kept (a table file read at run time
     * may name any), past that they are parsed each time.
     */
    private static Optional<Unit> parse(String unit) {
        Optional<Unit> known = PARSED_UNITS.get(unit);
        if (known != null) return known;
        Optional<Unit> parsed = Units.parse(unit);
        if (PARSED_UNITS.size() < KEPT_UNITS) PARSED_UNITS.put(unit, parsed);
        return parsed;
    }

    /** {@link Units#base}'s symbol for a dimension, found once (it searches every unit). */
    private static String baseSymbol(String dimension) {
        String known = BASE_SYMBOLS.get(dimension);
        if (known != null) return known;
        String symbol = Units.base(dimension).symbol(); // an unknown dimension throws, and is not kept
        if (BASE_SYMBOLS.size() < KEPT_UNITS) BASE_SYMBOLS.put(dimension, symbol);
        return symbol;
    }

    private static final int KEPT_UNITS = 256;
    private static final Map<String, Optional<Unit>> PARSED_UNITS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<String, String> BASE_SYMBOLS = new java.util.concurrent.ConcurrentHashMap<>();

    private static String unitOr(TableForm f, String defaultUnit) {
        return f.unit() == null || f.unit().isBlank() ? defaultUnit : f.unit().strip();
    }

    private static Term withNote(Term t, Phrase note) {
        return new Term(t.base(), t.dimension(), t.text(), t.missing(), merge(t.notes(), List.of(note)), t.inputs());
    }

    private static <T> List<T> merge(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        b.stream().filter(x -> !out.contains(x)).forEach(out::add);
        return out;
    }
}
