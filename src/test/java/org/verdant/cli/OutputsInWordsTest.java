package org.verdant.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdant.text.Json;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verdant.cli.CliTest.run;
import static org.verdant.cli.CliTest.withRulebook;

/**
 * Issue 14's last codes in command outputs: the report's appendix writes each source once, the JSON
 * verdict names its sources in its language, diff and table list speak in words (codes stay in JSON).
 */
class OutputsInWordsTest {
    static final String CEMENT = "fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.yaml";
    /** Where the 2018 scorecard describes its fixed reference levels: one source that PRF-01 and PRF-02 both cite. */
    static final String REFERENCE_LEVELS = "(docs/criteria/green-factory-2018.md#reference-levels)";

    @TempDir
    Path tmp;

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) n++;
        return n;
    }

    @Test
    void theAppendixWritesASourceOnceWithEachOfItsFigures() {
        for (String lang : List.of("zh", "en")) {
            CliTest.Run r = run(withRulebook("report", CEMENT, "--format", "md", "--lang", lang));
            assertThat(r.code()).as(r.err()).isZero();
            String heading = "zh".equals(lang) ? "## 附录：暂定与占位数值（按来源）" : "## Appendix";
            assertThat(r.out()).contains(heading);
            String appendix = r.out().substring(r.out().indexOf(heading)).replace("\\", ""); // Markdown escapes are not what is read
            assertThat(count(appendix, REFERENCE_LEVELS)).as(lang + "\n" + appendix).isEqualTo(1);
            // both figures are listed under it, each with its own detail
            assertThat(appendix).contains("PRF-01").contains("PRF-02");
            // no source heading is written twice
            List<String> headings = new ArrayList<>();
            Matcher m = Pattern.compile("(?m)^\\*\\*[^*]+\\*\\*[:：] (.*)$").matcher(appendix);
            while (m.find()) headings.add(m.group(1));
            assertThat(headings).as(lang).isNotEmpty().doesNotHaveDuplicates();
        }
    }

    @Test
    void theJsonVerdictNamesItsSourcesInItsLanguageAndKeepsEachCitation() throws Exception {
        JsonNode zh = Json.read(run(withRulebook("evaluate", CEMENT, "--format", "json")).out());
        JsonNode en = Json.read(run(withRulebook("evaluate", CEMENT, "--format", "json", "--lang", "en")).out());
        assertThat(zh.path("sources").isArray()).isTrue();
        assertThat(zh.path("sources")).isNotEmpty();
        // the warnings' citations are the same in both languages: the key a script matches on
        assertThat(zh.path("warnings").findValuesAsText("source")).isEqualTo(en.path("warnings").findValuesAsText("source"));
        for (int i = 0; i < zh.path("sources").size(); i++) {
            JsonNode z = zh.path("sources").get(i);
            JsonNode e = en.path("sources").get(i);
            assertThat(z.path("id").asText()).isEqualTo(e.path("id").asText()).isNotEmpty();
            assertThat(z.path("cited_as")).isEqualTo(e.path("cited_as"));
            // every citation of a warning is listed under the source it cites
            for (JsonNode c : z.path("cited_as")) assertThat(zh.path("warnings").findValuesAsText("source")).contains(c.asText());
            assertThat(z.path("statuses")).isNotEmpty();
        }
        // the source that PRF-01 and PRF-02 cite: once, with both citations, titled in each language
        JsonNode levels = null;
        for (JsonNode s : zh.path("sources")) if (("(" + s.path("see").asText() + ")").equals(REFERENCE_LEVELS)) levels = s;
        assertThat(levels).isNotNull();
        assertThat(levels.path("cited_as").size()).isGreaterThanOrEqualTo(2);
        assertThat(levels.path("title").asText()).containsPattern("\\p{IsHan}");
        int index = 0;
        while (zh.path("sources").get(index) != levels) index++;
        assertThat(en.path("sources").get(index).path("title").asText()).isNotEqualTo(levels.path("title").asText());
    }

    @Test
    void diffNamesValuesAndStatusesInWordsAndItsJsonKeepsKeys() throws Exception {
        String a = "fixtures/green-factory/gbt36132-2025/pharma-zhejiang-5000tce-tier.yaml";
        String b = "fixtures/green-factory/gbt36132-2025/brewery-sichuan-10000tce-tier.yaml";
        CliTest.Run zh = run(withRulebook("diff", a, b));
        assertThat(zh.code()).as(zh.err()).isIn(0, 5);
        assertThat(zh.out()).doesNotContainPattern("(?m)^\\s+(ratio|computation|scoring): ");
        // the rulebook's figures with their statuses in words (a source's own text, quoted beside a value, is the source's)
        String rulebook = zh.out().substring(zh.out().indexOf("不同的规则库、参数和数值"));
        assertThat(rulebook).contains("（占位）").doesNotContain("(placeholder)").doesNotContain("(provisional)");
        assertThat(zh.out()).containsPattern("(?m)^\\s+(比例|计算|计分)：");
        CliTest.Run json = run(withRulebook("diff", a, b, "--format", "json"));
        JsonNode d = Json.read(json.out());
        List<String> paths = new ArrayList<>();
        for (JsonNode item : d.path("items")) for (JsonNode v : item.path("values")) paths.add(v.path("path").asText());
        assertThat(paths).anyMatch(p -> p.matches("(.*\\.)?(ratio|computation|scoring)"));
    }

    @Test
    void tableListNamesKindsAndStatusesInWordsAndJsonGivesTheCodes() throws Exception {
        CliTest.Run zh = run(withRulebook("table", "list"));
        assertThat(zh.code()).as(zh.err()).isZero();
        assertThat(zh.out()).doesNotContain("standard_example").doesNotContain("national_form").doesNotContain(" provisional ")
                .contains("国家通用表").contains("（默认）");
        CliTest.Run json = run(withRulebook("table", "list", "--format", "json"));
        assertThat(json.code()).as(json.err()).isZero();
        JsonNode tables = Json.read(json.out());
        assertThat(tables.findValuesAsText("kind")).contains("national_form");
        assertThat(tables.findValuesAsText("id")).contains("national-general");
    }

    @Test
    void calibrateLocatesAVerdictThatIsNotJsonInChinese() throws Exception {
        Path results = tmp.resolve("results.jsonl");
        List<String> lines = new ArrayList<>(TableCommandTest.cohort(20));
        lines.add(2, "{\"format\": \"verdant.verdict/1\",, }");
        Files.write(results, lines, StandardCharsets.UTF_8);
        CliTest.Run r = run("table", "calibrate", "src/test/resources/tables/test-general.yaml", "--from", results.toString(), "-o",
                tmp.resolve("c.yaml").toString());
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).containsPattern(Pattern.quote(results + ":3:") + "\\d+: 不是有效的 JSON：解析器原文：“")
                .doesNotContain("不是 JSON：Unexpected");
    }
}
