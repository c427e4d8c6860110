package org.verdant.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.verdant.text.Messages;
import org.verdant.verdict.Verdict;
import org.verdant.verdict.VerdictJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verdant.support.TestRulebook.evaluate;
import static org.verdant.support.TestRulebook.read;

/** The text a reviewer reads: only the lines the scheme has, and figures whose words match them. */
class TextVerdictRendererTest {
    static final String ZERO_CARBON = "fixtures/zero-carbon-park/ndrc-2025-910/";
    static final String BAOTOU = ZERO_CARBON + "baotou-1500k-at-threshold.yaml";
    static final Messages ZH = new Messages("zh");
    static final Messages EN = new Messages("en");

    static String text(String yaml, Messages m) {
        return TextVerdictRenderer.render(evaluate(yaml), m);
    }

    @Test
    void aZeroCarbonParkHasNeitherMandatoryRequirementsNorAScore() {
        for (String fixture : new String[] {"baotou-1500k-at-threshold.yaml", "changxing-eligibility-not-met.yaml"}) {
            String zh = text(read(ZERO_CARBON + fixture), ZH);
            assertThat(zh).as(fixture).doesNotContain("必选要求").doesNotContain("得分仍照常计算");
            assertThat(text(read(ZERO_CARBON + fixture), EN)).as(fixture)
                    .doesNotContain("Mandatory requirements").doesNotContain("score is still computed");
        }
        // a park that fails its basic requirement is told so, in its own terms
        assertThat(text(read(ZERO_CARBON + "changxing-eligibility-not-met.yaml"), ZH))
                .contains("基本要求不满足（或待定）的申报单位不能入选。");
    }

    @Test
    void aSchemeWithMandatoryRequirementsAndAScoreKeepsBothLines() {
        String zh = text(read("fixtures/green-factory/gbt36132-2018/electronics-guangdong-mandatory-gap.yaml"), ZH);
        assertThat(zh).contains("必选要求: 未全部满足").contains("得分仍照常计算并报告");
    }

    /** Baotou at 0.3 tCO2e/tce exactly, moved a hair over the Z0 threshold. */
    static String overThreshold() {
        return read(BAOTOU).replace("co2: 450000 tCO2", "co2: 450001 tCO2");
    }

    @Test
    void aValueJustOverItsThresholdDoesNotPrintAsTheThreshold() {
        String zh = text(overThreshold(), ZH);
        assertThat(zh).contains("指标值 0.300001 tCO2e/tce 未达到门槛 0.3 tCO2e/tce")
                .contains("= 0.300001 tCO2e/tce").contains("门槛: 0.3 tCO2e/tce")
                .doesNotContain("0.3 tCO2e/tce 未达到门槛 0.3 tCO2e/tce");
        // exactly on it, both print alike
        assertThat(text(read(BAOTOU), ZH)).contains("指标值 0.3 tCO2e/tce 达到门槛 0.3 tCO2e/tce");
    }

    @Test
    void largeFiguresAreWrittenAsPeopleWriteThem() {
        String zh = text(read(BAOTOU), ZH);
        assertThat(zh).contains("45 万 tCO2 ÷ 150 万 tce = 0.3 tCO2e/tce").contains("132 万 tce ÷ 150 万 tce = 88 %");
        String criteria = zh.substring(zh.indexOf("基本要求（一票否决）"), zh.indexOf("规则库:"));
        assertThat(criteria).doesNotContainPattern("\\d[eE]\\d");
        String en = text(read(BAOTOU), EN);
        assertThat(en).contains("450,000 tCO2 ÷ 1,500,000 tce = 0.3 tCO2e/tce");
    }

    @Test
    void theJsonVerdictKeepsExactFiguresAndWritesReasonsForPeople() throws Exception {
        Verdict v = evaluate(overThreshold());
        JsonNode json = new ObjectMapper().readTree(VerdictJson.write(v, ZH));
        JsonNode z0 = null;
        for (JsonNode g : json.path("gates")) if (g.path("id").asText().equals("Z0")) z0 = g;
        assertThat(z0).isNotNull();
        assertThat(z0.path("reason").asText()).contains("0.300001 tCO2e/tce").contains("门槛 0.3 tCO2e/tce");
        assertThat(z0.path("values").path("value").decimalValue()).isEqualByComparingTo("0.300001");
        assertThat(z0.path("values").path("threshold").decimalValue()).isEqualByComparingTo("0.3");
    }

    @Test
    void listsInTheJsonVerdictAreArrays() throws Exception {
        Verdict v = evaluate(read("fixtures/green-factory/gbt36132-2018/boundary-hebei-exact-thresholds.yaml"));
        JsonNode json = new ObjectMapper().readTree(VerdictJson.write(v, ZH));
        JsonNode years = null;
        for (JsonNode c : json.path("criteria")) if (c.path("id").asText().equals("MGT-09")) years = c.path("values").path("years");
        assertThat(years).isNotNull();
        assertThat(years.isArray()).as("values.years is %s", years).isTrue();
        assertThat(years.get(0).isInt()).isTrue();
    }
}
