package org.verdant.serve;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.verdant.archive.Stored;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dispute over a record whose rulebook has since changed, in headless Chromium: an evaluation is
 * stored, a figure of the scorecard changes (INF-05 10 → 5 points, INF-06 5 → 10, its version
 * 2026.12.1 → 2026.12.2) and the server is restarted on it, then an objection is filed on the
 * regulator's page. The page shows the re-evaluation under the original rulebook (rebuilt from the
 * archive's snapshot) and under the current one, each with its version and digest, the diff of
 * each with its causes (the corrected claim; the rulebook's change), and after the ruling the
 * facility's history. Screenshots go to target/screenshots/.
 */
@Timeout(300)
class DisputeRulebookChangedBrowserTest {
    static final String OLD_VERSION = "2026.12.1";
    static final String NEW_VERSION = "2026.12.2";

    @RegisterExtension
    static final BrowserFixture browser = BrowserFixture.window(1280, 2600).withRulebookCopy();

    private WebElement id(String id) {
        return browser.id(id);
    }

    @Test
    void theRegulatorSeesTheObjectionUnderTheOriginalAndTheChangedCurrentRulebook() throws Exception {
        String code = Stored.creditCode(81);
        String record = browser.storeFactory(code, List.of("INF-05"));
        String originalDigest = browser.http().get("/api/evaluations/" + record).json().path("rulebook_digest").asText();

        changeTheFigures(browser.rulebookCopy().resolve("scorecards/green-factory/gbt36132-2018.yaml"));
        browser.restart();
        // the record's edition under the restarted server's rulebook: what `verify` compares the record with
        JsonNode verify = browser.http().post("/api/evaluations/" + record + "/verify", "application/json", "").json();
        String currentDigest = verify.path("rulebook_digest").asText();
        assertThat(verify.path("archived_rulebook_digest").asText()).isEqualTo(originalDigest);
        assertThat(currentDigest).as("the rulebook changed").startsWith("sha256:").isNotEqualTo(originalDigest);

        browser.open("regulator.html?record=" + record);
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("objection-form")));
        id("criteria").sendKeys("INF-05");
        id("reason").sendKeys("节能措施已落实，证明已补齐");
        browser.js("document.getElementById('corrected').value = arguments[0];", Stored.factory(2023, code, List.of()));
        id("file").click();
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("dispute")));

        // both re-evaluations, each with its rulebook's version and digest
        List<WebElement> rows = id("rechecks").findElements(By.cssSelector("tr:not(.head)"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getText()).contains("原规则库", "green-factory/gbt36132-2018@" + OLD_VERSION, originalDigest)
                .doesNotContain("与现行规则库相同");
        assertThat(rows.get(1).getText()).contains("现行规则库", "green-factory/gbt36132-2018@" + NEW_VERSION, currentDigest);

        // the diffs and their causes: under the original rulebook only the corrected claim; under the current one the rulebook too
        String diffs = id("diffs").getText();
        String underOriginal = diffs.substring(0, diffs.indexOf("现行规则库"));
        String underCurrent = diffs.substring(diffs.indexOf("现行规则库"));
        assertThat(underOriginal).contains("INF-05", "不符合 → 符合", "claims.INF-05.met").doesNotContain("INF-06", "规则库的变化");
        assertThat(underCurrent).contains("规则库的变化：", "规则库摘要 " + originalDigest + " → " + currentDigest,
                "green-factory/gbt36132-2018 的版本 " + OLD_VERSION + " → " + NEW_VERSION);
        WebElement inf06 = id("diffs").findElements(By.cssSelector("table")).get(1).findElements(By.tagName("tr")).stream()
                .filter(tr -> tr.getText().startsWith("INF-06")).findFirst().orElseThrow();
        assertThat(inf06.getText()).as("a change no input explains").contains("5 → 10", "规则库变化");
        WebElement inf05 = id("diffs").findElements(By.cssSelector("table")).get(1).findElements(By.tagName("tr")).stream()
                .filter(tr -> tr.getText().startsWith("INF-05")).findFirst().orElseThrow();
        assertThat(inf05.getText()).as("a corrected claim under a changed rulebook: both causes").contains("claims.INF-05.met", "规则库变化");
        browser.screenshot("dispute-changed-01-rechecks-zh.png");

        // the API says the same as the page
        JsonNode dispute = browser.http().get("/api/disputes/1").json();
        assertThat(dispute.path("reevaluations").get(0).path("rulebook_digest").asText()).isEqualTo(originalDigest);
        assertThat(dispute.path("reevaluations").get(1).path("rulebook_digest").asText()).isEqualTo(currentDigest);

        new Select(id("ruling")).selectByValue("partly");
        id("ruling-reason").sendKeys("措施属实；分值按现行规则库");
        id("rule").click();
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dispute-heading"), "异议部分成立"));
        browser.untilVisible(By.id("facility-history"));
        browser.until(d -> d.findElement(By.id("history-disputes")).getText().contains("异议部分成立"));
        assertThat(id("history-disputes").findElements(By.tagName("tr")).get(1).getText()).contains("INF-05", "记录链完整");
        browser.js("document.getElementById('facility-history').scrollIntoView()");
        browser.screenshot("dispute-changed-02-ruled-zh.png");

        id("lang-toggle").click();
        browser.until(ExpectedConditions.textToBe(By.tagName("h1"), "Dispute review"));
        assertThat(id("rechecks").getText()).contains("Original rulebook", "Current rulebook");
        assertThat(id("diffs").getText()).contains("What changed in the rulebook: ", "rulebook digest " + originalDigest + " → " + currentDigest,
                "version of green-factory/gbt36132-2018 " + OLD_VERSION + " → " + NEW_VERSION, "INF-05.points 10 (provisional) → 5 (provisional)",
                "the rulebook changed");
        assertThat(id("diffs").getText()).as("criterion names in the reader's language, though the record is Chinese")
                .contains("Building uses energy-, water-, land- and material-saving measures").doesNotContain("建筑采取节能");
        browser.screenshot("dispute-changed-03-en.png");
    }

    /** INF-05 and INF-06 swap their points, and the scorecard's version says so: a figure changes a scorecard, never a rule. */
    private static void changeTheFigures(Path card) throws Exception {
        String text = Files.readString(card, StandardCharsets.UTF_8);
        int at05 = text.indexOf("points: {value: 10,", text.indexOf("id: INF-05"));
        int at06 = text.indexOf("points: {value: 5,", text.indexOf("id: INF-06"));
        assertThat(at05).as("INF-05's points").isPositive().isLessThan(text.indexOf("id: INF-06"));
        assertThat(at06).as("INF-06's points").isPositive();
        text = text.substring(0, at05) + "points: {value: 5," + text.substring(at05 + "points: {value: 10,".length());
        at06 = text.indexOf("points: {value: 5,", text.indexOf("id: INF-06"));
        text = text.substring(0, at06) + "points: {value: 10," + text.substring(at06 + "points: {value: 5,".length());
        assertThat(text).contains("version: \"" + OLD_VERSION + "\"");
        text = text.replaceFirst("version: \"" + OLD_VERSION.replace(".", "\\.") + "\"", "version: \"" + NEW_VERSION + "\"");
        Files.writeString(card, text, StandardCharsets.UTF_8);
    }
}
