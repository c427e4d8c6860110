package org.verdant.serve;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The regulator's page in headless Chromium: load a stored evaluation, file an objection with a
 * corrected submission, see the re-evaluation and the diff, record the ruling. Screenshots go to
 * target/screenshots/. Set up as {@link WebPageBrowserTest} is (skipped without Chromium).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class RegulatorPageBrowserTest {
    Path data;
    VerdantServer server;
    WebDriver driver;
    WebDriverWait wait;
    String missing;

    @BeforeAll
    void start() throws IOException {
        missing = Chromium.missing();
        if (missing != null) return;
        data = Files.createTempDirectory("verdant-regulator-test");
        Files.createDirectories(WebPageBrowserTest.SCREENSHOTS);
        server = VerdantServer.start(new VerdantServer.Config("127.0.0.1", 0, TestRulebook.compiled(), Archive.open(data.resolve("archive")), null), null);
        driver = Chromium.start("1366,2600", null);
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

    /** Types into a textarea without the keyboard's auto-indentation: the YAML must arrive as written. */
    private void fill(String id, String text) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, text);
    }

    @Test
    void fileReEvaluateAndRule() throws Exception {
        assumeTrue(missing == null, missing);
        String code = Stored.creditCode(71);
        Http http = new Http(server.uri(), null);
        Http.Answer stored = http.post("/api/evaluations", "application/yaml", Stored.factory(2023, code, List.of("INF-05")));
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        String record = stored.header("X-Verdant-Record");

        driver.get(server.uri() + "regulator.html");
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "异议复核"));
        id("record-id").sendKeys(record);
        id("record-load").click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("objection-form")));
        assertThat(id("original-summary").getText()).contains(code, "98");
        screenshot("regulator-01-original.png");

        id("criteria").sendKeys("INF-05");
        id("reason").sendKeys("能源管理体系认证证书已补齐");
        id("evidence").sendKeys("能源管理体系认证证书.pdf");
        fill("corrected", Stored.factory(2023, code, List.of()));
        id("file").click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dispute")));
        assertThat(id("dispute-heading").getText()).contains("异议 1", "待裁定");
        assertThat(id("rechecks").getText()).contains("原规则库", "与现行规则库相同", "100");
        assertThat(id("diffs").getText()).contains("INF-05", "不符合 → 符合", "有异议");
        screenshot("regulator-02-reevaluated.png");

        new Select(id("ruling")).selectByValue("upheld");
        id("ruling-reason").sendKeys("证书有效，异议成立");
        id("rule").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dispute-heading"), "异议成立"));
        assertThat(id("ruling-shown").getText()).contains("证书有效，异议成立", "local");
        assertThat(id("ruling-form").isDisplayed()).isFalse();
        assertThat(id("report-link").getDomAttribute("href")).isEqualTo("/api/disputes/1/report?lang=zh");
        screenshot("regulator-03-ruled.png");

        id("lang-toggle").click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Dispute review"));
        assertThat(id("dispute-heading").getText()).contains("objection upheld");
        screenshot("regulator-04-en.png");
    }
}
