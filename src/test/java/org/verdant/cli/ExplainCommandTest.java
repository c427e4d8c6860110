package org.verdant.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.verdant.coverage.FixtureRunner;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verdant.cli.CliTest.run;
import static org.verdant.cli.CliTest.withRulebook;

/** {@code verdant explain} and {@code evaluate --trace}: output, exit codes, and the verdict left unchanged without --trace. */
class ExplainCommandTest {
    private static final String CEMENT_2018 = "fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.yaml";
    private static final String PARK = "fixtures/green-park/miit-2016-586/zhenjiang-etdz-national-strong.yaml";

    @Test
    void explainsOneCriterionWithTheLinesOfItsInputs() {
        CliTest.Run r = run(withRulebook("explain", CEMENT_2018, "PRF-03", "--lang", "en"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("PRF-03 met")
                .contains("site.land_area = 900 亩  (cement-jiangsu-high-scorer.yaml:31)")
                .contains("economics.output_value = ")
                .contains("Submission inputs").contains("Derived values").contains("Levels compared").contains("Scorecard figures")
                .contains("Category PRF Performance:")
                .doesNotContain("PRF-02 ");
    }

    @Test
    void criterionIdsAreMatchedRegardlessOfCaseAndChineseIsTheDefault() {
        CliTest.Run r = run(withRulebook("explain", CEMENT_2018, "prf-02"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("PRF-02 符合").contains("申报数据").contains("得分计算").contains("基本级，5 分：44 % ≥ 30 % → 5");
    }

    @Test
    void withoutACriterionEveryGateAndCriterionIsExplained() {
        CliTest.Run r = run(withRulebook("explain", PARK, "--lang", "en"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("EL1 met").contains("G6 met").contains("EG1 partly met").contains("MG3 ");
    }

    @Test
    void anUnknownCriterionIsAUsageErrorWithASuggestion() {
        CliTest.Run r = run(withRulebook("explain", CEMENT_2018, "PRF02", "--lang", "en"));
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("no criterion 'PRF02' in green-factory GB/T 36132-2018; did you mean 'PRF-02'?");
        CliTest.Run far = run(withRulebook("explain", CEMENT_2018, "nothing-like-it", "--lang", "en"));
        assertThat(far.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(far.err()).contains("the criteria are B1, B2,");
    }

    @Test
    void explainAsJsonCarriesTheTrace() throws Exception {
        CliTest.Run r = run(withRulebook("explain", PARK, "EG1", "--format", "json", "--lang", "en"));
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("format").asText()).isEqualTo("verdant.explain/1");
        assertThat(doc.get("criteria")).hasSize(1);
        JsonNode trace = doc.get("criteria").get(0).get("trace");
        assertThat(trace.get("inputs").get(0).get("at").asText()).startsWith("zhenjiang-etdz-national-strong.yaml:");
        assertThat(trace.get("points").toString()).contains("share of the GI");
    }

    @Test
    void evaluateWithTraceAddsATraceAndChangesNothingElse() throws Exception {
        String file = "fixtures/green-factory/gbt36132-2025/cement-yunnan-high-altitude.yaml";
        CliTest.Run plain = run(withRulebook("evaluate", file, "--format", "json"));
        assertThat(plain.code()).as(plain.err()).isZero();
        assertThat(FixtureRunner.snapshot(plain.out())).isEqualTo(Files.readString(
                Path.of("fixtures/green-factory/gbt36132-2025/cement-yunnan-high-altitude.expected.json"), StandardCharsets.UTF_8));
        assertThat(plain.out()).doesNotContain("\"trace\"");

        CliTest.Run traced = run(withRulebook("evaluate", file, "--format", "json", "--trace"));
        assertThat(traced.code()).as(traced.err()).isZero();
        ObjectMapper json = new ObjectMapper();
        JsonNode withTrace = json.readTree(traced.out());
        for (String list : new String[]{"gates", "criteria"}) {
            for (JsonNode j : withTrace.get(list)) {
                assertThat(j.has("trace")).as(j.get("id").asText()).isTrue();
                ((ObjectNode) j).remove("trace");
            }
        }
        assertThat(withTrace).isEqualTo(json.readTree(plain.out()));
        JsonNode e1 = json.readTree(traced.out()).get("criteria").findParents("id").stream()
                .filter(n -> n.get("id").asText().equals("E1")).findFirst().orElseThrow();
        assertThat(e1.get("trace").get("inputs").toString())
                .contains("\"path\":\"products[1].corrections.clinker_ratio\",\"value\":\"80 %\",\"at\":\"cement-yunnan-high-altitude.yaml:56\""); // the line of corrections: {clinker_ratio: 80 %}
    }

    @Test
    void traceNeedsJson() {
        CliTest.Run r = run(withRulebook("evaluate", CEMENT_2018, "--trace", "--lang", "en"));
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--trace goes with --format json").contains("verdant explain");
    }
}
