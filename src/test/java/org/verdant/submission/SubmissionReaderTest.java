package org.verdant.submission;

import org.junit.jupiter.api.Test;
import org.verdant.support.TestRulebook;
import org.verdant.yaml.Problem;
import org.verdant.yaml.Problems;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SubmissionReaderTest {
    private static List<String> problems(String yaml) {
        Problems p = new Problems();
        SubmissionReader.read("f.yaml", yaml.getBytes(StandardCharsets.UTF_8), p);
        return p.sorted().stream().map(Problem::toString).toList();
    }

    @Test
    void readsTheBaseSubmission() {
        Problems p = new Problems();
        Submission s = SubmissionReader.read("f.yaml", TestRulebook.base().getBytes(StandardCharsets.UTF_8), p);
        assertThat(p.sorted()).isEmpty();
        assertThat(s.site().landArea().base()).isCloseTo(100_000, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(s.claims()).containsKey("INF-07");
        assertThat(s.products()).singleElement().satisfies(pr -> assertThat(pr.energyLimit()).isEqualTo("cement-clinker"));
    }

    @Test
    void reportsEveryProblemAtOnceWithLineAndPath() {
        String yaml = """
                scheme: green-factory
                evaluation_date: 2024-13-01
                reporting_year: last year
                facility:
                  name: 某厂
                  credit_code: 91320500MA1T4K8Q3Y
                  industry: C3011
                  province: 江苏
                site:
                  land_aera: 150 亩
                  footprint_area: -41000 m2
                  building_floor_area: 98,000 m2
                references:
                  solid_waste_utilisation_rate: {basic: 105 %, source: x}
                  plot_ratio: {basic: 0.7}
                """;
        assertThat(problems(yaml)).containsExactly(
                "f.yaml:2:18: evaluation_date: '2024-13-01' is not a date; write YYYY-MM-DD",
                "f.yaml:3:17: reporting_year: expected a whole number, found 'last year'",
                "f.yaml:6:16: facility.credit_code: '91320500MA1T4K8Q3Y' is not a valid unified social credit code: check character is 'Y' but the first 17 characters give 'X' (GB 32100-2015)",
                "f.yaml:10:3: site.land_aera: unknown key; did you mean 'land_area'?",
                "f.yaml:11:19: site.footprint_area: '-41000 m2' must not be negative",
                "f.yaml:12:24: site.building_floor_area: '98,000 m2': thousands separators are not accepted; write the number without them (e.g. 98000)",
                "f.yaml:14:41: references.solid_waste_utilisation_rate.basic: '105 %' is outside 0–100 %",
                "f.yaml:15:15: references.plot_ratio.source: required field is missing");
    }

    @Test
    void requiresTheCoreFields() {
        assertThat(problems("scheme: green-factory\nfacility: {name: x}\n")).contains(
                "f.yaml:1:1: evaluation_date: required field is missing",
                "f.yaml:1:1: reporting_year: required field is missing",
                "f.yaml:2:11: facility.credit_code: required field is missing");
    }

    @Test
    void explainsWrongTypes() {
        List<String> p = problems(TestRulebook.with(TestRulebook.base(), "products", "{name: 熟料}"));
        assertThat(p).anySatisfy(s -> assertThat(s).contains("products: expected a list, found a mapping"));
        p = problems(TestRulebook.with(TestRulebook.base(), "claims.INF-07.met", "maybe"));
        assertThat(p).anySatisfy(s -> assertThat(s).contains("claims.INF-07.met: met is true, false or not_applicable, found 'maybe'"));
        p = problems(TestRulebook.with(TestRulebook.base(), "claims.INF-04", "{met: not_applicable}"));
        assertThat(p).anySatisfy(s -> assertThat(s).contains("claims.INF-04: say why the requirement does not apply"));
    }

    @Test
    void checksThatSharesAreWrittenAsPercentagesAndUnitsFitTheProduct() {
        assertThat(problems(TestRulebook.with(TestRulebook.base(), "references.wastewater_reuse_rate.basic", "0.85")))
                .anySatisfy(s -> assertThat(s).contains("write it as a percentage"));
        assertThat(problems(TestRulebook.with(TestRulebook.base(), "references.waste_gas_per_unit.basic", "3000 m3/件")))
                .anySatisfy(s -> assertThat(s).contains("references.waste_gas_per_unit.basic").contains("volume per mass"));
    }
}
