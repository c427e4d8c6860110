package org.verdant.serve;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.verdant.access.Actor;
import org.verdant.access.Role;
import org.verdant.accounts.Drafts;
import org.verdant.archive.Stored;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages at a phone's width (375 px) and by keyboard, the nav between them, the page asking in
 * its own language, live validation by the CLI's validate, every field's help, and a signed-in
 * person's drafts kept on the server. Screenshots go to target/screenshots/.
 */
@Timeout(600)
class PagesBrowserTest {
    static final String PASSWORD = "correct horse battery";
    static final String CODE = "91321183788362137D";
    static final List<String> NAV = List.of("/", "/evaluator.html", "/regulator.html", "/login.html");

    @RegisterExtension
    static final BrowserFixture browser = BrowserFixture.window(1366, 2600)
            .withAccounts(accounts -> accounts.add("cement-co", Set.of(Role.ENTERPRISE), Set.of(CODE), PASSWORD.toCharArray()));

    private Object js(String script, Object... args) {
        return browser.js(script, args);
    }

    private void ready() {
        browser.ready();
    }

    private void noSidewaysScroll(String page) {
        browser.noSidewaysScroll(page);
    }

    private List<String> navLinks() {
        return browser.navLinks();
    }

    private List<String> requested(String part) {
        return browser.requested(part);
    }

    private static String serverText(Drafts drafts, Actor actor) {
        try {
            return drafts.get(actor, "green-factory").map(Drafts.Draft::text).orElse(null);
        } catch (org.verdant.fault.Fault f) {
            throw new AssertionError(f);
        }
    }

    @Test
    void theEnterprisePageAtPhoneWidthAsksInItsLanguageValidatesWithoutEvaluatingAndHelpsOnEveryField() throws Exception {
        browser.phone();
        try {
            browser.open("");
            ready();
            assertThat(navLinks()).containsExactlyElementsOf(NAV);
            assertThat(browser.driver().findElement(By.cssSelector("nav#pages a[aria-current=page]")).getDomAttribute("href")).isEqualTo("/");
            noSidewaysScroll("the enterprise page");
            browser.screenshot("pages-01-enterprise-375.png");

            // the schemes and the template were asked for in the page's language
            assertThat(requested("/api/schemes")).isNotEmpty().allMatch(u -> u.contains("lang=zh"));
            assertThat(requested("/api/templates/")).isNotEmpty().allMatch(u -> u.contains("lang=zh"));

            // every field carries its help: one the schema never described
            WebElement address = browser.driver().findElement(By.cssSelector("[data-path='facility.address'] .help"));
            assertThat(address.getText()).contains("生产经营场所地址");
            assertThat(browser.driver().findElement(By.cssSelector("[data-path='site.land_area'] .help")).getText()).contains("亩", "ha");

            // live validation: the CLI's validate, nothing evaluated
            js("const s = document.getElementById('source'); s.value = arguments[0]; s.dispatchEvent(new Event('input'));",
                    "scheme: green-factory\nevaluation_date: 2026-03-01\nreporting_year: 2025\nfacility:\n  name: 示例\n  credit_code: 91321183788362137A\n");
            browser.until(ExpectedConditions.attributeToBe(By.id("live"), "class", "error"));
            assertThat(browser.driver().findElement(By.id("live")).getText()).contains("问题");
            assertThat(requested("/api/validate")).isNotEmpty();
            assertThat(requested("/api/evaluate")).as("pauses in typing evaluate nothing").isEmpty();
            browser.screenshot("pages-02-live-validation-375.png");

            browser.driver().findElement(By.id("lang-toggle")).click();
            browser.until(ExpectedConditions.textToBe(By.cssSelector("nav#pages a[href='/login.html']"), "Sign in"));
            browser.until(d -> !requested("/api/schemes?lang=en").isEmpty());
            browser.until(d -> String.valueOf(d.findElement(By.id("template-download")).getDomAttribute("href")).endsWith("lang=en"));
            // the form is rebuilt in English once its schema comes back
            browser.until(d -> d.findElement(By.cssSelector("[data-path='facility.address'] .help")).getText().contains("address of the site"));
            noSidewaysScroll("the enterprise page in English");
            browser.screenshot("pages-07-enterprise-375-en.png");
        } finally {
            browser.desktop();
        }
    }

    @Test
    void theRegulatorPageFitsAPhoneAndWorksByKeyboard() throws Exception {
        String code = Stored.creditCode(72);
        String record = browser.storeFactory(code, List.of("INF-05"));
        browser.phone();
        try {
            browser.open("regulator.html");
            browser.until(ExpectedConditions.textToBe(By.tagName("h1"), "异议复核"));
            assertThat(navLinks()).containsExactlyElementsOf(NAV);
            assertThat(browser.driver().findElement(By.cssSelector("nav#pages a[aria-current=page]")).getDomAttribute("href")).isEqualTo("/regulator.html");
            assertThat(browser.driver().findElement(By.cssSelector("nav#pages a[href='/']")).getText()).isEqualTo("企业自评");
            noSidewaysScroll("the regulator page");

            // by keyboard only: Tab from the top through the nav to the record's number, type it, Tab to the button, Enter
            js("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
            List<String> visited = new ArrayList<>();
            Actions keys = new Actions(browser.driver());
            for (int i = 0; i < 12 && !"record-id".equals(visited.isEmpty() ? null : visited.get(visited.size() - 1)); i++) {
                keys.sendKeys(Keys.TAB).perform();
                visited.add(String.valueOf(js("const e = document.activeElement; return e.id || e.getAttribute('href');")));
            }
            assertThat(visited).as("the Tab order").containsSubsequence("/", "/evaluator.html", "/regulator.html", "/login.html", "lang-toggle", "record-id");
            keys.sendKeys(record).sendKeys(Keys.TAB).perform();
            assertThat(js("return document.activeElement.id;")).isEqualTo("record-load");
            keys.sendKeys(Keys.ENTER).perform();
            browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("objection-form")));
            assertThat(browser.driver().findElement(By.id("original-summary")).getText()).contains(code);
            noSidewaysScroll("the regulator page with a record");
            browser.screenshot("pages-03-regulator-375.png");
        } finally {
            browser.desktop();
        }
    }

    @Test
    void aSignedInPersonsDraftIsKeptOnTheServerRestoredOnReloadAndANewerOneIsOverwrittenOnlyOnConfirmation() throws Exception {
        Actor cement = new Actor("cement-co", Set.of(Role.ENTERPRISE), Set.of(CODE));
        Drafts drafts = Drafts.of(browser.accountsArchive());
        browser.signIn("cement-co", PASSWORD);
        js("localStorage.clear();");

        String text = "scheme: green-factory\nevaluation_date: 2026-03-01\n# 草稿 A\n";
        js("const s = document.getElementById('source'); s.value = arguments[0]; s.dispatchEvent(new Event('input'));", text);
        // saved a moment after the change (the blank template the page opened may be saved first)
        browser.until(d -> text.equals(serverText(drafts, cement)));
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("draft-state"), "已保存到服务器"));

        // another browser: nothing in this one's storage, the server's draft comes back
        js("localStorage.clear();");
        browser.driver().navigate().refresh();
        ready();
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("draft-state"), "已从服务器恢复草稿"));
        assertThat(browser.driver().findElement(By.id("source")).getDomProperty("value")).isEqualTo(text);
        browser.screenshot("pages-04-draft-restored.png");

        // typing on with saves still in flight (a slow line: each draft's answer comes 1.5 s late) is no conflict:
        // the next save waits for the one in flight and goes over the revision it got back, so nothing asks
        js("""
                window.verdantAsked = 0;
                const showModal = HTMLDialogElement.prototype.showModal;
                HTMLDialogElement.prototype.showModal = function () { window.verdantAsked++; return showModal.call(this); };
                const plain = window.fetch;
                window.fetch = (url, init) => {
                  const answer = plain(url, init);
                  const slow = String(url).startsWith('/api/drafts/') && init && init.method === 'PUT';
                  return slow ? answer.then((r) => new Promise((done) => setTimeout(() => done(r), 1500))) : answer;
                };""");
        browser.id("view-yaml").click();
        WebElement source = browser.until(ExpectedConditions.elementToBeClickable(By.id("source")));
        source.sendKeys(Keys.chord(Keys.CONTROL, Keys.END));
        for (int burst = 0; burst < 4; burst++) {
            // a question (the modal dialog) would make the editor inert: stop typing and let the assertion below say why
            if (((Number) js("return window.verdantAsked;")).intValue() > 0) break;
            source.sendKeys("\n# 快速输入 " + burst);
            Thread.sleep(1000); // past the 800 ms pause that sends a save, while the one before is still unanswered
        }
        String typed = String.valueOf(browser.driver().findElement(By.id("source")).getDomProperty("value"));
        browser.until(d -> typed.equals(serverText(drafts, cement)) || ((Number) js("return window.verdantAsked;")).intValue() > 0);
        Thread.sleep(2000); // the last answer is in: nothing left to ask about
        assertThat(js("return window.verdantAsked;")).as("a false 'the server holds a newer draft'").isEqualTo(0L);
        assertThat(typed).contains("# 快速输入 3");
        assertThat(serverText(drafts, cement)).isEqualTo(typed);
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("draft-state"), "已保存到服务器"));
        assertThat(js("return document.getElementById('confirm').open;")).isEqualTo(false);
        browser.screenshot("pages-06-draft-typed-quickly.png");

        // saved meanwhile elsewhere: this page's older copy overwrites it only when the person confirms
        long before = drafts.get(cement, "green-factory").orElseThrow().revision();
        drafts.put(cement, "green-factory", null, "# saved in another browser\n", false, null);
        String mine = typed + "# 草稿 B\n";
        js("const s = document.getElementById('source'); s.value = arguments[0]; s.dispatchEvent(new Event('input'));", mine);
        browser.until(d -> Boolean.TRUE.equals(js("return document.getElementById('confirm').open;")));
        assertThat(browser.driver().findElement(By.id("confirm-text")).getText()).contains("别处保存");
        assertThat(drafts.get(cement, "green-factory").orElseThrow().text()).as("not yet overwritten").isEqualTo("# saved in another browser\n");
        browser.screenshot("pages-05-draft-confirm.png");
        browser.driver().findElement(By.id("confirm-yes")).click();
        browser.until(d -> mine.equals(serverText(drafts, cement)));
        assertThat(drafts.get(cement, "green-factory").orElseThrow().revision()).isEqualTo(before + 2);
    }
}
