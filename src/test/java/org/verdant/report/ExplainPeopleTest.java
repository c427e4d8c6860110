package org.verdant.report;

import org.junit.jupiter.api.Test;
import org.verdant.explain.ExplainRenderer;
import org.verdant.explain.TraceBuilder;
import org.verdant.text.Messages;
import org.verdant.verdict.Verdict;
import org.verdant.yaml.PathIndex;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verdant.support.TestRulebook.evaluate;
import static org.verdant.support.TestRulebook.read;

/** explain: people's numbers in its sentences (万 in Chinese, grouped digits in English), figures kept apart, statuses in words. */
class ExplainPeopleTest {
    static final Messages ZH = new Messages("zh");
    static final Messages EN = new Messages("en");
    static final String BAOTOU = "fixtures/zero-carbon-park/ndrc-2025-910/baotou-1500k-at-threshold.yaml";

    static String explain(String file, String yaml, Messages m) {
        Verdict v = evaluate(yaml);
        return ExplainRenderer.render(v, TraceBuilder.judged(v), TraceBuilder.all(v, PathIndex.of(file, yaml.getBytes(StandardCharsets.UTF_8)), m), m);
    }

    @Test
    void aValueJustOverItsThresholdIsComparedWithDigitsThatShowTheDifference() {
        String over = read(BAOTOU).replace("co2: 450000 tCO2", "co2: 450001 tCO2");
        String zh = explain(BAOTOU, over, ZH);
        assertThat(zh).contains("0.300001 tCO2e/tce > 0.3 tCO2e/tce").doesNotContain("0.3 tCO2e/tce > 0.3 tCO2e/tce");
    }

    @Test
    void largeFiguresInTheExplanationAreWrittenAsPeopleWriteThem() {
        String zh = explain(BAOTOU, read(BAOTOU), ZH);
        assertThat(zh).contains("150 万 tce");
        assertThat(explain(BAOTOU, read(BAOTOU), EN)).contains("1,500,000 tce");
    }

    @Test
    void noChineseExplanationWritesScientificNotationOrARawStatus() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Path f : PeopleOutputsTest.fixtures()) {
            String yaml = Files.readString(f, StandardCharsets.UTF_8);
            String zh;
            try {
                zh = explain(f.toString(), yaml, ZH);
            } catch (AssertionError e) {
                continue; // fixtures evaluated with options (tables, gradings) are covered by their own runs
            }
            for (String line : zh.split("\n")) {
                if (PeopleOutputsTest.SCIENTIFIC.matcher(line).find()) problems.add(f + ": " + line.strip());
                if (line.contains("[placeholder]") || line.contains("[provisional]") || line.contains("[verified]")) problems.add(f + ": " + line.strip());
            }
        }
        assertThat(problems).isEmpty();
    }
}
