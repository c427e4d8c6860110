package org.verdant.report.document;

import org.junit.jupiter.api.Test;
import org.verdant.text.Messages;
import org.verdant.verdict.Verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verdant.support.TestRulebook.evaluate;
import static org.verdant.support.TestRulebook.read;

/** The report says only what its scheme has, names the applicant in its scheme's terms and writes figures as the text verdict does. */
class ReportWordsAndFiguresTest {
    static final String ZERO_CARBON = "fixtures/zero-carbon-park/ndrc-2025-910/";
    static final Messages ZH = new Messages("zh");
    static final Messages EN = new Messages("en");

    static String md(String yaml, Messages m) {
        return ReportDocument.render(evaluate(yaml), m, ReportFormat.md);
    }

    static String html(String yaml, Messages m) {
        return ReportDocument.render(evaluate(yaml), m, ReportFormat.html);
    }

    @Test
    void aZeroCarbonReportHasNeitherMandatoryRequirementsNorAReportedScore() {
        for (String fixture : new String[] {"baotou-1500k-at-threshold.yaml", "changxing-eligibility-not-met.yaml"}) {
            String yaml = read(ZERO_CARBON + fixture);
            for (String report : new String[] {md(yaml, ZH), html(yaml, ZH)}) {
                assertThat(report).as(fixture).doesNotContain("必选要求").doesNotContain("得分仍照常计算");
            }
            assertThat(md(yaml, EN)).as(fixture).doesNotContain("Mandatory requirements").doesNotContain("score is still computed");
        }
        assertThat(md(read(ZERO_CARBON + "changxing-eligibility-not-met.yaml"), ZH)).contains("基本要求不满足（或待定）的申报单位不能入选。");
    }

    @Test
    void aFactoryReportWithAMandatoryGapKeepsItsLines() {
        String zh = md(read("fixtures/green-factory/gbt36132-2018/electronics-guangdong-mandatory-gap.yaml"), ZH);
        assertThat(zh).contains("必选要求").contains("得分仍照常计算并报告");
    }

    @Test
    void theApplicantIsNamedInItsSchemesTerms() {
        String park = read("fixtures/green-park/miit-2016-586/hunan-shaodong-gates-and-gaps.yaml");
        assertThat(md(park, ZH)).contains("| 园区名称 |").doesNotContain("企业名称");
        assertThat(md(read(ZERO_CARBON + "baotou-1500k-at-threshold.yaml"), ZH)).contains("| 园区名称 |");
        assertThat(md(read("fixtures/green-supply-chain/miit-2016-586/machinery-hunan-systems-zero-rates.yaml"), ZH)).contains("| 企业名称 |");
        assertThat(md(read("fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.yaml"), ZH)).contains("| 企业名称 |");
        assertThat(md(park, EN)).contains("| Park |");
    }

    @Test
    void largeFiguresAreWrittenAsPeopleWriteThemInBothLanguages() {
        String yaml = read(ZERO_CARBON + "baotou-1500k-at-threshold.yaml");
        String zh = md(yaml, ZH);
        assertThat(zh).contains("45 万 tCO2 ÷ 150 万 tce = 0.3 tCO2e/tce").contains("132 万 tce ÷ 150 万 tce = 88 %")
                .contains("1.52 亿 m3");
        assertThat(zh).doesNotContainPattern("(?<![0-9A-Za-z])\\d+(\\.\\d+)?[eE][+-]?\\d+(?![0-9A-Za-z])");
        String en = md(yaml, EN);
        assertThat(en).contains("450,000 tCO2 ÷ 1,500,000 tce = 0.3 tCO2e/tce");
    }

    @Test
    void aValueJustOverItsThresholdDoesNotPrintAsTheThreshold() {
        String over = read(ZERO_CARBON + "baotou-1500k-at-threshold.yaml").replace("co2: 450000 tCO2", "co2: 450001 tCO2");
        Verdict v = evaluate(over);
        String zh = ReportDocument.render(v, ZH, ReportFormat.md);
        assertThat(zh).contains("0.300001 tCO2e/tce").contains("= 0.300001 tCO2e/tce")
                .doesNotContain("实际值 0.3 tCO2e/tce").doesNotContain("| 0.3 tCO2e/tce | 0.3 tCO2e/tce |");
    }
}
