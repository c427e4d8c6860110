package org.verdant.serve;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.verdant.accounts.Accounts;
import org.verdant.archive.Archive;
import org.verdant.support.TestRulebook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What every browser test needs, once: a Verdant server on a fresh archive (and, when asked, a
 * second one with accounts), a headless Chromium ({@link Chromium}), a wait that tolerates an
 * element going stale while the page rebuilds it, signing in, screenshots into target/screenshots,
 * and the phone-width checks. Registered as a static {@code @RegisterExtension}; without Chromium
 * the whole class is skipped (not failed) with the reason.
 */
final class BrowserFixture implements BeforeAllCallback, AfterAllCallback {
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    /** Selenium warns that it has no DevTools bindings for this Chromium; the tests use WebDriver (and a CDP command or two) only. */
    private static final java.util.logging.Logger SELENIUM_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium");

    static {
        SELENIUM_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    private final String windowSize;
    private boolean withDownloads;
    private Duration timeout = Duration.ofSeconds(120);
    /** Makes the accounts of the second server. */
    interface AccountsSetup {
        void accept(Accounts accounts) throws Exception;
    }

    private AccountsSetup accountsSetup;

    private Path data;
    private Path downloads;
    private VerdantServer server;
    private Archive accountsArchive;
    private VerdantServer accountsServer;
    private WebDriver driver;
    private WebDriverWait wait;
    private boolean emulatingPhone;

    private BrowserFixture(String windowSize) {
        this.windowSize = windowSize;
    }

    /** A browser window of {@code width} × {@code height} px on a local single-user server. */
    static BrowserFixture window(int width, int height) {
        return new BrowserFixture(width + "," + height);
    }

    /** Downloads are kept, in {@link #downloads()}. */
    BrowserFixture withDownloads() {
        withDownloads = true;
        return this;
    }

    /** How long a wait waits before it fails. */
    BrowserFixture waitingAtMost(Duration d) {
        timeout = d;
        return this;
    }

    /** A second server, with accounts made by {@code setup}: {@link #accountsServer()}. */
    BrowserFixture withAccounts(AccountsSetup setup) {
        accountsSetup = setup;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        String missing = Chromium.missing();
        assumeTrue(missing == null, missing);
        data = Files.createTempDirectory("verdant-browser-" + context.getRequiredTestClass().getSimpleName());
        Files.createDirectories(SCREENSHOTS);
        server = VerdantServer.start(new VerdantServer.Config("127.0.0.1", 0, TestRulebook.compiled(), Archive.open(data.resolve("archive")), null), null);
        if (accountsSetup != null) {
            accountsArchive = Archive.open(data.resolve("accounts"));
            Accounts accounts = Accounts.of(accountsArchive);
            accountsSetup.accept(accounts);
            accountsServer = VerdantServer.start(new VerdantServer.Config("127.0.0.1", 0, TestRulebook.compiled(), accountsArchive, null)
                    .withAccounts(accounts), null);
        }
        if (withDownloads) downloads = Files.createDirectories(data.resolve("downloads"));
        driver = Chromium.start(windowSize, downloads);
        wait = new WebDriverWait(driver, timeout);
        // the pages rebuild what they show (the form follows the YAML and the schema, a language switch redraws): an element found a moment ago may be replaced
        wait.ignoring(StaleElementReferenceException.class);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (driver != null) driver.quit();
        if (server != null) server.close();
        if (accountsServer != null) accountsServer.close();
        ServeApiTest.delete(data);
    }

    // ---- what the tests use ------------------------------------------------------------------

    WebDriver driver() {
        return driver;
    }

    /** The local single-user server. */
    VerdantServer server() {
        return server;
    }

    VerdantServer accountsServer() {
        return accountsServer;
    }

    Archive accountsArchive() {
        return accountsArchive;
    }

    /** A scratch folder deleted after the class. */
    Path data() {
        return data;
    }

    Path downloads() {
        return downloads;
    }

    /** An HTTP client on the local server. */
    Http http() {
        return new Http(server.uri(), null);
    }

    /** Opens {@code page} ("", "regulator.html") on the local server. */
    void open(String page) {
        driver.get(server.uri() + page);
    }

    /** Waits until {@code condition} gives something other than null or false; an element gone stale meanwhile is looked up again. */
    <T> T until(Function<? super WebDriver, T> condition) {
        return wait.until(condition);
    }

    /** The enterprise page has read its words, schemes and draft. */
    void ready() {
        until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    /** Waits for the element's text to be exactly {@code text}. */
    void untilText(By by, String text) {
        until(ExpectedConditions.textToBe(by, text));
    }

    WebElement untilVisible(By by) {
        return until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    WebElement id(String id) {
        return driver.findElement(By.id(id));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Signs in on the server with accounts, by the login page, and waits for the enterprise page it leads to. */
    void signIn(String name, String password) {
        driver.get(accountsServer.uri() + "login.html");
        id("name").sendKeys(name);
        id("password").sendKeys(password);
        id("submit").click();
        until(ExpectedConditions.urlToBe(accountsServer.uri().toString()));
        ready();
    }

    void screenshot(String name) throws IOException {
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * A phone's screen, 375 × 812 px, as Chromium's device emulation gives it (a window cannot be
     * made that narrow). A page without a viewport meta is laid out 980 px wide on it, so the width
     * is checked on the page ({@link #noSidewaysScroll}), not here.
     */
    void phone() {
        emulatingPhone = true;
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 375, "height", 812, "deviceScaleFactor", 1, "mobile", true));
    }

    void desktop() {
        emulatingPhone = false;
        ((ChromeDriver) driver).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /** Resizes the window (for the tests that set a narrow window rather than emulating a phone). */
    void windowSize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        if (width < 500) until(d -> ((Number) js("return window.innerWidth")).intValue() <= width + 25);
    }

    /** Nothing on the page reaches past the screen's right edge outside a box that scrolls it: no sideways scrolling. */
    void noSidewaysScroll(String page) {
        if (emulatingPhone) {
            long inner = ((Number) js("return window.innerWidth;")).longValue();
            assertThat(inner).as("the emulated phone").isEqualTo(375);
        }
        Object wide = js("""
                const w = document.documentElement.clientWidth;
                const over = [...document.querySelectorAll('body *')].filter((e) => {
                  const r = e.getBoundingClientRect();
                  return r.width > 0 && r.right > w + 1 && !e.closest('.table-wrap, .editor, dialog:not([open]), [hidden]');
                }).map((e) => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));
                return { scroll: document.documentElement.scrollWidth, width: w, over: over.slice(0, 8) };""");
        @SuppressWarnings("unchecked") Map<String, Object> m = (Map<String, Object>) wide;
        assertThat(((Number) m.get("scroll")).longValue()).as(page + " scrolls sideways: " + m.get("over"))
                .isLessThanOrEqualTo(((Number) m.get("width")).longValue());
    }

    /** The addresses the page has requested that contain {@code part}. */
    @SuppressWarnings("unchecked")
    List<String> requested(String part) {
        return ((List<Object>) js("return performance.getEntriesByType('resource').map((e) => e.name);")).stream().map(String::valueOf)
                .filter(u -> u.contains(part)).toList();
    }

    /** The addresses of the nav's links, in order. */
    List<String> navLinks() {
        return driver.findElements(By.cssSelector("nav#pages a")).stream().map(a -> a.getDomAttribute("href")).toList();
    }

    /** The element with the keyboard's focus: its id, else its href. */
    String focused() {
        return String.valueOf(js("const e = document.activeElement; return e.id || e.getAttribute('href');"));
    }
}
