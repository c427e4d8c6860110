package org.verdant.serve;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.verdant.archive.Stored;
import org.verdant.support.TestRulebook;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evaluator's page in headless Chromium: open a stored evaluation, see a claim's uploaded
 * evidence linked, reject the claim with a note (by keyboard), upload a further evidence file from
 * the page and see its digest, save, and see the lower score beside the stored one; then at 375 px
 * and in English. Screenshots go to target/screenshots/; set up by {@link BrowserFixture}.
 */
@Timeout(300)
class EvaluatorJourneyBrowserTest {
    private static final Pattern SCORE = Pattern.compile("得分 ([0-9.]+)");

    @RegisterExtension
    static final BrowserFixture browser = BrowserFixture.window(1280, 2000);

    private WebElement id(String id) {
        return browser.id(id);
    }

    private Object js(String script) {
        return browser.js(script);
    }

    private org.openqa.selenium.WebDriver driver() {
        return browser.driver();
    }

    private static double score(String text) {
        Matcher m = SCORE.matcher(text);
        assertThat(m.find()).as("a score in '" + text + "'").isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void rejectAClaimSaveAndSeeTheLowerScore() throws Exception {
        String code = Stored.creditCode(85);
        Http http = browser.http();
        Http.Answer up = http.post("/api/evidence?name=rain.csv&credit_code=" + code, "text/csv",
                "月份,回用水量/m3\n2023-06,1200\n".getBytes(StandardCharsets.UTF_8));
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        String digest = up.json().path("sha256").asText();
        String yaml = TestRulebook.with(Stored.factory(2023, code, List.of()), "claims.INF-05",
                "{met: true, evidence: [{document: 雨水回用记录, sha256: \"" + digest + "\"}]}");
        Http.Answer stored = http.post("/api/evaluations", "application/yaml", yaml);
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        String record = stored.header("X-Verdant-Record");

        browser.open("evaluator.html");
        browser.until(ExpectedConditions.textToBe(By.tagName("h1"), "评价方审核"));
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("stored")));
        new Select(id("stored")).selectByValue(record);
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("claim-INF-05")));
        assertThat(id("facility").getText()).contains(code);
        double original = score(id("original-score").getText());
        assertThat(original).isEqualTo(100.0);
        assertThat(id("assessed-score").getText()).isEqualTo("尚未审核");
        WebElement claim = id("claim-INF-05");
        assertThat(claim.getText()).contains("雨水回用记录", "符合");
        assertThat(claim.findElement(By.linkText("查看文件")).getDomAttribute("href"))
                .isEqualTo("/api/evidence/" + digest.substring("sha256:".length()) + "?evaluation=" + record);
        browser.screenshot("evaluator-01-opened.png");

        id("organisation").sendKeys("江苏省节能技术服务中心");
        id("lead").sendKeys("陈思远");
        id("decision-INF-05-reject").sendKeys(Keys.SPACE); // the keyboard alone decides
        assertThat(id("decision-INF-05-reject").isSelected()).isTrue();
        id("note-INF-05").sendKeys("现场核查雨水收集回用系统已停用");
        assertThat(id("document").getDomProperty("textContent")).contains("\"INF-05\": {accepted: false, note: \"现场核查雨水收集回用系统已停用\"}");
        // a further evidence file, uploaded from the page: stored by its digest, which the page shows
        byte[] photo = "月份,现场照片编号\n2023-07,IMG-0042\n".getBytes(StandardCharsets.UTF_8);
        java.nio.file.Path file = java.nio.file.Files.write(browser.data().resolve("site-check.csv"), photo);
        id("upload-file").sendKeys(file.toAbsolutePath().toString());
        id("upload").click();
        String uploadedDigest = "sha256:" + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(photo));
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("uploaded"), uploadedDigest));
        assertThat(id("uploaded").getText()).startsWith("已保存：site-check.csv");
        // how the stored file is cited where a name goes beside its digest (a workbook's evidence cell)
        assertThat(id("upload-cite").getText()).contains("名称 | sha256:…");
        assertThat(id("uploaded-cite").getText()).isEqualTo("引用：site-check | " + uploadedDigest);
        assertThat(id("status").getText()).isEmpty();
        id("save").click();
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "已保存第 1 次审核意见"));
        double assessed = score(id("assessed-score").getText());
        assertThat(assessed).isLessThan(original);
        assertThat(score(id("original-score").getText())).isEqualTo(original);
        assertThat(id("claim-INF-05").getText()).contains("审核后：不符合", "评价方未认可", "现场核查雨水收集回用系统已停用");
        assertThat(id("history").getText()).contains("第 1 次", "local")
                .as("a moment in words, not as ISO 8601").doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T");
        assertThat(id("facility").getText()).as("the scheme by its name").contains("绿色工厂 / GB/T 36132-2018").doesNotContain("green-factory");
        browser.screenshot("evaluator-02-assessed.png");

        // at phone width nothing scrolls sideways
        browser.windowSize(375, 800);
        assertThat(js("return document.documentElement.scrollWidth <= window.innerWidth")).as("at 375 px, too wide: " + js(
                "const out = []; for (const e of document.querySelectorAll('body *')) { if (e.closest('[hidden]')) continue;"
                        + " const r = e.getBoundingClientRect(); if (r.width && r.right > window.innerWidth + 1)"
                        + " out.push(e.tagName + (e.id ? '#' + e.id : '') + ' ' + Math.round(r.right)); } return out.slice(0, 12);")).isEqualTo(true);
        js("document.getElementById('claim-INF-05').scrollIntoView()");
        browser.screenshot("evaluator-03-phone.png");
        browser.windowSize(1280, 2000);

        id("lang-toggle").click();
        browser.until(ExpectedConditions.textToBe(By.tagName("h1"), "Evaluator's review"));
        assertThat(id("assessed-score").getText()).startsWith("score ");
        assertThat(id("claim-INF-05").getText()).contains("Assessed: not met");
        assertThat(id("facility").getText()).contains("Green factory", "evaluation record " + record);
        assertThat(id("history").getText()).startsWith("Assessments: no. 1");
        assertThat(id("upload-cite").getText()).contains("name | sha256:…").doesNotContainPattern("\\p{IsHan}");
        assertThat(driver().findElement(By.cssSelector("nav#pages a[href='/login.html']")).getText()).isEqualTo("Sign in");
        browser.screenshot("evaluator-04-en.png");

        // in English at a phone's width: nothing scrolls sideways either
        browser.phone();
        try {
            browser.noSidewaysScroll("the evaluator page in English");
            browser.js("document.getElementById('claim-INF-05').scrollIntoView()");
            browser.screenshot("evaluator-05-phone-en.png");
        } finally {
            browser.desktop();
        }
    }
}
