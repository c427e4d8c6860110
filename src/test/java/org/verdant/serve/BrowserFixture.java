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
import org.verdant.rulebook.CompiledRulebook;
import org.verdant.rulebook.RulebookLoader;
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
 * the whole class is skipped (not failed) with the reason. {@link #serversOnly()} gives the servers
 * without a browser (never skipped), for tests of the API's answers; {@link #withRulebookCopy()} a
 * local server whose rulebook a test changes and restarts it on.
 */
final class BrowserFixture implements BeforeAllCallback, AfterAllCallback {
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    /** Selenium warns that it has no DevTools bindings for this Chromium; the tests use WebDriver (and a CDP command or two) only. */
    private static final java.util.logging.Logger SELENIUM_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium");

    static {
        SELENIUM_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    private final String windowSize;
    /** Whether a browser is started (false: the servers alone, for a test of the API's answers). */
    private final boolean browsing;
    private boolean withDownloads;
    private boolean copyingRulebook;
    private Duration timeout = Duration.ofSeconds(120);
    /** Makes the accounts of the second server. */
    interface AccountsSetup {
        void accept(Accounts accounts) throws Exception;
    }

    private AccountsSetup accountsSetup;

    private Path data;
    private Path downloads;
    private VerdantServer server;
    private Archive archive;
    private Path rulebookCopy;
    private Archive accountsArchive;
    private Accounts accounts;
    private VerdantServer accountsServer;
    private WebDriver driver;
    private WebDriverWait wait;
    private boolean emulatingPhone;

    private BrowserFixture(String windowSize, boolean browsing) {
        this.windowSize = windowSize;
        this.browsing = browsing;
    }

    /** A browser window of {@code width} × {@code height} px on a local single-user server. */
    static BrowserFixture window(int width, int height) {
        return new BrowserFixture(width + "," + height, true);
    }

    /** The servers without a browser (never skipped): what a test of the API's answers shares with the browser tests. */
    static BrowserFixture serversOnly() {
        return new BrowserFixture(null, false);
    }

    /**
     * The local server's rulebook is compiled from a copy of rules/ and scorecards/
     * ({@link #rulebookCopy()}), which a test may change and then {@link #restart()} the server on:
     * the rulebook a stored record was made with is then no longer the current one.
     */
    BrowserFixture withRulebookCopy() {
        copyingRulebook = true;
        return this;
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
        if (browsing) {
            String missing = Chromium.missing();
            assumeTrue(missing == null, missing);
        }
        data = Files.createTempDirectory("verdant-browser-" + context.getRequiredTestClass().getSimpleName());
        Files.createDirectories(SCREENSHOTS);
        archive = Archive.open(data.resolve("archive"));
        if (copyingRulebook) {
            rulebookCopy = Files.createDirectories(data.resolve("rulebook"));
            copyTree(Path.of("rules"), rulebookCopy.resolve("rules"));
            copyTree(Path.of("scorecards"), rulebookCopy.resolve("scorecards"));
        }
        server = startLocal();
        if (accountsSetup != null) {
            accountsArchive = Archive.open(data.resolve("accounts"));
            accounts = Accounts.of(accountsArchive);
            accountsSetup.accept(accounts);
            accountsServer = VerdantServer.start(new VerdantServer.Config("127.0.0.1", 0, TestRulebook.compiled(), accountsArchive, null)
                    .withAccounts(accounts), null);
        }
        if (!browsing) return;
        if (withDownloads) downloads = Files.createDirectories(data.resolve("downloads"));
        driver = Chromium.start(windowSize, downloads);
        wait = new WebDriverWait(driver, timeout);
        // the pages rebuild what they show (the form follows the YAML and the schema, a language switch redraws): an element found a moment ago may be replaced
        wait.ignoring(StaleElementReferenceException.class);
    }

    private VerdantServer startLocal() throws Exception {
        CompiledRulebook rulebook = rulebookCopy == null ? TestRulebook.compiled()
                : new CompiledRulebook(RulebookLoader.load(rulebookCopy.resolve("rules"), rulebookCopy.resolve("scorecards")));
        return VerdantServer.start(new VerdantServer.Config("127.0.0.1", 0, rulebook, archive, null), null);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }

    /**
     * The local server stopped and started again on the same archive, its rulebook compiled anew from
     * {@link #rulebookCopy()} (as an operator restarts {@code verdant serve} after a rulebook
     * release); it listens on another port, so pages are opened again with {@link #open}.
     */
    void restart() throws Exception {
        server.close();
        server = startLocal();
    }

    /** The copy of rules/ and scorecards/ the local server compiles ({@link #withRulebookCopy()}). */
    Path rulebookCopy() {
        return rulebookCopy;
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

    /** The accounts of the second server ({@link #withAccounts}). */
    Accounts accounts() {
        return accounts;
    }

    /** The local server's archive. */
    Archive archive() {
        return archive;
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

    /** Stores, on the local server, the test factory of 2023 with credit code {@code code} and the claims {@code notMet} not met: the record's id. */
    String storeFactory(String code, List<String> notMet) {
        Http.Answer stored = http().post("/api/evaluations", "application/yaml", org.verdant.archive.Stored.factory(2023, code, notMet));
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        return stored.header("X-Verdant-Record");
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

    /**
     * Stricter than {@link #noSidewaysScroll}: no element reaches past the screen's edge even inside
     * a box that scrolls, and no box scrolls sideways (scrollWidth over clientWidth); every folded
     * {@code details} is opened first, so what it holds is measured too.
     */
    void nothingWiderThanTheScreen(String page) {
        noSidewaysScroll(page);
        Object found = js("""
                document.querySelectorAll('details').forEach((d) => { d.open = true; });
                const w = document.documentElement.clientWidth;
                const wide = [...document.querySelectorAll('body *')].filter((e) => {
                  if (e.closest('dialog:not([open]), [hidden]')) return false;
                  const r = e.getBoundingClientRect();
                  return r.width > 0 && (r.right > w + 1 || r.left < -1);
                }).map((e) => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));
                const scrolling = [...document.querySelectorAll('.table-wrap, table, #diffs, section')].filter((e) =>
                  !e.closest('[hidden]') && e.scrollWidth > e.clientWidth + 1).map((e) => e.tagName + '#' + e.id + '.' + e.className
                  + ' ' + e.scrollWidth + '>' + e.clientWidth);
                document.querySelectorAll('details').forEach((d) => { d.open = false; });
                return wide.slice(0, 8).concat(scrolling.slice(0, 8));""");
        assertThat((List<?>) found).as(page + ": wider than the screen, or scrolling sideways inside a box").isEmpty();
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
