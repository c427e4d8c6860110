package org.verdant.submission;

import org.junit.jupiter.api.Test;
import org.verdant.yaml.Problem;
import org.verdant.yaml.Problems;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The submission fields GB/T 36132-2025 Appendix B reads: each checked, with a located error. */
class AppendixBFieldsTest {
    private static final String HEAD = """
            scheme: green-factory
            evaluation_date: 2026-03-01
            reporting_year: 2025
            facility: {name: 测试工厂, credit_code: 91320500MA1T4K8Q3X, industry: C3011, province: 江苏}
            """;

    private static List<String> problems(String body) {
        Problems p = new Problems();
        SubmissionReader.read("f.yaml", (HEAD + body).getBytes(StandardCharsets.UTF_8), p);
        return p.sorted().stream().map(Problem::toString).toList();
    }

    @Test
    void dischargedNeverExceedsGenerated() {
        assertThat(problems("""
                water: {wastewater_generated: 5.0e4 m3, wastewater_discharged: 6.0e4 t}
                emissions:
                  waste_gas_generated: 1.0e9 m3
                  waste_gas_discharged: 1.2e9 m3
                  pollutants: [{name: COD, generated: 10 t, discharged: 12 t}]
                """)).containsExactly(
                "f.yaml:5:64: water.wastewater_discharged: water.wastewater_discharged (6.0e4 t) exceeds water.wastewater_generated (5.0e4 m3): a part cannot be larger than its whole",
                "f.yaml:8:25: emissions.waste_gas_discharged: emissions.waste_gas_discharged (1.2e9 m3) exceeds emissions.waste_gas_generated (1.0e9 m3): a part cannot be larger than its whole",
                "f.yaml:9:57: emissions.pollutants[0].discharged: emissions.pollutants[0].discharged (12 t) exceeds emissions.pollutants[0].generated (10 t): a part cannot be larger than its whole");
    }

    @Test
    void pollutantsAreNamedOnceAndAgreeWithTheMainPollutant() {
        assertThat(problems("""
                emissions:
                  main_pollutant: {name: 化学需氧量, generated: 10 t}
                  pollutants: [{name: COD, generated: 11 t}, {name: cod, generated: 11 t}]
                """)).containsExactly(
                "f.yaml:6:19: emissions.main_pollutant: the main pollutant 化学需氧量 is also listed under pollutants with other figures",
                "f.yaml:7:53: emissions.pollutants[1].name: pollutant 'cod' is listed twice");
    }

    @Test
    void renewablesSayHowTheyWereObtainedWithProofAndCertificatesCountOnce() {
        assertThat(problems("""
                energy:
                  carriers:
                    - {type: 绿电, amount: 1.0e6 kWh, obtained: market_traded}
                    - {type: 电网, amount: 1.0e6 kWh, obtained: green_certificates, proof: [绿证], certificates: 1500}
                    - {type: 光伏, amount: 1.0e6 kWh, obtained: self_generated, certificates: 10}
                    - {type: 生物质, amount: 500 tce, obtained: dedicated_line, proof: [合同]}
                    - {type: 电网, amount: 1.0e6 kWh, obtained: green_certificates, proof: [绿证]}
                    - {type: 光伏, amount: 1.0e6 kWh, renewable: false, obtained: self_generated}
                """)).containsExactly(
                "f.yaml:7:47: energy.carriers[0].obtained: B.5 counts market_traded renewable electricity on its proof: list the contract, settlement voucher, certificates or the trading centre's consumption statement under proof",
                "f.yaml:8:94: energy.carriers[1].certificates: 1500 certificates stand for 1500000 kWh, more than the 1.0e6 kWh consumed: certificates count only for electricity the factory used",
                "f.yaml:9:77: energy.carriers[2].certificates: green certificates go with electricity obtained: green_certificates (bought separately) or market_traded (bundled with the trade, not counted again)",
                "f.yaml:10:46: energy.carriers[3].obtained: dedicated_line applies to electricity: state the amount in kWh, MWh or 万kWh",
                "f.yaml:11:7: energy.carriers[4]: state how many green certificates cover this electricity (certificates: …, 1 = 1 MWh)",
                "f.yaml:12:48: energy.carriers[5].renewable: a carrier obtained as renewable energy (obtained: self_generated) is renewable");
    }

    @Test
    void theMultiProductMethodNeedsItsFiguresOnEveryProduct() {
        assertThat(problems("""
                energy: {comprehensive: 1000 tce, multi_product_method: allocated}
                products:
                  - {name: A, main: true, output: 100 t, energy_share: 70 %}
                  - {name: B, output: 100 t, energy_share: 20 %}
                """)).containsExactly("f.yaml:5:57: energy.multi_product_method: the products' energy shares add up to 90 %, not 100 %");
        assertThat(problems("""
                energy: {comprehensive: 1000 tce, multi_product_method: standard_product}
                products:
                  - {name: A, main: true, output: 100 t, standard_factor: 1}
                  - {name: B, output: 100 台}
                """)).containsExactly(
                "f.yaml:5:57: energy.multi_product_method: products converted to one standard product must state their outputs in one kind of unit",
                "f.yaml:8:5: products[1].standard_factor: energy.multi_product_method is standard_product: give each product its conversion factor to the standard product");
        assertThat(problems("energy: {multi_product_method: by_weight}\n"))
                .singleElement().asString().contains("'by_weight' is not one of");
    }

    @Test
    void theRepresentativeProductHasTheLargestCapacityTimesTimeStandard() {
        // 1.0e5 t × 2 h/t = 2.0e5 h; 2000 台 × 50 h/台 = 1.0e5 h: 钢材 is the representative product
        assertThat(problems("""
                products:
                  - {name: 钢材, main: true, output: 9.0e4 t, capacity: 1.0e5 t, time_standard: 2 h/t}
                  - {name: 减速机, output: 1800 台, capacity: 2000 台, time_standard: 50 h/台, representative: true}
                """)).containsExactly(
                "f.yaml:7:5: products[1].representative: the representative product is the one whose capacity × time standard is largest (B.24): products[0] (钢材)");
        assertThat(problems("""
                products:
                  - {name: 齿轮, output: 2000 件, capacity: 1900 件, time_standard: 3 h}
                """)).containsExactly(
                "f.yaml:6:24: products[0].output: products[0].output (2000 件) exceeds products[0].capacity (1900 件): a part cannot be larger than its whole",
                "f.yaml:6:65: products[0].time_standard: unit 'h' is not a time per count; expected h/件");
    }

    @Test
    void siteAndEconomicsForB24ToB28AndTheThreeYearShare() {
        assertThat(problems("""
                site: {land_area: 1000 m2, building_floor_area: 800 m2, floor_area_over_8m: 900 m2, footprint_area: 700 m2, structure_footprint_area: 400 m2}
                economics:
                  output_value: 100 万元
                  previous_years: [{year: 2025, output_value: 90 万元}, {year: 2024, output_value: 80 万元}, {year: 2024, output_value: 70 万元}]
                """)).containsExactly(
                "f.yaml:5:77: site.floor_area_over_8m: site.floor_area_over_8m (900 m2) exceeds site.building_floor_area (800 m2): a part cannot be larger than its whole",
                "f.yaml:5:101: site.footprint_area: site.footprint_area + site.structure_footprint_area (1100 m2) exceeds site.land_area (1000 m2): a part cannot be larger than its whole",
                "f.yaml:8:27: economics.previous_years[0].year: a previous year comes before the reporting year 2025, found 2025",
                "f.yaml:8:97: economics.previous_years[2].year: year 2024 is listed twice");
    }

    @Test
    void olderNamesStayValidButNotBesideTheirNewOnes() {
        assertThat(problems("emissions: {waste_gas_volume: 1.0e9 m3}\n")).isEmpty();
        assertThat(problems("emissions: {waste_gas_volume: 1.0e9 m3, waste_gas_generated: 1.0e9 m3}\n")).singleElement().asString()
                .contains("waste_gas_volume is the older name of waste_gas_generated");
        assertThat(problems("""
                products:
                  - {name: A, output: 1 t, raw_material: {name: x, consumption: 1 t}, raw_materials: [{name: y, consumption: 1 t}]}
                """)).singleElement().asString().contains("give either raw_material or raw_materials");
    }

    @Test
    void theProductsFiguresArePartsOfTheFactorys() {
        assertThat(problems("""
                economics: {output_value: 100 万元}
                water: {intake: 1000 m3}
                products:
                  - {name: A, main: true, output: 1 t, output_value: 70 万元, water_intake: 600 m3}
                  - {name: B, output: 1 t, output_value: 20 万元, water_intake: 500 m3}
                """)).containsExactly(
                "f.yaml:8:75: products[0].water_intake: Σ products[].water_intake (1100 m3) exceeds water.intake (1000 m3): a part cannot be larger than its whole");
    }

    @Test
    void solidWasteUtilisedExcludesWasteBoughtIn() {
        assertThat(problems("solid_waste: {generated: 100 t, utilised: 130 t, utilised_from_stock: 20 t}\n")).singleElement().asString()
                .contains("solid_waste.utilised (130 t) exceeds solid_waste.generated + solid_waste.utilised_from_stock (120 t)");
        assertThat(problems("solid_waste: {generated: 100 t, utilised: 10 t, utilised_from_stock: 20 t}\n")).singleElement().asString()
                .contains("solid_waste.utilised_from_stock (20 t) exceeds solid_waste.utilised (10 t)");
    }
}
