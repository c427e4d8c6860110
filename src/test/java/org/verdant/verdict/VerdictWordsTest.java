package org.verdant.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.verdant.evaluation.Evaluator;
import org.verdant.text.Messages;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verdant.support.TestRulebook.base;
import static org.verdant.support.TestRulebook.evaluate;
import static org.verdant.support.TestRulebook.read;

/**
 * The words the facts and findings write for people (where a level came from, how points were
 * computed, a table's title, a switch's value) are in the verdict's language; the figures in them
 * are the same in both.
 */
class VerdictWordsTest {
    private static final Messages ZH = new Messages("zh");
    private static final Messages EN = new Messages("en");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(Verdict v, Messages m) throws Exception {
        return JSON.readTree(VerdictJson.write(v, m));
    }

    private static JsonNode values(JsonNode verdict, String id) {
        for (String part : List.of("gates", "criteria")) {
            for (JsonNode j : verdict.path(part)) if (j.path("id").asText().equals(id)) return j.path("values");
        }
        throw new AssertionError("no criterion " + id);
    }

    private static List<String> warnings(JsonNode verdict) {
        List<String> out = new ArrayList<>();
        verdict.path("warnings").forEach(w -> out.add(w.path("message").asText()));
        return out;
    }

    @Test
    void whereALevelCameFromIsWrittenInTheVerdictsLanguage() throws Exception {
        Verdict v = evaluate(base());
        JsonNode zh = values(json(v, ZH), "PRF-01");
        JsonNode en = values(json(v, EN), "PRF-01");
        assertThat(zh.path("basic_from").asText()).startsWith("申报材料（references.plot_ratio.basic = ");
        assertThat(en.path("basic_from").asText()).startsWith("submission (references.plot_ratio.basic = ");
        assertThat(zh.path("advanced_from").asText()).contains(" × 基本值 ").doesNotContain("basic level");
        assertThat(en.path("advanced_from").asText()).contains(" × basic level ");
        assertThat(zh.path("basic").decimalValue()).isEqualTo(en.path("basic").decimalValue());
    }

    @Test
    void aScaledIndicatorsPointsReadInChineseWithTheSameFigures() throws Exception {
        Verdict v = evaluate(base(), new Evaluator.Options("GB/T 36132-2025", null));
        JsonNode zh = json(v, ZH);
        JsonNode en = json(v, EN);
        int compared = 0;
        for (JsonNode c : en.path("criteria")) {
            String scoring = c.path("values").path("scoring").asText();
            if (!scoring.contains("clamp((")) continue;
            String chinese = values(zh, c.path("id").asText()).path("scoring").asText();
            assertThat(chinese).contains("，限定在 [0, 1] 内)").doesNotContain("clamp");
            // the same figures, in the same order
            assertThat(chinese.replaceAll("[^0-9.]+", " ").strip()).isEqualTo(scoring.replaceAll("[^0-9.]+", " ").strip());
            compared++;
        }
        assertThat(compared).isPositive();
    }

    @Test
    void theDefaultTablesTitleIsEachLanguagesOwn() throws Exception {
        Verdict v = evaluate(base(), new Evaluator.Options("GB/T 36132-2025", null));
        assertThat(v.scorecard().tableChoice()).isEqualTo("default");
        var title = v.scorecard().table().title();
        assertThat(title.en()).isNotEqualTo(title.zh());
        assertThat(warnings(json(v, ZH))).anySatisfy(w -> assertThat(w).contains(title.zh()));
        assertThat(warnings(json(v, EN))).anySatisfy(w -> assertThat(w).contains(title.en()).doesNotContain(title.zh()));
    }

    @Test
    void aSwitchsValueIsSaidInWords() throws Exception {
        Verdict v = evaluate(read("fixtures/green-park/miit-2016-586/hunan-shaodong-gates-and-gaps.yaml"));
        assertThat(warnings(json(v, ZH))).anySatisfy(w -> assertThat(w).startsWith("parameters.cap_ratio_at_one = 是"))
                .anySatisfy(w -> assertThat(w).startsWith("parameters.category_weighting = 无"))
                .noneSatisfy(w -> assertThat(w).contains("= true", "= none"));
        assertThat(warnings(json(v, EN))).anySatisfy(w -> assertThat(w).startsWith("parameters.cap_ratio_at_one = yes"));
    }
}
