package org.verdant.report.document;

import org.verdant.plan.Improvement;
import org.verdant.plan.ImprovementAdvisor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.verdant.evaluation.Evaluator;
import org.verdant.text.Messages;
import org.verdant.support.TestRulebook;
import org.verdant.verdict.Verdict;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evaluation report of one fixture of each scheme, in HTML and Markdown: its structure and
 * key figures against the fixture's checked-in JSON verdict, HTML well-formedness, and escaping.
 */
class ReportDocumentTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A fixture, the options it is evaluated with, and what its report must show. */
    record Case(String fixture, String grading, String score, int radarAxes, int bars) {
        @Override
        public String toString() {
            return Path.of(fixture).getFileName().toString();
        }
    }

    static Stream<Case> fixtures() {
        return Stream.of(
                new Case("fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer", null, "98.33 / 100", 6, 6),
                new Case("fixtures/green-factory/gbt36132-2025/cement-yunnan-high-altitude", null, "54.72 / 100", 5, 5),
                new Case("fixtures/green-park/miit-2016-586/zhenjiang-etdz-national-strong", null, "93.63", 6, 6),
                new Case("fixtures/zero-carbon-park/ndrc-2025-910/wuxi-150k-park-within-park", null, "不计分（否决指标与引导性指标）", 0, 0),
                new Case("fixtures/green-supply-chain/miit-2016-586/smartphone-guangdong-just-below-five-stars", "gsc-electronics-egsci",
                        "84.99 / 100", 6, 6));
    }

    static Verdict evaluate(String fixture, String grading) throws IOException {
        return evaluate(fixture + ".yaml", Files.readAllBytes(Path.of(fixture + ".yaml")), grading);
    }

    static Verdict evaluate(String file, byte[] bytes, String grading) {
        try {
            return new Evaluator(TestRulebook.compiled()).evaluate(file, bytes, new Evaluator.Options(null, grading));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static JsonNode expected(String fixture) throws IOException {
        return JSON.readTree(Path.of(fixture + ".expected.json").toFile());
    }

    /** Parses HTML with jsoup, failing on any parse error, and checks it is well-formed XML as well (polyglot markup). */
    static Document parse(String html) throws Exception {
        Parser parser = Parser.htmlParser().setTrackErrors(20);
        Document doc = Jsoup.parse(html, "", parser);
        assertThat(parser.getErrors()).as("HTML parse errors").isEmpty();
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.newDocumentBuilder().parse(new InputSource(new StringReader(html)));
        return doc;
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void htmlReportShowsTheVerdict(Case c) throws Exception {
        Verdict v = evaluate(c.fixture(), c.grading());
        JsonNode json = expected(c.fixture());
        String html = ReportDocument.render(v, new Messages("zh"), ReportFormat.html);
        Document doc = parse(html);

        assertThat(doc.select("html").attr("lang")).isEqualTo("zh-CN");
        assertThat(doc.select("#result-score").text()).isEqualTo(c.score());
        assertThat(doc.select("#result-basic").text()).startsWith(json.get("eligible").isNull() ? "待定"
                : json.get("eligible").asBoolean() ? "符合" : "不符合");
        assertThat(doc.select("td:contains(" + json.at("/facility/credit_code").asText() + ")")).isNotEmpty();

        // one row per gate, in the verdict's order and with its status
        Elements gates = doc.select("tr.gate");
        assertThat(gates).hasSize(json.get("gates").size());
        for (int i = 0; i < gates.size(); i++) {
            JsonNode g = json.get("gates").get(i);
            assertThat(gates.get(i).attr("data-id")).isEqualTo(g.get("id").asText());
            assertThat(gates.get(i).attr("data-status")).isEqualTo(g.get("status").asText());
            assertThat(gates.get(i).text()).contains(g.get("name").asText()).contains(g.get("reason").asText());
        }

        // one section per first-level indicator, each criterion once, with its points
        Elements sections = doc.select("section.category-section");
        assertThat(sections.eachAttr("data-id")).containsExactlyElementsOf(ids(json.get("categories")));
        Elements criteria = doc.select("tr.criterion");
        assertThat(criteria.eachAttr("data-id")).containsExactlyElementsOf(ids(json.get("criteria")));
        for (JsonNode cat : json.get("categories")) {
            if (!cat.has("weighted_score")) continue;
            assertThat(doc.select("tr.category[data-id=" + cat.get("id").asText() + "]").text())
                    .contains(plain(cat.get("weighted_score")) + " / ");
        }

        // charts drawn from the data: one radar axis and one bar per scored category
        assertThat(doc.select("svg.radar line.axis")).hasSize(c.radarAxes());
        assertThat(doc.select("svg.bars g.bar")).hasSize(c.bars());
        assertThat(doc.select("svg.bars g.bar rect.gained")).hasSize(c.bars());

        // quantitative indicators with their computations, provisional figures with their sources
        for (JsonNode crit : json.get("criteria")) {
            JsonNode computation = crit.at("/values/computation");
            if (computation.isTextual()) {
                // the report writes the computation's figures as people write them (docs/numbers.md), the JSON as submitted
                assertThat(doc.select(".calc[data-id=" + crit.get("id").asText() + "]").text())
                        .contains(org.verdant.text.Numbers.inText(computation.asText(), "zh"));
            }
        }
        // provisional figures grouped by the source they cite (the JSON's sources, joined by cited_as): each source written
        // once with its title and where it is described, each figure once under it; a provenance citing no source is its own group
        java.util.Map<String, String> headingByCitation = new java.util.HashMap<>();
        for (JsonNode s : json.get("sources")) {
            String heading = s.path("title").asText() + (s.has("see") ? " (" + s.path("see").asText() + ")" : "");
            for (JsonNode cited : s.path("cited_as")) headingByCitation.put(cited.asText(), heading);
        }
        java.util.Map<String, java.util.Set<String>> bySource = new java.util.LinkedHashMap<>();
        for (JsonNode w : json.get("warnings")) {
            if (!w.has("figure")) continue;
            String source = w.path("source").asText("");
            String heading = source.isBlank() ? "（未注明来源）"
                    : headingByCitation.getOrDefault(source, org.verdant.report.Origins.shown(source, new Messages("zh"), v.sources()));
            bySource.computeIfAbsent(heading, k -> new java.util.LinkedHashSet<>())
                    .add(w.get("figure").asText() + "|" + w.path("value") + "|" + w.path("status").asText() + "|" + source);
        }
        Elements groups = doc.select("#provisional .source-group");
        assertThat(groups).hasSize(bySource.size());
        int i = 0;
        for (var e : bySource.entrySet()) {
            Element g = groups.get(i++);
            assertThat(g.select("p.source").text()).endsWith(e.getKey());
            assertThat(g.select("tr.provisional-row")).hasSize(e.getValue().size());
        }
        assertThat(doc.select("#provisional p.source").eachText()).doesNotHaveDuplicates();
        assertThat(doc.select("#provisional").text()).as("no paragraph per figure").doesNotContain("使用前请与官方表格核对");

        // the official structure: report number, contents, profile, basis, process, content, conclusion, attachments
        assertThat(doc.select("#report-number").text()).matches("[A-Z]+-\\d{4}-[0-9A-F]{8}");
        assertThat(doc.select("nav.toc a").eachAttr("href")).contains("#information", "#basis", "#process", "#content",
                "#conclusion", "#attachments", "#provisional");
        for (String id : List.of("information", "basis", "process", "content", "gates", "results", "categories", "quantitative",
                "conclusion", "improvement", "attachments", "provisional", "trace")) {
            assertThat(doc.select("#" + id)).as(id).hasSize(1);
        }
        assertThat(doc.select("#recommendation").text()).isNotBlank();
        assertThat(doc.select(".signature").text()).contains("盖章");

        assertThat(doc.text()).doesNotContain("doc.").doesNotContain("label.").doesNotContain("status.");
        assertThat(doc.select("script")).isEmpty();
        assertThat(doc.select("style").html()).contains("size: A4").contains("break-inside: avoid");
        // the same verdict renders to the same bytes
        assertThat(ReportDocument.render(v, new Messages("zh"), ReportFormat.html)).isEqualTo(html);
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void markdownReportHasTheSameStructure(Case c) throws Exception {
        Verdict v = evaluate(c.fixture(), c.grading());
        JsonNode json = expected(c.fixture());
        String md = ReportDocument.render(v, new Messages("zh"), ReportFormat.md);

        assertThat(md).startsWith("# ").doesNotContain("<svg").doesNotContain("doc.").doesNotContain("{{").doesNotContain("{%");
        assertThat(headings(md, "## ")).containsExactly("## 1 " + new Messages("zh").get("doc.official.profile." + json.get("scheme").asText()),
                "## 2 评价依据", "## 3 评价过程", "## 4 评价内容", "## 5 评价结论", "## 6 附件", "## 附录：暂定与占位数值（按来源）",
                "## 规则库、输入文件与签章");
        assertThat(headings(md, "### ")).contains("### 4.1 基本要求与否决项核查", "### 4.2 评价结果", "### 4.3 各一级指标评价",
                "### 4.4 定量指标及计算过程", "### 5.1 建议", "### 5.2 改进建议", "### 附件 1 证据文件清单");
        assertThat(md).contains("| " + scoreLabel(json) + " | **" + c.score() + "** |");
        for (JsonNode g : json.get("gates")) {
            assertThat(md).containsPattern("(?m)^\\| " + Pattern.quote(g.get("id").asText()) + " \\| .*\\| "
                    + Pattern.quote(statusZh(g.get("status").asText())) + " \\| ");
        }
        List<String> sections = headings(md, "#### 4.3.");
        assertThat(sections).hasSize(json.get("categories").size());
        for (int i = 0; i < sections.size(); i++) {
            assertThat(sections.get(i)).startsWith("#### 4.3." + (i + 1) + " " + json.get("categories").get(i).get("id").asText() + " ");
        }
        for (JsonNode crit : json.get("criteria")) {
            assertThat(md).containsPattern("(?m)^\\| " + Pattern.quote(crit.get("id").asText()) + " \\(");
        }
        // every table is a well-formed GFM table: each row has as many cells as its header
        assertTablesWellFormed(md);
        if (c.radarAxes() > 0) assertThat(md).contains("上表即图表数据");
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void markdownRendersAsGfmTables(Case c) throws Exception {
        Verdict v = evaluate(c.fixture(), c.grading());
        JsonNode json = expected(c.fixture());
        Document doc = gfm(ReportDocument.render(v, new Messages("zh"), ReportFormat.md));
        assertThat(doc.select("h2").eachText()).containsExactly("1 " + new Messages("zh").get("doc.official.profile." + json.get("scheme").asText()),
                "2 评价依据", "3 评价过程", "4 评价内容", "5 评价结论", "6 附件", "附录：暂定与占位数值（按来源）", "规则库、输入文件与签章");
        Element gates = doc.select("h3:contains(基本要求与否决项核查) + table").first();
        assertThat(gates).isNotNull();
        assertThat(gates.select("tbody tr")).hasSize(json.get("gates").size());
        for (int i = 0; i < json.get("gates").size(); i++) {
            Elements cells = gates.select("tbody tr").get(i).select("td");
            assertThat(cells).hasSize(6);
            assertThat(cells.get(0).text()).isEqualTo(json.get("gates").get(i).get("id").asText());
            assertThat(cells.get(4).text()).startsWith(json.get("gates").get(i).get("reason").asText());
        }
        assertThat(doc.select("h4:matches(^4\\.3\\.\\d)")).hasSize(json.get("categories").size());
        List<String> firstCells = doc.select("h4:matches(^4\\.3\\.\\d) ~ table tbody tr td:eq(0)").eachText();
        for (JsonNode crit : json.get("criteria")) {
            assertThat(firstCells).anyMatch(t -> t.startsWith(crit.get("id").asText() + " ("));
        }
        // no escape or emphasis marker is left over as text
        assertThat(doc.text()).doesNotContain("\\|").doesNotContain("\\<").doesNotContain("**");
    }

    /** The Markdown as GitHub renders it (CommonMark with GFM tables), parsed. */
    static Document gfm(String md) {
        var extensions = List.of(org.commonmark.ext.gfm.tables.TablesExtension.create());
        var parser = org.commonmark.parser.Parser.builder().extensions(extensions).build();
        var renderer = org.commonmark.renderer.html.HtmlRenderer.builder().extensions(extensions).build();
        return Jsoup.parseBodyFragment(renderer.render(parser.parse(md)));
    }

    @Test
    void escapesTheFacilityNameAndEvidence() throws Exception {
        String yaml = TestRulebook.with(TestRulebook.base(), "facility.name", "'<script>alert(\"x\")</script> & Co | Ltd *bold*'");
        yaml = TestRulebook.with(yaml, "claims.B1.evidence", "['<img src=x onerror=alert(1)>', 'a | b']");
        Verdict v = evaluate("escape.yaml", yaml.getBytes(StandardCharsets.UTF_8), null);

        String html = ReportDocument.render(v, new Messages("zh"), ReportFormat.html);
        Document doc = parse(html);
        assertThat(doc.select("script")).isEmpty();
        assertThat(doc.select("img")).isEmpty();
        assertThat(html).doesNotContain("<script>").doesNotContain("<img")
                .contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co");
        assertThat(doc.select(".cover .facility").text()).isEqualTo("<script>alert(\"x\")</script> & Co | Ltd *bold*");
        assertThat(doc.select("title").text()).contains("<script>alert(\"x\")</script>");
        assertThat(doc.select("tr.gate[data-id=B1] ul.evidence li").eachText()).contains("<img src=x onerror=alert(1)>", "a | b");

        String md = ReportDocument.render(v, new Messages("zh"), ReportFormat.md);
        assertThat(md).doesNotContainPattern("(?<!\\\\)[<>]") // every angle bracket escaped: no raw HTML
                .contains("\\<script\\>alert(\"x\")\\</script\\> \\& Co \\| Ltd \\*bold\\*")
                .contains("\\<img src=x onerror=alert(1)\\>; a \\| b");
        assertTablesWellFormed(md);
        Document rendered = gfm(md);
        assertThat(rendered.select("script, img")).isEmpty();
        assertThat(rendered.select("h2:contains(企业基本情况) + table tbody tr").first().select("td").get(1).text())
                .isEqualTo("<script>alert(\"x\")</script> & Co | Ltd *bold*");
        assertThat(rendered.select("h3:contains(基本要求与否决项核查) + table tbody tr").first().select("td").get(5).text())
                .isEqualTo("<img src=x onerror=alert(1)>; a | b");
    }

    @Test
    void englishReport() throws Exception {
        Verdict v = evaluate("fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer", null);
        Document doc = parse(ReportDocument.render(v, new Messages("en"), ReportFormat.html));
        assertThat(doc.select("html").attr("lang")).isEqualTo("en");
        assertThat(doc.select("h1").text()).isEqualTo("Green factory third-party evaluation report");
        assertThat(doc.select("h2").eachText()).startsWith("Contents", "1 Company profile", "2 Basis of the evaluation",
                "3 Evaluation process", "4 Evaluation content", "5 Conclusion", "6 Attachments");
        assertThat(doc.select("h3").eachText()).contains("4.1 Basic requirements and veto checks", "4.2 Results");
        assertThat(doc.select("#result-basic").text()).isEqualTo("conform");
        assertThat(doc.select("#method").text()).startsWith("The basic requirements").contains("weight × indicator score ÷ 100");
        assertThat(doc.select("tr.improvement").first().text()).contains("PRD-06").contains("15 of 15").contains("1.67");
        assertThat(doc.select("svg.radar text.axis-label").eachText()).anyMatch(t -> t.startsWith("PRD 83.3 %"));
    }

    @Test
    void zeroCarbonParkHasNoScoreAndShowsItsCoreVetoAndGuidance() throws Exception {
        Verdict v = evaluate("fixtures/zero-carbon-park/ndrc-2025-910/wuxi-150k-park-within-park", null);
        assertThat(v.eligible()).isNull();
        Document doc = parse(ReportDocument.render(v, new Messages("zh"), ReportFormat.html));
        assertThat(doc.select("#result-basic").text()).startsWith("待定");
        assertThat(doc.select("#result-grade").text()).isEqualTo("无（未选择分级表）");
        assertThat(doc.select("svg")).isEmpty();
        assertThat(doc.select("table.categories")).isEmpty();
        Elements rows = doc.select("tr.guidance-row");
        assertThat(rows.eachAttr("data-id")).containsExactly("Z0", "Z1", "Z2", "Z3", "Z4", "Z5");
        assertThat(rows.first().text()).contains("核心指标").contains("否决").contains("0.2 tCO2e/tce").contains("该能耗档位未规定");
        assertThat(doc.select("tr.guidance-row[data-id=Z5]").text()).contains("60 %").contains("80 %").contains("不符合");
        // no points: the improvement list names the undecided veto and the guidance indicators not met, without points
        Elements improvements = doc.select("tr.improvement");
        assertThat(improvements.eachAttr("data-id")).containsExactly("Z0", "Z2", "Z4", "Z5");
        assertThat(improvements.first().hasClass("blocking")).isTrue();
        assertThat(doc.select("table.improvements th").eachText()).doesNotContain("未得分");
        assertThat(doc.select("tr.criterion")).allSatisfy(r -> assertThat(r.select("td")).hasSize(6));
    }

    @Test
    void greenParkShowsTheIndexPerYearAndTheSwitches() throws Exception {
        Verdict v = evaluate("fixtures/green-park/miit-2016-586/zhenjiang-etdz-national-strong", null);
        Document doc = parse(ReportDocument.render(v, new Messages("zh"), ReportFormat.html));
        assertThat(doc.select("tr.gi-year").eachText()).containsExactly(
                "2023 85.99 24 8 — 是 未设合格线", "2024 92.26 24 8 — 是 未设合格线", "2025 93.63 24 8 — 是 未设合格线");
        assertThat(doc.select("tr.switch")).hasSize(4);
        assertThat(doc.select("tr.switch").first().text()).contains("比值以 1 封顶").contains("cap_ratio_at_one").contains("true");
        assertThat(doc.select("#result-score").parents().select("th").first()).isNotNull();
        assertThat(doc.text()).contains("园区绿色指数 GI（2025 年）");
        // each index indicator shows its three years
        assertThat(doc.select(".calc[data-id=EG1] table.years tbody tr")).hasSize(3);
        assertThat(doc.select(".calc[data-id=EG1]").text()).contains("540 万 万元 ÷ 264 万 tce = 2.0455 万元/tce");
    }

    @Test
    void gradeAndStrongestCategoriesForASupplyChain() throws Exception {
        Verdict v = evaluate("fixtures/green-supply-chain/miit-2016-586/smartphone-guangdong-just-below-five-stars", "gsc-electronics-egsci");
        Document doc = parse(ReportDocument.render(v, new Messages("zh"), ReportFormat.html));
        assertThat(doc.select("#result-grade").text()).startsWith("★★★★（").contains("EGSCI");
        assertThat(doc.text()).contains("得分率最高的一级指标：X3 绿色生产 (97.5 %)；X1 绿色供应链管理战略 (97 %)");
        // largest effect on the total first: X41 product recovery loses 4.25 of 5
        assertThat(doc.select("tr.improvement").first().attr("data-id")).isEqualTo("X41");
        assertThat(doc.select("tr.improvement").first().text()).contains("4.25").contains("引领值 100 %");
    }

    @Test
    void theImprovementSectionTakesAnotherAdvisor() throws Exception {
        Verdict v = evaluate("fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer", null);
        ImprovementAdvisor advisor = (verdict, m) -> List.of(new Improvement("X-1", "<b>plan</b>", "c", false, "not_met", "不符合",
                "1", "2", "do it"));
        Document doc = parse(ReportDocument.render(v, new Messages("zh"), ReportFormat.html, advisor));
        assertThat(doc.select("tr.improvement").eachAttr("data-id")).containsExactly("X-1");
        assertThat(doc.select("tr.improvement b")).isEmpty();
    }

    @Test
    void radarNeedsThreeAxesAndBarsShareOneScale() {
        assertThat(Charts.radar(List.of(new Charts.Datum("A", "a", 50, 5, 5), new Charts.Datum("B", "b", 100, 10, 0)))).isNull();
        Charts.Bars bars = Charts.bars(List.of(new Charts.Datum("A", "a", 50, 5, 5), new Charts.Datum("B", "b", 100, 20, 0)));
        assertThat(bars.bars()).hasSize(2);
        // A's 10 points span half of B's 20
        double a = Double.parseDouble(bars.bars().get(0).gainedWidth()) + Double.parseDouble(bars.bars().get(0).lostWidth());
        double b = Double.parseDouble(bars.bars().get(1).gainedWidth());
        assertThat(a * 2).isCloseTo(b, org.assertj.core.data.Offset.offset(0.2));
        assertThat(Charts.wrap("Energy and resource inputs", 14)).containsExactly("Energy and", "resource", "inputs");
    }

    // ---- helpers ----

    private static List<String> ids(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get("id").asText()));
        return out;
    }

    private static String plain(JsonNode number) {
        return number.decimalValue().stripTrailingZeros().toPlainString();
    }

    private static String scoreLabel(JsonNode json) {
        return json.has("green_index") ? "园区绿色指数 GI（" + json.get("reporting_year").asInt() + " 年）" : "评价得分";
    }

    private static String statusZh(String code) {
        return new Messages("zh").get("status." + code);
    }

    private static List<String> headings(String md, String prefix) {
        return md.lines().filter(l -> l.startsWith(prefix)).toList();
    }

    /** Each table's rows have as many cells as its header (escaped pipes do not count). */
    static void assertTablesWellFormed(String md) {
        List<String> lines = md.lines().toList();
        Pattern cell = Pattern.compile("(?<!\\\\)\\|");
        Integer columns = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith("|")) {
                columns = null;
                continue;
            }
            Matcher m = cell.matcher(line);
            int pipes = 0;
            while (m.find()) pipes++;
            if (columns == null) {
                columns = pipes;
                assertThat(i + 1 < lines.size() && lines.get(i + 1).matches("\\|(-+:?\\|)+")).as("delimiter row after " + line).isTrue();
                assertThat(lines.get(i - 1)).as("blank line before a table: " + line).isEmpty();
            }
            assertThat(pipes).as(line).isEqualTo(columns);
        }
    }
}
