package org.verdant.serve;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web page in a real headless Chromium, driven by Selenium: upload a fixture, see its score
 * and grade, filter the criteria, switch to English, download the verdict, archive it, and see a
 * validation error's line highlighted. Screenshots go to target/screenshots/.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver} (or VERDANT_CHROMIUM and
 * VERDANT_CHROMEDRIVER naming the binaries); without them the test is skipped, not failed.
 */
@Timeout(300)
class WebPageBrowserTest {
    static final Path CEMENT = Path.of("fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.yaml");
    static final Path UNKNOWN_KEY = Path.of("fixtures/green-factory/gbt36132-2018/invalid/unknown-key.yaml");

    @RegisterExtension
    static final BrowserFixture browser = BrowserFixture.window(1366, 2600).withDownloads();

    private WebElement id(String id) {
        return browser.id(id);
    }

    private void upload(Path file) {
        id("file").sendKeys(file.toAbsolutePath().toString());
    }

    private List<WebElement> visibleFindings() {
        return id("findings").findElements(By.cssSelector("tbody tr")).stream().filter(WebElement::isDisplayed).toList();
    }

    @Test
    void uploadSeeTheVerdictSwitchLanguageDownloadArchiveAndSeeAProblemLine() throws Exception {
        browser.open("");
        browser.ready();
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Verdant 绿色制造评价");
        assertThat(new Select(id("scheme")).getOptions()).hasSize(Templates.all().size());

        // a valid submission: score, grade, gates, radar, criteria, plan
        upload(CEMENT);
        browser.until(ExpectedConditions.textToBe(By.id("score"), "98.33"));
        assertThat(id("grade").getText()).isEqualTo("未选择分级表");
        assertThat(id("eligible").getText()).isEqualTo("是");
        assertThat(id("facility").getText()).contains("镇江华岳水泥有限公司");
        assertThat(id("gates").findElements(By.cssSelector("tbody tr"))).hasSizeGreaterThan(8);
        assertThat(id("radar").findElements(By.cssSelector("svg.radar polygon.score"))).hasSize(1);
        assertThat(id("plan-changes").findElements(By.tagName("li"))).isNotEmpty();
        int all = visibleFindings().size();
        assertThat(all).isEqualTo(57);
        browser.screenshot("01-verdict-zh.png");

        new Select(id("status-filter")).selectByValue("not_met");
        List<WebElement> notMet = visibleFindings();
        assertThat(notMet).isNotEmpty().hasSizeLessThan(all);
        assertThat(notMet).allSatisfy(tr -> assertThat(tr.getDomAttribute("data-status")).isEqualTo("not_met"));
        assertThat(notMet.get(0).getText()).contains("PRD-06");
        new Select(id("status-filter")).selectByValue("");
        assertThat(visibleFindings()).hasSize(all);

        // English: the page's words and the verdict's reasons
        id("lang-toggle").click();
        browser.until(ExpectedConditions.textToBe(By.tagName("h1"), "Verdant green-manufacturing evaluation"));
        browser.until(ExpectedConditions.textToBe(By.id("grade"), "no grading table selected"));
        assertThat(id("score").getText()).isEqualTo("98.33");
        assertThat(id("eligible").getText()).isEqualTo("yes");
        assertThat(browser.driver().findElement(By.cssSelector("html")).getDomAttribute("lang")).isEqualTo("en");
        assertThat(id("findings").getText()).contains("Declared not met");
        browser.screenshot("02-verdict-en.png");

        // the JSON verdict download is the CLI's verdict in the page's language
        id("download-json").click();
        Path json = browser.downloads().resolve("cement-jiangsu-high-scorer.verdict.json");
        browser.until(d -> Files.isRegularFile(json) && json.toFile().length() > 0);
        String cli = ServeApiTest.cli("evaluate", CEMENT.toString(), "--format", "json", "--lang", "en").out();
        browser.until(d -> cli.equals(read(json)));
        id("download-report").click();
        Path report = browser.downloads().resolve("cement-jiangsu-high-scorer.report.html");
        browser.until(d -> Files.isRegularFile(report) && read(report).contains("</html>"));

        // archive it: the page names the record
        id("store").click();
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("stored")));
        assertThat(id("stored").getText()).startsWith("Archived as record 1");
        JsonNode stored = browser.http().get("/api/evaluations/1").json();
        assertThat(stored.path("verdict").path("lang").asText()).isEqualTo("en");

        // an invalid submission: the problem is listed and its line highlighted beside the text
        upload(UNKNOWN_KEY);
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("problems")));
        assertThat(id("result").isDisplayed()).isFalse();
        WebElement problem = id("problem-list").findElement(By.cssSelector("li[data-line='13']"));
        assertThat(problem.getText()).contains("line 13, column 3").contains("site.land_aera").contains("unknown key; did you mean 'land_area'?");
        WebElement gutterLine = id("gutter").findElement(By.cssSelector("div[data-line='13']"));
        assertThat(gutterLine.getDomAttribute("class")).isEqualTo("error");
        assertThat(gutterLine.getText()).isEqualTo("13");
        assertThat(id("backdrop").findElement(By.cssSelector("div[data-line='13']")).getDomAttribute("class")).isEqualTo("error");
        assertThat(id("gutter").findElements(By.cssSelector("div.error"))).hasSize(1);
        assertThat(gutterLine.isDisplayed()).isTrue();
        browser.screenshot("03-problem-en.png");

        problem.click();
        Object selected = browser.js(
                "const t = document.getElementById('source'); return t.value.substring(t.selectionStart, t.selectionEnd);");
        assertThat(selected).isEqualTo("  land_aera: 150 亩");

        id("lang-toggle").click();
        browser.until(ExpectedConditions.textToBe(By.tagName("h1"), "Verdant 绿色制造评价"));
        assertThat(id("problem-list").getText()).contains("第 13 行第 3 列");
        assertThat(id("message").getText()).isEqualTo("申报材料有误，未评分");
        browser.screenshot("04-problem-zh.png");

        // a factory with a blocker: the plan lists it first, with what clears it
        upload(Path.of("fixtures/green-factory/gbt36132-2018/electronics-guangdong-mandatory-gap.yaml"));
        browser.until(ExpectedConditions.textToBe(By.id("score"), "87.85"));
        assertThat(id("mandatory").getText()).isEqualTo("否");
        assertThat(id("plan-blockers").getText()).contains("INF-12").contains("met: true");
        new Select(id("status-filter")).selectByValue("not_met");
        browser.js("document.getElementById('findings').scrollIntoView()");
        browser.screenshot("05-plan-and-filter-zh.png");
    }

    @Test
    void aZeroCarbonParkShowsOnlyTheLinesItsSchemeHasAndFiguresThatMatchTheirWords() throws Exception {
        // Baotou at 0.3 tCO2e/tce exactly, moved a hair over the Z0 threshold
        Path over = browser.data().resolve("baotou-over-threshold.yaml");
        Files.writeString(over, read(Path.of("fixtures/zero-carbon-park/ndrc-2025-910/baotou-1500k-at-threshold.yaml"))
                .replace("co2: 450000 tCO2", "co2: 450001 tCO2"));
        browser.open("");
        browser.ready();
        upload(over);
        browser.until(d -> d.findElement(By.id("gates")).getText().contains("Z0"));
        assertThat(id("gates").getText()).contains("指标值 0.300001 tCO2e/tce 未达到门槛 0.3 tCO2e/tce");
        assertThat(id("mandatory").isDisplayed()).as("a zero-carbon park has no mandatory requirements").isFalse();
        assertThat(id("eligible").isDisplayed()).isTrue();
        browser.screenshot("06-zero-carbon-zh.png");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }
}
