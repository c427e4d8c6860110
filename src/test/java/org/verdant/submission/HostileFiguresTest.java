package org.verdant.submission;

import org.junit.jupiter.api.Test;
import org.verdant.yaml.Problem;
import org.verdant.yaml.Problems;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Figures that would change a verdict and must not: a part larger than its whole (a share over
 * 100 %), an evaluation dated years after its reporting year, and events dated after the
 * evaluation. Each is a located error naming the fields, in every scheme.
 */
class HostileFiguresTest {
    private static final String FACTORY = """
            scheme: green-factory
            evaluation_date: 2026-03-01
            reporting_year: 2025
            facility: {name: 测试工厂, credit_code: 91320500MA1T4K8Q3X, industry: C3011, province: 江苏}
            """;
    private static final String PARK = """
            scheme: green-park
            evaluation_date: 2026-03-01
            reporting_year: 2025
            facility: {name: 测试园区, credit_code: 91320500MA1T4K8Q3X, province: 江苏}
            """;
    private static final String ZERO_CARBON = PARK.replace("green-park", "zero-carbon-park");
    private static final String SUPPLY_CHAIN = FACTORY.replace("green-factory", "green-supply-chain");

    private static List<String> problems(String head, String body) {
        Problems p = new Problems();
        SubmissionReader.read("f.yaml", (head + body).getBytes(StandardCharsets.UTF_8), p);
        return p.sorted().stream().map(Problem::toString).toList();
    }

    @Test
    void wastewaterReusedNeverExceedsTreatedNorTreatedGenerated() {
        assertThat(problems(FACTORY, """
                water: {wastewater_generated: 5.0e4 m3, wastewater_treated: 6.0e4 m3, wastewater_reused: 4.9e5 m3}
                """)).containsExactly(
                "f.yaml:5:61: water.wastewater_treated: water.wastewater_treated (6.0e4 m3) exceeds water.wastewater_generated (5.0e4 m3):"
                        + " a part cannot be larger than its whole",
                "f.yaml:5:90: water.wastewater_reused: water.wastewater_reused (4.9e5 m3) exceeds water.wastewater_treated (6.0e4 m3):"
                        + " a part cannot be larger than its whole");
    }

    @Test
    void solidWasteUtilisedNamesGeneratedAndStock() {
        assertThat(problems(FACTORY, """
                solid_waste: {generated: 100 t, utilised: 810.8 t, utilised_from_stock: 10 t}
                """)).containsExactly(
                "f.yaml:5:43: solid_waste.utilised: solid_waste.utilised (810.8 t) exceeds solid_waste.generated + solid_waste.utilised_from_stock"
                        + " (110 t): a part cannot be larger than its whole; waste bought in is not counted (B.11)");
    }

    @Test
    void greenMaterialAndRetrofitInvestmentAndFootprintUseTheSharedCheck() {
        assertThat(problems(FACTORY, """
                materials: {green: 120 t, total: 100 t}
                cleaner_production: {investment_last_3_years: {green_retrofit: 5000 万元, total: 4000 万元}}
                carbon_footprint: {product_categories: 3, accounted: 4}
                """)).containsExactly(
                "f.yaml:5:20: materials.green: materials.green (120 t) exceeds materials.total (100 t): a part cannot be larger than its whole",
                "f.yaml:6:64: cleaner_production.investment_last_3_years.green_retrofit: cleaner_production.investment_last_3_years.green_retrofit"
                        + " (5000 万元) exceeds cleaner_production.investment_last_3_years.total (4000 万元): a part cannot be larger than its whole",
                "f.yaml:7:54: carbon_footprint.accounted: carbon_footprint.accounted (4) exceeds carbon_footprint.product_categories (3):"
                        + " a part cannot be larger than its whole");
    }

    @Test
    void renewableCarriersNeverExceedTheComprehensiveEnergy() {
        assertThat(problems(FACTORY, """
                energy:
                  comprehensive: 1000 tce
                  carriers:
                    - {type: 光伏, amount: 5.0e6 kWh, obtained: self_generated}
                    - {type: 生物质, amount: 800 tce, renewable: true}
                    - {type: 电网, amount: 2.0e6 kWh}
                """)).containsExactly(
                "f.yaml:8:26: energy.carriers[0].amount: energy.carriers[0].amount + energy.carriers[1].amount (1414.5 tce) exceeds"
                        + " energy.comprehensive (1000 tce): a part cannot be larger than its whole; B.5 takes the renewable energy consumed"
                        + " as a share of the comprehensive energy");
        // a works sending out more energy than it takes in has no share to compare with
        assertThat(problems(FACTORY, """
                energy:
                  comprehensive: -100 tce
                  carriers: [{type: 光伏, amount: 5.0e6 kWh, obtained: self_generated}]
                """)).isEmpty();
    }

    @Test
    void parkStatisticsKeepEveryPartWithinItsWhole() {
        assertThat(problems(PARK, """
                park:
                  level: national
                  years:
                    - year: 2025
                      statistics:
                        solid_waste_generated: 100 t
                        solid_waste_utilised: 810.8 t
                        energy: 1000 tce
                        clean_energy: 300 tce
                        renewable_energy: 400 tce
                        industrial_output: 100 亿元
                        industrial_value_added: 120 亿元
                        monitored_days: 400
                """)).containsExactly(
                "f.yaml:11:31: park.years[0].statistics.solid_waste_utilised: park.years[0].statistics.solid_waste_utilised (810.8 t) exceeds"
                        + " park.years[0].statistics.solid_waste_generated (100 t): a part cannot be larger than its whole",
                "f.yaml:14:27: park.years[0].statistics.renewable_energy: park.years[0].statistics.renewable_energy (400 tce) exceeds"
                        + " park.years[0].statistics.clean_energy (300 tce): a part cannot be larger than its whole",
                "f.yaml:16:33: park.years[0].statistics.industrial_value_added: park.years[0].statistics.industrial_value_added (120 亿元)"
                        + " exceeds park.years[0].statistics.industrial_output (100 亿元): a part cannot be larger than its whole",
                "f.yaml:17:25: park.years[0].statistics.monitored_days: park.years[0].statistics.monitored_days (400) exceeds"
                        + " the days of 2025 (365): a part cannot be larger than its whole");
    }

    @Test
    void zeroCarbonParkStatisticsToo() {
        assertThat(problems(ZERO_CARBON, """
                park:
                  level: national
                  years:
                    - year: 2025
                      statistics: {solid_waste_generated: 100 t, solid_waste_utilised: 150 t, waste_energy_available: 10 tce, waste_energy_utilised: 12 tce}
                """)).containsExactly(
                "f.yaml:9:72: park.years[0].statistics.solid_waste_utilised: park.years[0].statistics.solid_waste_utilised (150 t) exceeds"
                        + " park.years[0].statistics.solid_waste_generated (100 t): a part cannot be larger than its whole",
                "f.yaml:9:134: park.years[0].statistics.waste_energy_utilised: park.years[0].statistics.waste_energy_utilised (12 tce) exceeds"
                        + " park.years[0].statistics.waste_energy_available (10 tce): a part cannot be larger than its whole");
    }

    @Test
    void supplyChainPackagingAndSuppliersAreParts() {
        assertThat(problems(SUPPLY_CHAIN, """
                supply_chain:
                  suppliers: {total: 100, low_risk: 120}
                  packaging_recovery: {used: 420 t, recovered: 3405 t}
                  product_recovery: {sold: 1.2e6 台, recovered: 1.26e6 台}
                """)).containsExactly(
                "f.yaml:6:37: supply_chain.suppliers.low_risk: supply_chain.suppliers.low_risk (120) exceeds supply_chain.suppliers.total (100):"
                        + " a part cannot be larger than its whole",
                "f.yaml:7:48: supply_chain.packaging_recovery.recovered: supply_chain.packaging_recovery.recovered (3405 t) exceeds"
                        + " supply_chain.packaging_recovery.used (420 t): a part cannot be larger than its whole");
    }

    @Test
    void theEvaluationIsDatedInTheReportingYearOrTheTwoAfter() {
        String late = FACTORY.replace("evaluation_date: 2026-03-01", "evaluation_date: 2028-01-01");
        assertThat(problems(late, "")).containsExactly(
                "f.yaml:2:18: evaluation_date: evaluation date 2028-01-01 is too long after the reporting year 2025: an evaluation is dated"
                        + " in the reporting year or the 2 years after it (by 2027-12-31 at the latest), so that the three years it looks back"
                        + " over cover the whole reporting year");
        assertThat(problems(FACTORY.replace("evaluation_date: 2026-03-01", "evaluation_date: 9999-12-31"), "")).hasSize(1);
        assertThat(problems(FACTORY.replace("evaluation_date: 2026-03-01", "evaluation_date: 2027-12-31"), "")).isEmpty();
        assertThat(problems(FACTORY.replace("evaluation_date: 2026-03-01", "evaluation_date: 2025-01-01"), "")).isEmpty();
        assertThat(problems(FACTORY.replace("evaluation_date: 2026-03-01", "evaluation_date: 2024-12-31"), "")).containsExactly(
                "f.yaml:3:17: reporting_year: reporting year 2025 is after the evaluation date 2024-12-31");
        assertThat(problems(PARK.replace("evaluation_date: 2026-03-01", "evaluation_date: 2031-06-30"), """
                park: {level: national, years: [{year: 2025}]}
                """)).singleElement().asString().contains("evaluation_date: evaluation date 2031-06-30 is too long after");
    }

    @Test
    void nothingCountedIsDatedAfterTheEvaluation() {
        assertThat(problems(FACTORY, """
                accidents:
                  evidence: [{document: 应急管理局证明, date: 2026-04-01}]
                  events: [{date: 2026-05-01, kind: safety, severity: serious}]
                standing:
                  violations: [{date: 2026-03-02, kind: safety}]
                  removals: [{date: 2027-01-01, list: 绿色工厂名单}]
                  inspection_findings: [{date: 2026-12-01, inspection: 节能监察, serious: true}]
                social_responsibility_reports: {years: [2024, 2025, 2027]}
                application: {tier: national, provincial_listing: {year: 2027}}
                """)).containsExactly(
                "f.yaml:7:19: accidents.events[0].date: 2026-05-01 is after the evaluation date 2026-03-01: an evaluation counts only what"
                        + " has happened by its date",
                "f.yaml:9:23: standing.violations[0].date: 2026-03-02 is after the evaluation date 2026-03-01: an evaluation counts only what"
                        + " has happened by its date",
                "f.yaml:10:21: standing.removals[0].date: 2027-01-01 is after the evaluation date 2026-03-01: an evaluation counts only what"
                        + " has happened by its date",
                "f.yaml:11:32: standing.inspection_findings[0].date: 2026-12-01 is after the evaluation date 2026-03-01: an evaluation counts"
                        + " only what has happened by its date",
                "f.yaml:12:53: social_responsibility_reports.years[2]: year 2027 is after the evaluation date 2026-03-01: an evaluation counts"
                        + " only what has happened by its date",
                "f.yaml:13:58: application.provincial_listing.year: year 2027 is after the evaluation date 2026-03-01: an evaluation counts"
                        + " only what has happened by its date");
    }

    @Test
    void aFacilityFoundedAfterItsReportingYearHasNoFigures() {
        assertThat(problems(FACTORY.replace("province: 江苏}", "province: 江苏, founded: 2026-01-10}"), "")).containsExactly(
                "f.yaml:4:97: facility.founded: founded 2026-01-10, after the reporting year 2025: a facility has no figures for a year"
                        + " before it existed");
        assertThat(problems(FACTORY.replace("province: 江苏}", "province: 江苏, founded: 2026-05-10}"), "")).hasSize(2);
    }

    @Test
    void everyConsistencyTextHasAChineseAndAnEnglishText() throws IOException {
        Properties zh = bundle("messages_zh.properties");
        Properties en = bundle("messages_en.properties");
        List<String> keys = en.stringPropertyNames().stream().filter(k -> k.startsWith("problem.")).toList();
        assertThat(keys).contains("problem.part_exceeds_whole", "problem.evaluation_date.too_late", "problem.date.after_evaluation");
        for (String key : keys) {
            assertThat(zh.getProperty(key)).as(key).isNotBlank().containsPattern("[\\u4e00-\\u9fff]");
        }
    }

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = HostileFiguresTest.class.getResourceAsStream("/org/verdant/" + name)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
