package org.verdant.serve;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole enterprise form by keyboard alone, in headless Chromium: from the page's load, Tab
 * (and Shift+Tab, Enter, the arrow keys, typed text) through the header, the scheme and edition
 * chooser (changed with the arrow keys and changed back), the view tabs (the arrow keys switch
 * them, the YAML editor is entered and left again), every field of the form, filling each required
 * one of a small factory, to 评价; the result takes the focus, and Tab reaches the PDF download,
 * which Enter downloads. At every step the focused element shows a focus ring, and no element
 * keeps the focus (no keyboard trap). Screenshots go to target/screenshots/.
 */
@Timeout(420)
class KeyboardWalkBrowserTest {
    /** The small factory's required fields, typed as they are reached. */
    static final Map<String, String> TYPED = new LinkedHashMap<>();

    static {
        TYPED.put("evaluation_date", "2026-03-01");
        TYPED.put("reporting_year", "2025");
        TYPED.put("facility.name", "键盘小厂");
        TYPED.put("facility.credit_code", "91331000MA0000000K");
        TYPED.put("facility.industry", "C2927");
        TYPED.put("facility.province", "浙江");
        TYPED.put("site.land_area", "30");
    }

    @RegisterExtension
    static final BrowserFixture browser = BrowserFixture.window(1280, 1000).withDownloads().waitingAtMost(java.time.Duration.ofSeconds(90));

    private Actions keys() {
        return new Actions(browser.driver());
    }

    private void press(CharSequence... k) {
        keys().sendKeys(k).perform();
    }

    private void shiftTab() {
        keys().keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
    }

    /** The focused element: its id (or href), the form field it belongs to, whether its focus is visible, whether it is empty and required. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> focus() {
        return (Map<String, Object>) browser.js("""
                const e = document.activeElement;
                const s = getComputedStyle(e);
                const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || (s.boxShadow && s.boxShadow !== 'none');
                const field = e.closest('[data-path]');
                return { id: e.id || e.getAttribute('href') || e.tagName, tag: e.tagName, path: field ? field.dataset.path : null,
                         ring: ring, required: e.getAttribute('aria-required') === 'true', empty: 'value' in e && e.value === '',
                         body: e === document.body };""");
    }

    @Test
    void theWholeFormByKeyboardAloneToTheResultAndThePdf() throws Exception {
        browser.open("");
        browser.js("localStorage.clear()");
        browser.driver().navigate().refresh();
        browser.ready();
        browser.until(d -> !d.findElements(By.cssSelector("#form [data-path='facility.name'] input")).isEmpty());
        browser.js("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");

        List<String> noRing = new ArrayList<>();
        List<String> trapped = new ArrayList<>();
        Set<String> typed = new LinkedHashSet<>();
        Set<String> visited = new LinkedHashSet<>();
        boolean schemeChanged = false;
        boolean yamlVisited = false;
        String before = null;
        for (int step = 0; step < 900; step++) {
            press(Keys.TAB);
            Map<String, Object> f = focus();
            String at = f.get("id") + (f.get("path") == null ? "" : " [" + f.get("path") + "]");
            if (Boolean.TRUE.equals(f.get("body"))) trapped.add("the focus fell to the page after " + before);
            if (at.equals(before)) trapped.add(at + " kept the focus");
            if (!Boolean.TRUE.equals(f.get("ring"))) noRing.add(at);
            visited.add(String.valueOf(f.get("id")));
            before = at;

            if ("scheme".equals(f.get("id")) && !schemeChanged) {
                // the edition by the arrow keys: the 2018 edition (its own criteria), then back to 2025
                press(Keys.ARROW_UP);
                browser.until(d -> !d.findElements(By.cssSelector("#form [data-path='claims.INF-12']")).isEmpty());
                assertThat(focus().get("id")).as("the chooser keeps the focus").isEqualTo("scheme");
                press(Keys.ARROW_DOWN);
                browser.until(d -> !d.findElements(By.cssSelector("#form [data-path='claims.G2']")).isEmpty());
                assertThat(browser.js("return document.getElementById('scheme').value")).isEqualTo("green-factory-2025");
                schemeChanged = true;
            } else if ("view-form".equals(f.get("id")) && !yamlVisited) {
                // the view tabs by the arrow keys; the YAML editor is entered and left by Tab and Shift+Tab
                press(Keys.ARROW_RIGHT);
                assertThat(focus().get("id")).as("ArrowRight moves to the YAML tab").isEqualTo("view-yaml");
                assertThat(browser.id("view-yaml").getDomAttribute("aria-selected")).isEqualTo("true");
                assertThat(browser.id("yaml-panel").isDisplayed()).isTrue();
                press(Keys.TAB);
                Map<String, Object> editor = focus();
                assertThat(editor.get("id")).isEqualTo("source");
                if (!Boolean.TRUE.equals(editor.get("ring"))) noRing.add("source (the YAML editor)");
                browser.screenshot("keyboard-01-yaml-editor.png");
                shiftTab();
                assertThat(focus().get("id")).as("Shift+Tab leaves the editor").isEqualTo("view-yaml");
                press(Keys.ARROW_LEFT);
                assertThat(focus().get("id")).isEqualTo("view-form");
                assertThat(browser.id("form-panel").isDisplayed()).isTrue();
                yamlVisited = true;
                before = "view-form";
            } else if (f.get("path") != null && TYPED.containsKey(String.valueOf(f.get("path"))) && Boolean.TRUE.equals(f.get("empty"))
                    && "INPUT".equals(f.get("tag"))) {
                press(TYPED.get(String.valueOf(f.get("path"))));
                typed.add(String.valueOf(f.get("path")));
            } else if (f.get("path") != null && Boolean.TRUE.equals(f.get("required")) && Boolean.TRUE.equals(f.get("empty"))) {
                trapped.add("a required field the walk has no value for: " + f.get("path"));
            }
            if ("evaluate".equals(f.get("id"))) break;
        }
        assertThat(trapped).as("keyboard traps, and required fields the walk could not fill").isEmpty();
        assertThat(noRing).as("focused elements without a visible focus ring").isEmpty();
        assertThat(schemeChanged && yamlVisited).as("the chooser and the view tabs were reached").isTrue();
        assertThat(typed).containsAll(TYPED.keySet());
        assertThat(visited).contains("lang-toggle", "template-load", "workbook-download", "file", "view-form", "evaluate");
        assertThat(focus().get("id")).as("Tab reached 评价").isEqualTo("evaluate");

        // the form is complete: the live check says so
        browser.until(ExpectedConditions.textToBe(By.id("live"), "校验通过：可以评价"));
        browser.screenshot("keyboard-02-form-filled.png");

        // Enter on 评价: the result takes the focus, so a keyboard or screen-reader user is there
        press(Keys.ENTER);
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
        browser.until(d -> "result-title".equals(focus().get("id")));
        assertThat(browser.id("message").getDomAttribute("aria-live")).isEqualTo("polite");
        browser.until(d -> !browser.id("score").getText().isBlank());
        browser.screenshot("keyboard-03-result-focused.png");

        // Tab to the PDF download, Enter downloads it
        List<String> after = new ArrayList<>();
        for (int i = 0; i < 6 && !"download-pdf".equals(after.isEmpty() ? null : after.get(after.size() - 1)); i++) {
            press(Keys.TAB);
            Map<String, Object> f = focus();
            after.add(String.valueOf(f.get("id")));
            if (!Boolean.TRUE.equals(f.get("ring"))) noRing.add(String.valueOf(f.get("id")));
        }
        assertThat(after).containsSubsequence("download-json", "download-report", "download-pdf");
        assertThat(noRing).isEmpty();
        press(Keys.ENTER);
        browser.until(d -> pdf() != null);
        assertThat(new String(Files.readAllBytes(pdf()), 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
        shiftTab();
        assertThat(focus().get("id")).as("Shift+Tab goes back").isEqualTo("download-report");
        browser.screenshot("keyboard-04-pdf.png");
    }

    /** The PDF report once it is wholly downloaded, else null. */
    private static Path pdf() {
        try (var files = Files.list(browser.downloads())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".report.pdf")).filter(p -> p.toFile().length() > 1000).findFirst().orElse(null);
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
