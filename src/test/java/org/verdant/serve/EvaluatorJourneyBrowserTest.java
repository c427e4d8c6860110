package org.verdant.serve;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.verdant.archive.Archive;
import org.verdant.archive.Stored;
import org.verdant.support.TestRulebook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The evaluator's page in headless Chromium: open a stored evaluation, see a claim's uploaded
 * evidence linked, reject the claim with a note (by keyboard), save, and see the lower score beside
 * the stored one; then at 375 px and in English. Screenshots go to target/screenshots/ (skipped
 * without Chromium, as {@link WebPageBrowserTest} is).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class EvaluatorJourneyBrowserTest {
    private static final Pattern SCORE = Pattern.compile("得分 ([0-9.]+)");
    Path data;
    VerdantServer server;
    WebDriver driver;
    WebDriverWait wait;
    String missing;

    @BeforeAll
    void start() throws IOException {
        missing = Chromium.missing();
        if (missing != null) return;
        data = Files.createTempDirectory("verdant-evaluator-test");
        Files.createDirectories(WebPageBrowserTest.SCREENSHOTS);
        server = VerdantServer.start(new VerdantServer.Config("127.0.0.1", 0, TestRulebook.compiled(), Archive.open(data.resolve("archive")), null), null);
        driver = Chromium.start("1366,2000", null);
        wait = new WebDriverWait(driver, Duration.ofSeconds(120));
    }

    @AfterAll
    void stop() throws IOException {
        if (driver != null) driver.quit();
        if (server != null) server.close();
        if (data != null) {
            try (Stream<Path> walk = Files.walk(data)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    private void screenshot(String name) throws IOException {
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, WebPageBrowserTest.SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private WebElement id(String id) {
        return driver.findElement(By.id(id));
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private static double score(String text) {
        Matcher m = SCORE.matcher(text);
        assertThat(m.find()).as("a score in '" + text + "'").isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void rejectAClaimSaveAndSeeTheLowerScore() throws Exception {
        assumeTrue(missing == null, missing);
        String code = Stored.creditCode(85);
        Http http = new Http(server.uri(), null);
        Http.Answer up = http.post("/api/evidence?name=rain.csv&credit_code=" + code, "text/csv",
                "月份,回用水量/m3\n2023-06,1200\n".getBytes(StandardCharsets.UTF_8));
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        String digest = up.json().path("sha256").asText();
        String yaml = TestRulebook.with(Stored.factory(2023, code, List.of()), "claims.INF-05",
                "{met: true, evidence: [{document: 雨水回用记录, sha256: \"" + digest + "\"}]}");
        Http.Answer stored = http.post("/api/evaluations", "application/yaml", yaml);
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        String record = stored.header("X-Verdant-Record");

        driver.get(server.uri() + "evaluator.html");
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "评价方审核"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("stored")));
        new Select(id("stored")).selectByValue(record);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("claim-INF-05")));
        assertThat(id("facility").getText()).contains(code);
        double original = score(id("original-score").getText());
        assertThat(original).isEqualTo(100.0);
        assertThat(id("assessed-score").getText()).isEqualTo("尚未审核");
        WebElement claim = id("claim-INF-05");
        assertThat(claim.getText()).contains("雨水回用记录", "符合");
        assertThat(claim.findElement(By.linkText("查看文件")).getDomAttribute("href"))
                .isEqualTo("/api/evidence/" + digest.substring("sha256:".length()) + "?evaluation=" + record);
        screenshot("evaluator-01-opened.png");

        id("organisation").sendKeys("江苏省节能技术服务中心");
        id("lead").sendKeys("陈思远");
        id("decision-INF-05-reject").sendKeys(Keys.SPACE); // the keyboard alone decides
        assertThat(id("decision-INF-05-reject").isSelected()).isTrue();
        id("note-INF-05").sendKeys("现场核查雨水收集回用系统已停用");
        assertThat(id("document").getDomProperty("textContent")).contains("\"INF-05\": {accepted: false, note: \"现场核查雨水收集回用系统已停用\"}");
        id("save").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "已保存第 1 次审核意见"));
        double assessed = score(id("assessed-score").getText());
        assertThat(assessed).isLessThan(original);
        assertThat(score(id("original-score").getText())).isEqualTo(original);
        assertThat(id("claim-INF-05").getText()).contains("审核后：不符合", "评价方未认可", "现场核查雨水收集回用系统已停用");
        assertThat(id("history").getText()).contains("第 1 次", "local");
        screenshot("evaluator-02-assessed.png");

        // at phone width nothing scrolls sideways
        driver.manage().window().setSize(new Dimension(375, 800));
        wait.until(d -> ((Number) js("return window.innerWidth")).intValue() <= 400);
        assertThat(js("return document.documentElement.scrollWidth <= window.innerWidth")).as("at 375 px, too wide: " + js(
                "const out = []; for (const e of document.querySelectorAll('body *')) { if (e.closest('[hidden]')) continue;"
                        + " const r = e.getBoundingClientRect(); if (r.width && r.right > window.innerWidth + 1)"
                        + " out.push(e.tagName + (e.id ? '#' + e.id : '') + ' ' + Math.round(r.right)); } return out.slice(0, 12);")).isEqualTo(true);
        js("document.getElementById('claim-INF-05').scrollIntoView()");
        screenshot("evaluator-03-phone.png");
        driver.manage().window().setSize(new Dimension(1366, 2000));

        id("lang-toggle").click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Evaluator's review"));
        assertThat(id("assessed-score").getText()).startsWith("score ");
        assertThat(id("claim-INF-05").getText()).contains("Assessed: not met");
        screenshot("evaluator-04-en.png");
    }
}
