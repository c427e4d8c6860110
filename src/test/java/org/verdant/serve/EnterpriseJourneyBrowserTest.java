package org.verdant.serve;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The enterprise's journey in a real headless Chromium: choose the scheme, fill the form (not the
 * YAML) for a small factory, see a live error at its field, fix it, see the YAML follow and the
 * form follow the YAML, evaluate, find the result scrolled into view beside last year's, download
 * the PDF, reload and find the draft, be asked before a template replaces it, and read the page at
 * phone width. Screenshots go to target/screenshots/; set up by {@link BrowserFixture} (skipped,
 * not failed, without chromium and chromium-driver).
 */
@Timeout(420)
class EnterpriseJourneyBrowserTest {
    static final String CODE = "91331000MA0000000K";
    /** Last year's record of the same facility, archived before the journey: no claim on G2. */
    static final String LAST_YEAR = """
            scheme: green-factory
            evaluation_date: 2026-01-10
            reporting_year: 2024
            facility:
              name: 示例小厂二号
              credit_code: 91331000MA0000000K
              industry: C2927
              province: 浙江
            site:
              land_area: 30 亩
            """;

    @RegisterExtension
    static final BrowserFixture browser = BrowserFixture.window(1280, 1000).withDownloads().waitingAtMost(java.time.Duration.ofSeconds(90));

    @Test
    void aSmallFactoryFillsTheFormFixesALiveErrorEvaluatesDownloadsThePdfAndKeepsItsDraft() throws Exception {
        assertThat(browser.http().post("/api/evaluations", "application/yaml", LAST_YEAR).status()).isEqualTo(201);

        browser.open("");
        js("localStorage.clear()");
        browser.driver().navigate().refresh();
        ready();

        // the scheme and edition by today's date; the blank template in the YAML view; the form in Chinese
        assertThat(new Select(id("scheme")).getFirstSelectedOption().getDomAttribute("value")).isEqualTo("green-factory-2025");
        assertThat(js("return document.getElementById('source').value")).asString().startsWith("# Verdant 空白申报模板");
        assertThat(field("facility.name").findElement(By.tagName("label")).getText()).startsWith("名称");
        assertThat(id("form").findElement(By.cssSelector("details.claims > summary")).getText()).isEqualTo("定性要求声明（claims）");
        assertThat(field("claims.G2").getText()).contains("G2");
        assertThat(field("facility.name").findElement(By.tagName("label")).getDomAttribute("for"))
                .isEqualTo(input("facility.name").getDomAttribute("id"));

        // the edition follows the evaluation date: before 2025-12-31 the 2018 edition, its own criteria
        type("evaluation_date", "2025-06-30");
        browser.until(d -> "green-factory-2018".equals(new Select(id("scheme")).getFirstSelectedOption().getDomAttribute("value")));
        browser.until(d -> !d.findElements(By.cssSelector("#form [data-path='claims.INF-12']")).isEmpty());
        assertThat(js("return document.activeElement.closest('[data-path]').dataset.path")).as("the focus stays in the date").isEqualTo("evaluation_date");

        // the form, not the YAML: a small factory, with a wrong check character in its credit code
        type("evaluation_date", "2026-03-01");
        browser.until(d -> "green-factory-2025".equals(new Select(id("scheme")).getFirstSelectedOption().getDomAttribute("value")));
        browser.until(d -> !d.findElements(By.cssSelector("#form [data-path='claims.G2']")).isEmpty());
        type("reporting_year", "2025");
        type("facility.name", "示例小厂");
        type("facility.credit_code", "91331000MA0000000L");
        type("facility.industry", "C2927");
        type("facility.province", "浙江");
        type("site.land_area", "30");
        assertThat(new Select(field("site.land_area").findElement(By.tagName("select"))).getFirstSelectedOption().getText()).isEqualTo("亩");
        // a list: one product, one energy carrier, each added with its button
        id("form").findElement(By.cssSelector("button[data-add='products']")).click();
        type("products[0].name", "注塑件");
        type("products[0].output", "1200 t");
        new Select(field("products[0].main").findElement(By.tagName("select"))).selectByValue("true");
        assertThat(new Select(field("products[0].energy_limit").findElement(By.tagName("select"))).getOptions()).as("the energy-limit rows")
                .anySatisfy(o -> assertThat(o.getDomAttribute("value")).isEqualTo("cement-clinker"));
        id("form").findElement(By.cssSelector("button[data-add='energy.carriers']")).click();
        type("energy.carriers[0].type", "electricity");
        type("energy.carriers[0].amount", "850000 kWh");
        new Select(field("claims.G2.met").findElement(By.tagName("select"))).selectByValue("true");
        type("claims.G2.evidence", "绿色制造管理职责分工文件");

        // the live error at its field, located as the CLI locates it
        WebElement error = browser.until(d -> field("facility.credit_code").findElements(By.cssSelector(".field-error")).stream().findFirst().orElse(null));
        assertThat(error.getText()).contains("facility.credit_code: ").contains("校验码为 'L'").containsPattern("submission\\.yaml:\\d+:\\d+: ");
        assertThat(input("facility.credit_code").getDomAttribute("aria-invalid")).isEqualTo("true");
        browser.screenshot("10-form-live-error-zh.png");

        // fixed: no problem left
        type("facility.credit_code", CODE);
        browser.until(ExpectedConditions.textToBe(By.id("live"), "校验通过：可以评价"));
        assertThat(id("form").findElements(By.cssSelector(".field-error"))).isEmpty();

        // the YAML view follows the form, and the form follows the YAML
        id("view-yaml").click();
        String yaml = (String) js("return document.getElementById('source').value");
        assertThat(yaml).contains("credit_code: " + CODE).contains("land_area: 30 亩").contains("G2:\n    met: true")
                .contains("products:\n  - name: 注塑件\n").contains("\n    output: 1200 t\n").contains("\n    main: true\n").contains("amount: 850000 kWh");
        js("const t = document.getElementById('source'); t.value = t.value.replace('name: 示例小厂', 'name: 示例小厂二号');"
                + "t.dispatchEvent(new Event('input'));");
        id("view-form").click();
        browser.until(d -> "示例小厂二号".equals(input("facility.name").getDomProperty("value")));

        // evaluate: the result in view, the figures the API gives for the same text
        id("evaluate").click();
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
        browser.until(d -> !id("score").getText().isBlank());
        browser.until(d -> {
            Number top = (Number) js("return document.getElementById('result').getBoundingClientRect().top");
            return top.doubleValue() >= -2 && top.doubleValue() < 120;
        });
        String submitted = (String) js("return document.getElementById('source').value");
        JsonNode verdict = browser.http().post("/api/evaluate", "application/yaml", submitted).json().path("verdict");
        assertThat(id("score").getText()).isEqualTo(verdict.path("score").isNull() ? "不计分" : verdict.path("score").asText());
        assertThat(id("grade").getText()).isEqualTo(verdict.path("grade").isNull() ? verdict.path("grading").path("reason").asText() : verdict.path("grade").asText());
        assertThat(id("gates").findElements(By.cssSelector("tbody tr"))).isNotEmpty();
        assertThat(id("radar").findElements(By.cssSelector("svg"))).hasSize(1);
        assertThat(id("plan").isDisplayed()).isTrue();
        browser.screenshot("11-result-in-view-zh.png");

        // last year's record beside this one: G2 changed, and why
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("history")));
        assertThat(id("history-intro").getText()).contains("2024").contains("2025");
        WebElement g2 = id("history-changes").findElements(By.cssSelector("tbody tr")).stream()
                .filter(tr -> tr.getText().startsWith("G2")).findFirst().orElseThrow();
        assertThat(g2.getText()).contains("符合");
        browser.js("document.getElementById('history').scrollIntoView()");
        browser.screenshot("12-history-zh.png");

        // the PDF report
        id("download-pdf").click();
        Path pdf = browser.downloads().resolve("submission.report.pdf");
        browser.until(d -> Files.isRegularFile(pdf) && pdf.toFile().length() > 1000);
        assertThat(new String(Files.readAllBytes(pdf), 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");

        // the result at phone width: nothing scrolls sideways (its tables scroll inside their box)
        browser.windowSize(375, 800);
        js("document.getElementById('result').scrollIntoView()");
        assertThat(id("result").isDisplayed()).isTrue();
        assertThat(js("return document.documentElement.scrollWidth <= window.innerWidth")).as("result at 375 px, too wide: " + tooWide()).isEqualTo(true);
        browser.screenshot("15-phone-result.png");
        browser.windowSize(1280, 1000);

        // a reload keeps the draft
        browser.driver().navigate().refresh();
        ready();
        browser.until(d -> "示例小厂二号".equals(input("facility.name").getDomProperty("value")));
        assertThat(id("draft-state").getText()).startsWith("已恢复上次的草稿");
        assertThat(new Select(field("claims.G2.met").findElement(By.tagName("select"))).getFirstSelectedOption().getText()).startsWith("满足");

        // the keyboard: Tab from the scheme chooser reaches the next button, with a visible focus
        id("scheme").sendKeys(Keys.TAB);
        assertThat(js("return document.activeElement.id")).isEqualTo("template-load");
        assertThat(js("return getComputedStyle(document.activeElement).outlineStyle")).isEqualTo("solid");
        assertThat(js("return [...document.querySelectorAll('#form input, #form select, #form textarea')]"
                + ".filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')).map(e => e.id)")).asList().isEmpty();

        // the form in English: each field's own English label and help (form-fields.yaml)
        id("lang-toggle").click();
        // the form is rebuilt once the schemes and the form come back in the new language: a field found just before is stale
        browser.until(d -> field("facility.name").findElement(By.tagName("label")).getText().startsWith("Name"));
        assertThat(field("facility.credit_code").getText()).contains("unified social credit code");
        id("lang-toggle").click();
        browser.until(d -> field("facility.name").findElement(By.tagName("label")).getText().startsWith("名称"));

        // loading the blank template asks first; No keeps the work, Yes replaces it
        id("template-load").click();
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm")));
        assertThat(id("confirm-text").getText()).contains("载入空白模板将替换");
        browser.screenshot("13-confirm-zh.png");
        id("confirm-no").click();
        browser.until(ExpectedConditions.invisibilityOfElementLocated(By.id("confirm")));
        assertThat(input("facility.name").getDomProperty("value")).isEqualTo("示例小厂二号");
        id("template-load").click();
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm")));
        id("confirm-yes").click();
        browser.until(d -> ((String) js("return document.getElementById('source').value")).startsWith("# Verdant 空白申报模板"));
        browser.until(d -> "".equals(input("facility.name").getDomProperty("value")));

        // the form at phone width
        browser.windowSize(375, 800);
        assertThat(js("return document.documentElement.scrollWidth <= window.innerWidth")).as("form at 375 px, too wide: " + tooWide()).isEqualTo(true);
        browser.screenshot("14-phone-form.png");
        browser.windowSize(1280, 1000);
    }

    // ---------------------------------------------------------------------------------------------

    private void ready() {
        browser.ready();
        browser.until(d -> !d.findElements(By.cssSelector("#form [data-path='facility.name'] input")).isEmpty());
    }

    /** The elements reaching past the window's right edge, outside a box that scrolls them: what makes a page scroll sideways. */
    private Object tooWide() {
        return js("const out = []; for (const e of document.querySelectorAll('body *')) {"
                + " if (e.closest('.table-wrap') || e.closest('[hidden]')) continue;"
                + " const r = e.getBoundingClientRect(); if (r.width && r.right > window.innerWidth + 1)"
                + " out.push(e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className + ' ' + Math.round(r.right)); }"
                + " return out.slice(0, 12);");
    }

    private Object js(String script) {
        return browser.js(script);
    }

    private WebElement id(String id) {
        return browser.id(id);
    }

    private WebElement field(String path) {
        List<WebElement> found = id("form").findElements(By.cssSelector("[data-path='" + path + "']"));
        assertThat(found).as("a field for " + path).isNotEmpty();
        return found.get(0);
    }

    private WebElement input(String path) {
        return field(path).findElement(By.cssSelector("input, textarea"));
    }

    /** Types into a field as a user does: cleared, then key by key. */
    private void type(String path, String text) {
        WebElement e = input(path);
        e.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        e.sendKeys(text);
    }
}
