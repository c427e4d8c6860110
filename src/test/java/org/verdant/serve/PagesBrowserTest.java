package org.verdant.serve;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.verdant.access.Actor;
import org.verdant.access.Role;
import org.verdant.accounts.Accounts;
import org.verdant.accounts.Drafts;
import org.verdant.archive.Archive;
import org.verdant.archive.Stored;
import org.verdant.support.TestRulebook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The pages at a phone's width (375 px) and by keyboard, the nav between them, the page asking in
 * its own language, live validation by the CLI's validate, every field's help, and a signed-in
 * person's drafts kept on the server. Screenshots go to target/screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(600)
class PagesBrowserTest {
    static final String PASSWORD = "correct horse battery";
    static final String CODE = "91321183788362137D";
    static final List<String> NAV = List.of("/", "/evaluator.html", "/regulator.html", "/login.html");

    Path data;
    VerdantServer local;
    VerdantServer withAccounts;
    Archive accountsArchive;
    WebDriver driver;
    WebDriverWait wait;
    String missing;

    @BeforeAll
    void start() throws Exception {
        missing = Chromium.missing();
        if (missing != null) return;
        data = Files.createTempDirectory("verdant-pages-test");
        Files.createDirectories(WebPageBrowserTest.SCREENSHOTS);
        local = VerdantServer.start(new VerdantServer.Config("127.0.0.1", 0, TestRulebook.compiled(), Archive.open(data.resolve("local")), null), null);
        accountsArchive = Archive.open(data.resolve("accounts"));
        Accounts accounts = Accounts.of(accountsArchive);
        accounts.add("cement-co", Set.of(Role.ENTERPRISE), Set.of(CODE), PASSWORD.toCharArray());
        withAccounts = VerdantServer.start(new VerdantServer.Config("127.0.0.1", 0, TestRulebook.compiled(), accountsArchive, null)
                .withAccounts(accounts), null);
        driver = Chromium.start("1366,2600", null);
        wait = new WebDriverWait(driver, Duration.ofSeconds(120));
    }

    @AfterAll
    void stop() throws IOException {
        if (driver != null) driver.quit();
        if (local != null) local.close();
        if (withAccounts != null) withAccounts.close();
        if (data != null) ServeApiTest.delete(data);
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private void phone() {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 375, "height", 812, "deviceScaleFactor", 1, "mobile", true));
    }

    private void desktop() {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    private void screenshot(String name) throws IOException {
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, WebPageBrowserTest.SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private void ready() {
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    /** Nothing on the page is wider than the screen: no sideways scrolling. */
    private void noSidewaysScroll(String page) {
        long inner = ((Number) js("return window.innerWidth;")).longValue();
        assertThat(inner).as("the emulated phone").isEqualTo(375);
        Object wide = js("""
                const w = document.documentElement.clientWidth;
                const over = [...document.querySelectorAll('body *')].filter((e) => {
                  const r = e.getBoundingClientRect();
                  return r.width > 0 && r.right > w + 1 && !e.closest('.table-wrap, .editor, dialog:not([open])');
                }).map((e) => e.tagName + '#' + e.id + '.' + e.className);
                return { scroll: document.documentElement.scrollWidth, width: w, over: over.slice(0, 5) };""");
        @SuppressWarnings("unchecked") Map<String, Object> m = (Map<String, Object>) wide;
        assertThat(((Number) m.get("scroll")).longValue()).as(page + " scrolls sideways: " + m.get("over")).isLessThanOrEqualTo(((Number) m.get("width")).longValue());
    }

    private List<String> navLinks() {
        List<String> out = new ArrayList<>();
        for (WebElement a : driver.findElements(By.cssSelector("nav#pages a"))) out.add(a.getDomAttribute("href"));
        return out;
    }

    private static String serverText(Drafts drafts, Actor actor) {
        try {
            return drafts.get(actor, "green-factory").map(Drafts.Draft::text).orElse(null);
        } catch (org.verdant.fault.Fault f) {
            throw new AssertionError(f);
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> requested(String part) {
        return ((List<Object>) js("return performance.getEntriesByType('resource').map((e) => e.name);")).stream().map(String::valueOf)
                .filter(u -> u.contains(part)).toList();
    }

    @Test
    void theEnterprisePageAtPhoneWidthAsksInItsLanguageValidatesWithoutEvaluatingAndHelpsOnEveryField() throws Exception {
        assumeTrue(missing == null, missing);
        phone();
        try {
            driver.get(local.uri().toString());
            ready();
            assertThat(navLinks()).containsExactlyElementsOf(NAV);
            assertThat(driver.findElement(By.cssSelector("nav#pages a[aria-current=page]")).getDomAttribute("href")).isEqualTo("/");
            noSidewaysScroll("the enterprise page");
            screenshot("pages-01-enterprise-375.png");

            // the schemes and the template were asked for in the page's language
            assertThat(requested("/api/schemes")).isNotEmpty().allMatch(u -> u.contains("lang=zh"));
            assertThat(requested("/api/templates/")).isNotEmpty().allMatch(u -> u.contains("lang=zh"));

            // every field carries its help: one the schema never described
            WebElement address = driver.findElement(By.cssSelector("[data-path='facility.address'] .help"));
            assertThat(address.getText()).contains("生产经营场所地址");
            assertThat(driver.findElement(By.cssSelector("[data-path='site.land_area'] .help")).getText()).contains("亩", "ha");

            // live validation: the CLI's validate, nothing evaluated
            js("const s = document.getElementById('source'); s.value = arguments[0]; s.dispatchEvent(new Event('input'));",
                    "scheme: green-factory\nevaluation_date: 2026-03-01\nreporting_year: 2025\nfacility:\n  name: 示例\n  credit_code: 91321183788362137A\n");
            wait.until(ExpectedConditions.attributeToBe(By.id("live"), "class", "error"));
            assertThat(driver.findElement(By.id("live")).getText()).contains("问题");
            assertThat(requested("/api/validate")).isNotEmpty();
            assertThat(requested("/api/evaluate")).as("pauses in typing evaluate nothing").isEmpty();
            screenshot("pages-02-live-validation-375.png");

            driver.findElement(By.id("lang-toggle")).click();
            wait.until(ExpectedConditions.textToBe(By.cssSelector("nav#pages a[href='/login.html']"), "Sign in"));
            wait.until(d -> !requested("/api/schemes?lang=en").isEmpty());
            wait.until(d -> String.valueOf(d.findElement(By.id("template-download")).getDomAttribute("href")).endsWith("lang=en"));
            // the form is rebuilt in English once its schema comes back
            wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.cssSelector("[data-path='facility.address'] .help")).getText().contains("address of the site"));
        } finally {
            desktop();
        }
    }

    @Test
    void theRegulatorPageFitsAPhoneAndWorksByKeyboard() throws Exception {
        assumeTrue(missing == null, missing);
        String code = Stored.creditCode(72);
        Http.Answer stored = new Http(local.uri(), null).post("/api/evaluations", "application/yaml", Stored.factory(2023, code, List.of("INF-05")));
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        String record = stored.header("X-Verdant-Record");
        phone();
        try {
            driver.get(local.uri() + "regulator.html");
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "异议复核"));
            assertThat(navLinks()).containsExactlyElementsOf(NAV);
            assertThat(driver.findElement(By.cssSelector("nav#pages a[aria-current=page]")).getDomAttribute("href")).isEqualTo("/regulator.html");
            assertThat(driver.findElement(By.cssSelector("nav#pages a[href='/']")).getText()).isEqualTo("企业自评");
            noSidewaysScroll("the regulator page");

            // by keyboard only: Tab from the top through the nav to the record's number, type it, Tab to the button, Enter
            js("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
            List<String> visited = new ArrayList<>();
            Actions keys = new Actions(driver);
            for (int i = 0; i < 12 && !"record-id".equals(visited.isEmpty() ? null : visited.get(visited.size() - 1)); i++) {
                keys.sendKeys(Keys.TAB).perform();
                visited.add(String.valueOf(js("const e = document.activeElement; return e.id || e.getAttribute('href');")));
            }
            assertThat(visited).as("the Tab order").containsSubsequence("/", "/evaluator.html", "/regulator.html", "/login.html", "lang-toggle", "record-id");
            keys.sendKeys(record).sendKeys(Keys.TAB).perform();
            assertThat(js("return document.activeElement.id;")).isEqualTo("record-load");
            keys.sendKeys(Keys.ENTER).perform();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("objection-form")));
            assertThat(driver.findElement(By.id("original-summary")).getText()).contains(code);
            noSidewaysScroll("the regulator page with a record");
            screenshot("pages-03-regulator-375.png");
        } finally {
            desktop();
        }
    }

    @Test
    void aSignedInPersonsDraftIsKeptOnTheServerRestoredOnReloadAndANewerOneIsOverwrittenOnlyOnConfirmation() throws Exception {
        assumeTrue(missing == null, missing);
        Actor cement = new Actor("cement-co", Set.of(Role.ENTERPRISE), Set.of(CODE));
        Drafts drafts = Drafts.of(accountsArchive);
        driver.get(withAccounts.uri() + "login.html");
        driver.findElement(By.id("name")).sendKeys("cement-co");
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("submit")).click();
        wait.until(ExpectedConditions.urlToBe(withAccounts.uri().toString()));
        ready();
        js("localStorage.clear();");

        String text = "scheme: green-factory\nevaluation_date: 2026-03-01\n# 草稿 A\n";
        js("const s = document.getElementById('source'); s.value = arguments[0]; s.dispatchEvent(new Event('input'));", text);
        // saved a moment after the change (the blank template the page opened may be saved first)
        wait.until(d -> text.equals(serverText(drafts, cement)));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("draft-state"), "已保存到服务器"));

        // another browser: nothing in this one's storage, the server's draft comes back
        js("localStorage.clear();");
        driver.navigate().refresh();
        ready();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("draft-state"), "已从服务器恢复草稿"));
        assertThat(driver.findElement(By.id("source")).getDomProperty("value")).isEqualTo(text);
        screenshot("pages-04-draft-restored.png");

        // saved meanwhile elsewhere: this page's older copy overwrites it only when the person confirms
        long before = drafts.get(cement, "green-factory").orElseThrow().revision();
        drafts.put(cement, "green-factory", null, "# saved in another browser\n", false, null);
        String mine = text + "# 草稿 B\n";
        js("const s = document.getElementById('source'); s.value = arguments[0]; s.dispatchEvent(new Event('input'));", mine);
        wait.until(d -> Boolean.TRUE.equals(js("return document.getElementById('confirm').open;")));
        assertThat(driver.findElement(By.id("confirm-text")).getText()).contains("别处保存");
        assertThat(drafts.get(cement, "green-factory").orElseThrow().text()).as("not yet overwritten").isEqualTo("# saved in another browser\n");
        screenshot("pages-05-draft-confirm.png");
        driver.findElement(By.id("confirm-yes")).click();
        wait.until(d -> mine.equals(serverText(drafts, cement)));
        assertThat(drafts.get(cement, "green-factory").orElseThrow().revision()).isEqualTo(before + 2);
    }
}
