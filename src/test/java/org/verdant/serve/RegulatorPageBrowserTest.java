package org.verdant.serve;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.verdant.archive.Stored;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The regulator's page in headless Chromium: load a stored evaluation (its criteria folded under the
 * summary), file an objection with a corrected submission, see the re-evaluation and the diff,
 * record the ruling, and find it in the facility's history with its report; in Chinese, then in
 * English, at 1280 px and at a phone's 375 px, where no table scrolls sideways, even inside its box. Screenshots go to target/screenshots/; set up by
 * {@link BrowserFixture}.
 */
@Timeout(300)
class RegulatorPageBrowserTest {
    @RegisterExtension
    static final BrowserFixture browser = BrowserFixture.window(1280, 2600);

    private WebElement id(String id) {
        return browser.id(id);
    }

    /** Types into a textarea without the keyboard's auto-indentation: the YAML must arrive as written. */
    private void fill(String id, String text) {
        browser.js("document.getElementById(arguments[0]).value = arguments[1];", id, text);
    }

    @Test
    void fileReEvaluateAndRule() throws Exception {
        String code = Stored.creditCode(71);
        Http http = browser.http();
        String record = browser.storeFactory(code, List.of("INF-05"));

        browser.open("regulator.html");
        browser.until(ExpectedConditions.textToBe(By.tagName("h1"), "异议复核"));
        id("record-id").sendKeys(record);
        id("record-load").click();
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("objection-form")));
        assertThat(id("original-summary").getText()).contains(code, "98");
        // the stored verdict's every criterion is folded away: the objection follows the summary, on the first screen
        assertThat(id("original-details").getDomProperty("open")).isEqualTo("false");
        assertThat(id("original-count").getText()).contains("原评价的全部条款及结论");
        assertThat(((Number) browser.js("return document.getElementById('objection-form').getBoundingClientRect().top")).doubleValue())
                .as("the objection form's top").isLessThan(1000);
        id("original-count").click();
        assertThat(id("original-items").getText()).contains("INF-05", "不符合");
        id("original-count").click();
        browser.screenshot("regulator-01-original.png");

        id("criteria").sendKeys("INF-05");
        id("reason").sendKeys("能源管理体系认证证书已补齐");
        id("evidence").sendKeys("能源管理体系认证证书.pdf");
        fill("corrected", Stored.factory(2023, code, List.of()));
        id("file").click();
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("dispute")));
        assertThat(id("dispute-heading").getText()).contains("异议 1", "待裁定");
        assertThat(id("rechecks").getText()).contains("原规则库", "与现行规则库相同", "100");
        assertThat(id("diffs").getText()).contains("INF-05", "不符合 → 符合", "有异议");
        browser.screenshot("regulator-02-reevaluated.png");

        new Select(id("ruling")).selectByValue("upheld");
        id("ruling-reason").sendKeys("证书有效，异议成立");
        id("rule").click();
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dispute-heading"), "异议成立"));
        assertThat(id("ruling-shown").getText()).contains("证书有效，异议成立", "local")
                .as("a moment in words, not as ISO 8601").doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T");
        assertThat(id("original-summary").getText()).as("the scheme by its name").contains("绿色工厂 / GB/T 36132-2018");
        assertThat(id("ruling-form").isDisplayed()).isFalse();
        assertThat(id("report-link").getDomAttribute("href")).isEqualTo("/api/disputes/1/report?lang=zh");
        browser.screenshot("regulator-03-ruled.png");

        // the facility's history beside the case: the record and the dispute, every step kept, its report linked
        WebElement history = browser.untilVisible(By.id("facility-history"));
        browser.until(d -> d.findElement(By.id("history-disputes")).getText().contains("异议成立"));
        assertThat(id("history-records").getText()).contains(record, "2023");
        WebElement disputeRow = id("history-disputes").findElements(By.tagName("tr")).get(1);
        assertThat(disputeRow.getText()).contains("INF-05", "异议成立", "local", "记录链完整").doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T");
        assertThat(id("history-records").getText()).contains("绿色工厂").doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T");
        assertThat(disputeRow.findElement(By.tagName("a")).getDomAttribute("href")).isEqualTo("/api/disputes/1/report?lang=zh");
        Http.Answer report = http.get("/api/disputes/1/report?lang=zh");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body()).contains("证书有效，异议成立", "INF-05");
        browser.js("arguments[0].scrollIntoView()", history);
        browser.screenshot("regulator-05-history-zh.png");

        // the whole case at a phone's width: nothing scrolls sideways
        browser.phone();
        try {
            // read at 375 px: no table scrolls inside its box either (each row stands as a card, each value under its heading)
            browser.nothingWiderThanTheScreen("the regulator page with a ruled dispute");
            assertThat(browser.js("const td = document.querySelector('#rechecks td'); return getComputedStyle(td, '::before').content;"))
                    .as("a cell's heading beside its value").isEqualTo("\"规则库\"");
            browser.screenshot("regulator-06-phone-zh.png");
        } finally {
            browser.desktop();
        }

        id("lang-toggle").click();
        browser.until(ExpectedConditions.textToBe(By.tagName("h1"), "Dispute review"));
        assertThat(id("dispute-heading").getText()).contains("objection upheld");
        assertThat(id("rechecks").getText()).contains("Original rulebook", "same as the current rulebook");
        assertThat(id("dispute-objection").getText()).contains("Criteria objected to: INF-05").doesNotContain("：");
        assertThat(id("history-disputes").getText()).contains("objection upheld", "chain intact");
        assertThat(id("history-disputes").findElements(By.tagName("tr")).get(1).findElement(By.tagName("a")).getDomAttribute("href"))
                .isEqualTo("/api/disputes/1/report?lang=en");
        assertThat(id("report-link").getDomAttribute("href")).isEqualTo("/api/disputes/1/report?lang=en");
        // the stored verdict's criteria in the reader's language (the dispute names each in zh and en), not as the record was filed
        id("original-count").click();
        assertThat(id("original-items").getText()).contains("INF-05", "Building uses energy-, water-, land- and material-saving measures", "not met")
                .doesNotContain("建筑采取节能");
        assertThat(id("original-language").isDisplayed()).as("nothing left in the record's language to label").isFalse();
        id("original-count").click();
        browser.screenshot("regulator-04-en.png");
        browser.phone();
        try {
            browser.nothingWiderThanTheScreen("the regulator page in English");
            assertThat(browser.js("const td = document.querySelector('#history-disputes td'); return getComputedStyle(td, '::before').content;"))
                    .isEqualTo("\"Dispute\"");
            browser.screenshot("regulator-07-phone-en.png");
        } finally {
            browser.desktop();
        }

        // a record opened on its own (no dispute names its criteria in English): its words are labelled as filed, in Chinese
        id("record-id").clear();
        id("record-id").sendKeys(record);
        id("record-load").click();
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("objection-form")));
        assertThat(id("original-language").isDisplayed()).isTrue();
        assertThat(id("original-language").getText()).isEqualTo("The criteria's names as the record was filed, in Chinese.");
        id("lang-toggle").click();
        browser.until(ExpectedConditions.textToBe(By.tagName("h1"), "异议复核"));
        assertThat(id("original-language").isDisplayed()).as("the record's own language needs no label").isFalse();
    }
}
