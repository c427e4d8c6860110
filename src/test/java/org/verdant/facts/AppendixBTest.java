package org.verdant.facts;

import org.junit.jupiter.api.Test;
import org.verdant.submission.Submission;
import org.verdant.submission.SubmissionReader;
import org.verdant.yaml.Problems;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * GB/T 36132-2025 Appendix B, each formula on a submission read from YAML. Every expected figure
 * is computed by hand in the test, from the figures written in the YAML.
 */
class AppendixBTest {
    private static final String HEAD = """
            scheme: green-factory
            evaluation_date: 2026-03-01
            reporting_year: 2025
            facility: {name: 测试工厂, credit_code: 91320500MA1T4K8Q3X, industry: C3011, province: 江苏}
            """;
    /** One product; the factory's figures are the product's. */
    private static final String ONE_PRODUCT = HEAD + """
            site:
              land_area: 100000 m2
              building_floor_area: 90000 m2
              floor_area_over_8m: 15000 m2
              footprint_area: 40000 m2
              structure_footprint_area: 8000 m2
              open_storage_area: 2000 m2
            economics:
              output_value: 50000 万元
              previous_years: [{year: 2024, output_value: 46000 万元}, {year: 2023, output_value: 44000 万元}]
            products:
              - name: 熟料
                output: 2.0e5 t
                energy: 21000 tce
                raw_materials: [{name: 石灰石, consumption: 2.6e5 t}, {name: 黏土, consumption: 3.0e4 t}]
            energy:
              comprehensive: 21000 tce
            water:
              intake: 3.0e5 m3
              recirculated: 2.7e6 m3
              wastewater_generated: 8.0e4 m3
              wastewater_discharged: 5.0e4 m3
            solid_waste:
              generated: 4000 t
              utilised: 4200 t
              utilised_from_stock: 600 t
            emissions:
              ghg: 1.6e5 tCO2e
              waste_gas_generated: 1.2e9 m3
              waste_gas_discharged: 1.1e9 m3
              pollutants:
                - {name: 颗粒物, generated: 300 t, discharged: 20 t}
                - {name: SO2, generated: 150 t, discharged: 30 t}
              concentrations:
                - {pollutant: 颗粒物, concentration: 8 mg/m3, limit: 10 mg/m3}
                - {pollutant: SO2, concentration: 50 mg/m3, limit: 100 mg/m3}
            energy_carbon_management:
              functions: [能耗查询, 能效对标, carbon_assets, metering]
            cleaner_production:
              catalogue_technologies: [{name: 高效选粉机, catalogue: 国家工业节能技术装备推荐目录}, {name: 余热发电, catalogue: 国家重点节能低碳技术推广目录}]
              retrofit_projects: [{name: 窑尾改造, year: 2025}, {name: 光伏, year: 2024}, {name: 老项目, year: 2021}]
              investment_last_3_years: {green_retrofit: 3000 万元, total: 20000 万元}
            carbon_footprint: {product_categories: 4, accounted: 3}
            """;

    private static Submission read(String yaml) {
        Problems problems = new Problems();
        Submission s = SubmissionReader.read("t.yaml", yaml.getBytes(StandardCharsets.UTF_8), problems);
        assertThat(problems.sorted()).isEmpty();
        return s;
    }

    private static TableForm form(String formula, String unit, String... inputs) {
        Map<String, String> in = new LinkedHashMap<>();
        for (int i = 0; i < inputs.length; i += 2) in.put(inputs[i], inputs[i + 1]);
        return new TableForm("X1", 0, formula, unit, in);
    }

    private static FactoryProducts products(Submission s) {
        return new FactoryProducts(s.products());
    }

    private static EvaluationContext ctx(Submission s) {
        return new EvaluationContext(LocalDate.of(2026, 3, 1), s.reportingYear(), "green-factory", "GB/T 36132-2025");
    }

    private static void assertValue(IndicatorValue v, double expected) {
        assertThat(v.missingInputs()).isEmpty();
        assertThat(v.value()).as(String.valueOf(v.computation())).isNotNull();
        assertThat(v.value()).as(String.valueOf(v.computation())).isCloseTo(expected, within(Math.abs(expected) * 1e-9 + 1e-12));
        assertThat(v.indicator()).isEqualTo("X1/0");
    }

    // ---- energy and carbon --------------------------------------------------------------------

    @Test
    void b1PerUnitProductInTheTablesUnit() {
        Submission s = read(ONE_PRODUCT);
        IndicatorValue kgce = AppendixB.energyPerUnitProduct(form("B.1", "kgce/t"), s.energy(), products(s));
        assertValue(kgce, 21000.0 * 1000 / 2.0e5); // 105 kgce/t
        assertThat(kgce.formula()).startsWith("B.1 单位产品综合能耗");
        assertThat(kgce.computation()).asString().contains("21000 tce", "2.0e5 t", "105");
        assertThat(kgce.inputs()).containsExactly("products[0].energy", "products[0].output");
        assertValue(AppendixB.energyPerUnitProduct(form("B.1", "tce/t"), s.energy(), products(s)), 21000.0 / 2.0e5);
    }

    @Test
    void b1SingleProductTakesTheFactorysEnergy() {
        Submission s = read(ONE_PRODUCT.replace("    energy: 21000 tce\n", ""));
        IndicatorValue v = AppendixB.energyPerUnitProduct(form("B.1", "kgce/t"), s.energy(), products(s));
        assertValue(v, 21000.0 * 1000 / 2.0e5);
        assertThat(v.inputs()).contains("energy.comprehensive");
        assertThat(v.notes().stream().map(n -> new org.verdant.text.Messages("zh").get(n.key(), n.args())).toList()).anySatisfy(n -> assertThat(n).contains("单一产品工厂"));
    }

    private static final String TWO_PRODUCTS = HEAD + """
            economics: {output_value: 60000 万元}
            energy:
              comprehensive: 16000 tce
              multi_product_method: METHOD
            emissions: {ghg: 4.0e4 tCO2e}
            products:
              - {name: 水泥, main: true, output: OUT_A, FIGURES_A}
              - {name: 熟料, output: 4.0e4 t, FIGURES_B}
            """;

    private static Submission twoProducts(String method, String outA, String a, String b) {
        String yaml = TWO_PRODUCTS.replace("METHOD", method).replace("OUT_A", outA).replace("FIGURES_A", a).replace("FIGURES_B", b);
        if (method.isEmpty()) yaml = yaml.replace("  multi_product_method: \n", "");
        return read(yaml);
    }

    @Test
    void b1SeveralProductsMeasuredPerProduct() {
        Submission s = twoProducts("measured", "1.0e5 t", "energy: 9000 tce, output_value: 30000 万元", "energy: 6000 tce");
        assertValue(AppendixB.energyPerUnitProduct(form("B.1", "kgce/t"), s.energy(), products(s)), 9000.0 * 1000 / 1.0e5); // 90
        assertValue(AppendixB.energyPerOutputValue(form("B.2", "tce/万元"), s.energy(), products(s), s.economics()), 9000.0 / 30000); // 0.3
    }

    @Test
    void b1SeveralProductsConvertedToAStandardProduct() {
        Submission s = twoProducts("standard_product", "1.0e5 t", "standard_factor: 1", "standard_factor: 1.5");
        IndicatorValue v = AppendixB.energyPerUnitProduct(form("B.1", "kgce/t"), s.energy(), products(s));
        // Σ k × Q = 1 × 1.0e5 + 1.5 × 4.0e4 = 1.6e5 standard t; 16000 tce = 1.6e7 kgce
        assertValue(v, 1.6e7 / (1.0e5 + 1.5 * 4.0e4)); // 100 kgce per standard t
        assertThat(v.notes().stream().map(n -> new org.verdant.text.Messages("zh").get(n.key(), n.args())).toList()).anySatisfy(n -> assertThat(n).contains("标准产品"));
        assertThat(v.inputs()).contains("products[1].standard_factor", "products[1].output", "energy.comprehensive");
        // B.2 under the standard-product method: the factory's energy ÷ its output value
        assertValue(AppendixB.energyPerOutputValue(form("B.2", "tce/万元"), s.energy(), products(s), s.economics()), 16000.0 / 60000);
        // B.3 follows the same method: 4.0e4 tCO2e ÷ 1.6e5 t
        assertValue(AppendixB.co2PerUnitProduct(form("B.3", "tCO2e/t"), s.emissions(), s.energy(), products(s)), 4.0e4 / 1.6e5);
    }

    @Test
    void b1SeveralProductsAllocatedByShares() {
        Submission s = twoProducts("allocated", "1.2e5 t", "energy_share: 60 %", "energy_share: 40 %");
        IndicatorValue v = AppendixB.energyPerUnitProduct(form("B.1", "kgce/t"), s.energy(), products(s));
        assertValue(v, 16000 * 0.60 * 1000 / 1.2e5); // 9600 tce ÷ 1.2e5 t = 80 kgce/t
        assertThat(v.computation()).asString().contains("16000 tce × 60 %");
        assertThat(v.inputs()).contains("products[0].energy_share");
        // CO2 allocated by the same share (B.3: the energy's boundary): 4.0e4 × 0.6 ÷ 1.2e5
        assertValue(AppendixB.co2PerUnitProduct(form("B.3", "tCO2e/t"), s.emissions(), s.energy(), products(s)), 4.0e4 * 0.6 / 1.2e5);
    }

    @Test
    void b1SeveralProductsWithoutTheirEnergyNameWhatToSupply() {
        Submission s = twoProducts("", "1.0e5 t", "output_value: 1 万元", "output_value: 1 万元");
        IndicatorValue v = AppendixB.energyPerUnitProduct(form("B.1", "kgce/t"), s.energy(), products(s));
        assertThat(v.value()).isNull();
        assertThat(v.missingInputs()).containsExactly("products[0].energy | energy.multi_product_method");
    }

    @Test
    void b2B3B4PerOutputValueAndPerProduct() {
        Submission s = read(ONE_PRODUCT);
        assertValue(AppendixB.energyPerOutputValue(form("B.2", "tce/万元"), s.energy(), products(s), s.economics()), 21000.0 / 50000);
        assertValue(AppendixB.co2PerUnitProduct(form("B.3", "tCO2e/t"), s.emissions(), s.energy(), products(s)), 1.6e5 / 2.0e5);
        assertValue(AppendixB.co2PerOutputValue(form("B.4", "tCO2/万元"), s.emissions(), s.energy(), products(s), s.economics()),
                1.6e5 / 50000);
    }

    @Test
    void b5CountsRenewablesByHowTheyWereObtainedAndNoCertificateTwice() {
        Submission s = read(HEAD + """
                energy:
                  carriers:
                    - {type: 屋顶光伏, amount: 1.0e6 kWh, obtained: self_generated}
                    - {type: 绿电交易, amount: 2.0e6 kWh, obtained: market_traded, proof: ["绿电交易结算单 2025-12"], certificates: 2000}
                    - {type: 专线直供风电, amount: 1.0e6 kWh, obtained: dedicated_line, proof: ["专线直供结算凭证 2025"]}
                    - {type: 电网电力, amount: 1.0e7 kWh, obtained: green_certificates, certificates: 500, proof: ["绿证核销凭证 GEC-2025-0001"]}
                    - {type: 原煤, amount: 5000 tce}
                """);
        IndicatorValue v = AppendixB.renewableShare(form("B.5", "%"), s.energy());
        // renewable: 1.0e6 + 2.0e6 + 1.0e6 kWh + 500 certificates × 1000 kWh (of the 1.0e7 kWh from the grid) = 4.5e6 kWh;
        // the 2000 certificates that came with the green-power trade are that trade's 2.0e6 kWh, not counted again
        double renewable = 4.5e6 * 0.1229;
        double all = (1.0e6 + 2.0e6 + 1.0e6 + 1.0e7) * 0.1229 + 5000 * 1000;
        assertValue(v, renewable / all * 100);
        assertThat(v.computation()).asString().contains("自发自用", "市场化交易", "专线直供", "500 张绿证");
        assertThat(v.notes().stream().map(n -> new org.verdant.text.Messages("zh").get(n.key(), n.args())).toList()).anySatisfy(n -> assertThat(n).contains("2000 张绿证", "不重复计算"));
        assertThat(v.inputs()).contains("energy.carriers[3].certificates").doesNotContain("energy.carriers[4].amount (renewable)");
    }

    @Test
    void b5DenominatorIsTheComprehensiveEnergyWhenStated() {
        Submission s = read(HEAD + """
                energy:
                  comprehensive: 2000 tce
                  carriers:
                    - {type: 光伏, amount: 1.0e6 kWh, renewable: true}
                    - {type: 电网电力, amount: 1.0e7 kWh}
                """);
        IndicatorValue v = AppendixB.renewableShare(form("B.5", "%"), s.energy());
        assertValue(v, 1.0e6 * 0.1229 / (2000 * 1000) * 100); // 122.9 tce ÷ 2000 tce = 6.145 %
        assertThat(v.notes().stream().map(n -> new org.verdant.text.Messages("zh").get(n.key(), n.args())).toList()).anySatisfy(n -> assertThat(n).contains("未说明可再生能源电力的取得方式"));
    }

    @Test
    void energyCarbonFunctionsCountOnlyTheTwelveOfTableC1() {
        Submission s = read(ONE_PRODUCT);
        IndicatorValue v = AppendixB.energyCarbonFunctions(form("energy_carbon_functions", "项"), s.energyCarbonManagement());
        assertValue(v, 3); // 能耗查询, 能效对标, carbon_assets (碳资产管理); metering is not one of the 12
        assertThat(v.notes().stream().map(n -> new org.verdant.text.Messages("zh").get(n.key(), n.args())).toList()).anySatisfy(n -> assertThat(n).contains("metering"));
    }

    // ---- resources ----------------------------------------------------------------------------

    @Test
    void b6B7RawMaterialPerProductNamedByTheTable() {
        Submission s = read(ONE_PRODUCT);
        assertValue(AppendixB.rawMaterialPerUnitProduct(form("B.6", "t/t"), products(s)), 2.6e5 / 2.0e5); // 石灰石, the first listed
        IndicatorValue clay = AppendixB.rawMaterialPerUnitProduct(form("B.6", "kg/t", "material", "黏土"), products(s));
        assertValue(clay, 3.0e4 * 1000 / 2.0e5); // 150 kg/t
        assertThat(clay.inputs()).contains("products[0].raw_materials[1].consumption");
        assertValue(AppendixB.rawMaterialPerOutputValue(form("B.7", "t/万元"), products(s), s.economics()), 2.6e5 / 50000);
        IndicatorValue none = AppendixB.rawMaterialPerUnitProduct(form("B.6", "t/t", "material", "砂岩"), products(s));
        assertThat(none.missingInputs()).containsExactly("products[0].raw_materials (name: 砂岩, consumption)");
    }

    @Test
    void b8ToB11Water() {
        Submission s = read(ONE_PRODUCT);
        assertValue(AppendixB.waterIntakePerUnitProduct(form("B.8", "m3/t"), s.water(), products(s)), 3.0e5 / 2.0e5);
        assertValue(AppendixB.waterIntakePerOutputValue(form("B.9", "m3/万元"), s.water(), products(s), s.economics()), 3.0e5 / 50000);
        assertValue(AppendixB.waterReuseRate(form("B.10", "%"), s.water()), 2.7e6 / (3.0e5 + 2.7e6) * 100); // 90 %
    }

    @Test
    void b11CountsThePriorYearsStockUtilised() {
        Submission s = read(ONE_PRODUCT);
        IndicatorValue v = AppendixB.solidWasteUtilisation(form("B.11", "%"), s.solidWaste());
        assertValue(v, 4200.0 / (4000 + 600) * 100); // 91.30 %
        assertThat(v.inputs()).contains("solid_waste.utilised_from_stock");
    }

    // ---- clean production ---------------------------------------------------------------------

    @Test
    void b12ToB15WastewaterGeneratedAndDischarged() {
        Submission s = read(ONE_PRODUCT);
        IndicatorValue generated = AppendixB.wastewaterGeneratedPerUnitProduct(form("B.12", "t/t"), s.water(), products(s));
        assertValue(generated, 8.0e4 / 2.0e5); // m3 taken as t
        assertThat(generated.notes().stream().map(n -> new org.verdant.text.Messages("zh").get(n.key(), n.args())).toList()).contains("废水量按 1 m³ = 1 t 换算");
        assertValue(AppendixB.wastewaterGeneratedPerOutputValue(form("B.13", "t/万元"), s.water(), products(s), s.economics()), 8.0e4 / 50000);
        assertValue(AppendixB.wastewaterDischargedPerUnitProduct(form("B.14", "m3/t"), s.water(), products(s)), 5.0e4 / 2.0e5);
        assertValue(AppendixB.wastewaterDischargedPerOutputValue(form("B.15", "t/万元"), s.water(), products(s), s.economics()), 5.0e4 / 50000);
    }

    @Test
    void b16ToB19WasteGasGeneratedAndDischarged() {
        Submission s = read(ONE_PRODUCT);
        assertValue(AppendixB.wasteGasGeneratedPerUnitProduct(form("B.16", "m3/t"), s.emissions(), products(s)), 1.2e9 / 2.0e5);
        assertValue(AppendixB.wasteGasGeneratedPerOutputValue(form("B.17", "m3/万元"), s.emissions(), products(s), s.economics()), 1.2e9 / 50000);
        assertValue(AppendixB.wasteGasDischargedPerUnitProduct(form("B.18", "m3/t"), s.emissions(), products(s)), 1.1e9 / 2.0e5);
        assertValue(AppendixB.wasteGasDischargedPerOutputValue(form("B.19", "m3/万元"), s.emissions(), products(s), s.economics()), 1.1e9 / 50000);
    }

    @Test
    void b16ReadsTheOlderWasteGasVolume() {
        Submission s = read(ONE_PRODUCT.replace("waste_gas_generated:", "waste_gas_volume:"));
        IndicatorValue v = AppendixB.wasteGasGeneratedPerUnitProduct(form("B.16", "m3/t"), s.emissions(), products(s));
        assertValue(v, 1.2e9 / 2.0e5);
        assertThat(v.inputs()).contains("emissions.waste_gas_volume");
    }

    @Test
    void b20ToB23PollutantsGeneratedAndDischarged() {
        Submission s = read(ONE_PRODUCT);
        assertValue(AppendixB.pollutantGeneratedPerUnitProduct(form("B.20", "kg/t", "pollutant", "颗粒物"), s.emissions(), products(s)),
                300.0 * 1000 / 2.0e5); // 1.5 kg/t
        assertValue(AppendixB.pollutantGeneratedPerOutputValue(form("B.21", "kg/万元", "pollutant", "颗粒物"), s.emissions(), products(s),
                s.economics()), 300.0 * 1000 / 50000); // 6 kg/万元
        IndicatorValue so2 = AppendixB.pollutantDischargedPerUnitProduct(form("B.22", "kg/t", "pollutant", "二氧化硫"), s.emissions(), products(s));
        assertValue(so2, 30.0 * 1000 / 2.0e5); // the submission writes SO2, the table 二氧化硫
        assertThat(so2.inputs()).contains("emissions.pollutants[1].discharged");
        assertValue(AppendixB.pollutantDischargedPerOutputValue(form("B.23", "kg/万元", "pollutant", "SO2"), s.emissions(), products(s),
                s.economics()), 30.0 * 1000 / 50000);
        IndicatorValue unnamed = AppendixB.pollutantGeneratedPerUnitProduct(form("B.20", "kg/t"), s.emissions(), products(s));
        assertThat(unnamed.value()).isNull();
        assertThat(unnamed.missingInputs()).containsExactly("emissions.main_pollutant | inputs.pollutant");
    }

    @Test
    void retrofitInvestmentShareIsOverThreeYearsOutputValue() {
        Submission s = read(ONE_PRODUCT);
        IndicatorValue v = AppendixB.retrofitInvestmentShare(form("retrofit_investment_share", "%"), s.cleanerProduction(), s.economics(), ctx(s));
        assertValue(v, 3000.0 / (50000 + 46000 + 44000) * 100); // 2.142857 %
        assertThat(v.inputs()).contains("economics.previous_years[0].output_value", "economics.previous_years[1].output_value");
        Submission withoutEarlier = read(ONE_PRODUCT.replace(", {year: 2023, output_value: 44000 万元}", ""));
        IndicatorValue missing = AppendixB.retrofitInvestmentShare(form("retrofit_investment_share", "%"),
                withoutEarlier.cleanerProduction(), withoutEarlier.economics(), ctx(withoutEarlier));
        assertThat(missing.value()).isNull();
        assertThat(missing.missingInputs()).containsExactly("economics.previous_years (year: 2023, output_value)");
    }

    @Test
    void countsMarginAndCarbonFootprintShare() {
        Submission s = read(ONE_PRODUCT);
        assertValue(AppendixB.catalogueTechnologies(form("catalogue_technologies", "项"), s.cleanerProduction()), 2);
        assertValue(AppendixB.retrofitProjectsPerYear(form("retrofit_projects_per_year", ""), s.cleanerProduction(), ctx(s)), 2.0 / 3);
        assertValue(AppendixB.pollutantMargin(form("pollutant_margin", "%"), s.emissions()), (10.0 - 8) / 10 * 100); // SO2's 50 % is wider
        assertValue(AppendixB.carbonFootprintShare(form("carbon_footprint_share", "%"), s.carbonFootprint()), 3.0 / 4 * 100);
    }

    // ---- land ---------------------------------------------------------------------------------

    private static final String TWO_LINES = HEAD + """
            site: {land_area: 100000 m2}
            products:
              - {name: 钢材, main: true, output: 9.0e4 t, capacity: 1.0e5 t, time_standard: 2 h/t}
              - {name: 减速机, output: 1800 台, capacity: 2000 台, time_standard: 50 h/台}
            """;

    @Test
    void b24AndB25ConvertOtherProductsByTimeStandards() {
        Submission s = read(TWO_LINES);
        // capacity × time standard: 1.0e5 t × 2 h/t = 2.0e5 h > 2000 台 × 50 h/台 = 1.0e5 h: 钢材 is the representative product
        // N = 1.0e5 t + 2000 台 × (50 h/台 ÷ 2 h/t) = 1.0e5 + 5.0e4 = 1.5e5 t
        IndicatorValue n = AppendixB.totalCapacity(form("B.25", "t"), products(s));
        assertValue(n, 1.0e5 + 2000 * 50.0 / 2);
        assertThat(n.notes().stream().map(x2 -> new org.verdant.text.Messages("zh").get(x2.key(), x2.args())).toList()).anySatisfy(x -> assertThat(x).contains("代表产品: 钢材"));
        assertValue(AppendixB.capacityPerLandArea(form("B.24", "t/m2"), s.site(), products(s)), 1.5e5 / 100000);
        IndicatorValue withoutTime = AppendixB.capacityPerLandArea(form("B.24", "t/m2"), s.site(),
                products(read(TWO_LINES.replace(", time_standard: 50 h/台", ""))));
        assertThat(withoutTime.missingInputs()).containsExactly("products[1].time_standard");
    }

    @Test
    void b26ToB28Land() {
        Submission s = read(ONE_PRODUCT);
        assertValue(AppendixB.outputValuePerLandArea(form("B.26", "万元/m2"), s.site(), s.economics()), 50000.0 / 100000);
        assertValue(AppendixB.buildingCoverage(form("B.27", "%"), s.site()), (40000.0 + 8000 + 2000) / 100000 * 100); // 50 %
        IndicatorValue plot = AppendixB.plotRatio(form("B.28", ""), s.site());
        assertValue(plot, (90000.0 + 15000) / 100000); // the 15000 m2 of storeys over 8 m counted twice: 1.05
        assertThat(plot.inputs()).contains("site.floor_area_over_8m");
    }

    // ---- units and missing inputs -------------------------------------------------------------

    @Test
    void aUnitTheQuantityCannotBeExpressedInIsInvalidNotAWrongFigure() {
        Submission s = read(ONE_PRODUCT);
        IndicatorValue perPiece = AppendixB.energyPerUnitProduct(form("B.1", "kgce/台"), s.energy(), products(s));
        assertThat(perPiece.value()).isNull();
        assertThat(perPiece.missingInputs()).isEmpty();
        assertThat(org.verdant.findings.Values.text(perPiece.computation(), new org.verdant.text.Messages("en"))).contains("kgce/t", "kgce/台", "cannot express");
        IndicatorValue unknown = AppendixB.waterReuseRate(form("B.10", "percent"), s.water());
        assertThat(unknown.value()).isNull();
        assertThat(org.verdant.findings.Values.text(unknown.computation(), new org.verdant.text.Messages("en"))).contains("'percent' is not a unit");
        // no unit on the form: the formula's own
        assertValue(AppendixB.waterReuseRate(form("B.10", null), s.water()), 90);
    }

    @Test
    void aMissingInputNamesTheFieldToSupply() {
        Submission s = read(ONE_PRODUCT.replace("  wastewater_discharged: 5.0e4 m3\n", ""));
        IndicatorValue v = AppendixB.wastewaterDischargedPerUnitProduct(form("B.14", "t/t"), s.water(), products(s));
        assertThat(v.value()).isNull();
        assertThat(v.missingInputs()).containsExactly("products[0].wastewater_discharged (or water.wastewater_discharged)");
        assertThat(v.formula()).isEqualTo("B.14 单位产品废水排放量 = 废水排放量 ÷ 合格产品产量");
    }

    @Test
    void everyFormulaHasItsText() {
        assertThat(AppendixB.FORMULAS).hasSize(28 + 6);
        assertThat(AppendixB.formulaText("B.10")).isEqualTo("B.10 工业用水重复利用率 = 重复利用水量 ÷ (取水量 + 重复利用水量) × 100%");
        assertThat(List.copyOf(AppendixB.FORMULAS)).allSatisfy(id -> assertThat(AppendixB.formulaText(id)).isNotBlank());
    }
}
