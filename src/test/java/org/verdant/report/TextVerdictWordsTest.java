package org.verdant.report;

import org.junit.jupiter.api.Test;
import org.verdant.text.Messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verdant.support.TestRulebook.evaluate;
import static org.verdant.support.TestRulebook.read;

/** The text verdict names the applicant in its scheme's terms and the evaluator's kind in words. */
class TextVerdictWordsTest {
    static final Messages ZH = new Messages("zh");
    static final Messages EN = new Messages("en");

    static String text(String fixture, Messages m) {
        return TextVerdictRenderer.render(evaluate(read(fixture)), m);
    }

    @Test
    void parksAreNamedAsParksAndEnterprisesAsEnterprises() {
        String park = "fixtures/green-park/miit-2016-586/hunan-shaodong-gates-and-gaps.yaml";
        assertThat(text(park, ZH)).contains("园区名称: ").doesNotContain("企业名称");
        assertThat(text(park, EN)).contains("Park: ");
        assertThat(text("fixtures/zero-carbon-park/ndrc-2025-910/baotou-1500k-at-threshold.yaml", ZH)).contains("园区名称: ");
        assertThat(text("fixtures/green-supply-chain/miit-2016-586/machinery-hunan-systems-zero-rates.yaml", ZH)).contains("企业名称: ");
        assertThat(text("fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.yaml", ZH)).contains("企业名称: ");
    }

    @Test
    void theEvaluatorsKindIsWrittenInWords() {
        String baotou = "fixtures/zero-carbon-park/ndrc-2025-910/baotou-1500k-at-threshold.yaml";
        assertThat(text(baotou, ZH)).contains("(第三方评价)").doesNotContain("third_party");
        assertThat(text(baotou, EN)).contains("(third-party evaluation)");
        assertThat(text("fixtures/zero-carbon-park/ndrc-2025-910/wuxi-150k-park-within-park.yaml", ZH)).contains("(自评价)");
    }
}
