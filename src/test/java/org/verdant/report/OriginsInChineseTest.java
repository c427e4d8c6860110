package org.verdant.report;

import org.junit.jupiter.api.Test;
import org.verdant.explain.ExplainRenderer;
import org.verdant.explain.TraceBuilder;
import org.verdant.report.document.ReportDocument;
import org.verdant.report.document.ReportFormat;
import org.verdant.text.Messages;
import org.verdant.verdict.Verdict;
import org.verdant.yaml.PathIndex;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: where a level or figure came from (the origin words, the sources' titles and each
 * figure's detail) reads in Chinese in every fixture's Chinese text verdict, explanation, Markdown
 * report and JSON verdict (its provisional-figure warnings).
 */
class OriginsInChineseTest {
    static final Messages ZH = new Messages("zh");
    /** Four or more Latin words in a row: an English phrase. */
    static final Pattern ENGLISH = Pattern.compile("[A-Za-z][A-Za-z'’-]*(?:[\\s,;:()\\[\\]'\"-]+[A-Za-z][A-Za-z'’-]*){3,}");
    /**
     * What may stay Latin: file and field paths and anchors (with a slash, dot, hash or underscore),
     * standard numbers and ids (with a digit), units and status marks in brackets.
     */
    static final Pattern ALLOWED = Pattern.compile("\\S*[/.#_0-9]\\S*|\\[[A-Z][A-Za-z ]*\\]|tce|tCO2e?|kWh|GB/T|GB|DB\\d*");
    /** Marks of a line that says where something came from. */
    static final Pattern ORIGIN_LINE = Pattern.compile("docs/|scorecards/|(?<!\\|) — (?!\\|)|评分表|申报材料");
    /** An origin word the verdict carries, printed as it is instead of in words. */
    static final Pattern RAW_ORIGIN = Pattern.compile("— (scorecard|submission)\\b|; (scorecard|submission)\\b|[(（]submission \\(");

    @Test
    void everyOriginAndSourceLineReadsInChinese() throws Exception {
        List<Path> fixtures = PeopleOutputsTest.fixtures();
        assertThat(fixtures).hasSizeGreaterThan(20);
        Set<String> problems = new LinkedHashSet<>();
        for (Path f : fixtures) {
            byte[] bytes = Files.readAllBytes(f);
            Verdict v = PeopleOutputsTest.evaluate(f);
            check(problems, f + " text", TextVerdictRenderer.render(v, ZH), 1);
            check(problems, f + " explain", ExplainRenderer.render(v, TraceBuilder.judged(v), TraceBuilder.all(v, PathIndex.of(f.toString(), bytes), ZH), ZH), 1);
            check(problems, f + " report", ReportDocument.render(v, ZH, ReportFormat.md), 0);
            for (var w : org.verdant.verdict.VerdictJson.toJson(v, ZH).get("warnings")) {
                if (w.has("figure")) checkCitation(problems, f + " json warning", w.get("message").asText());
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theOriginWordsAreMessages() {
        assertThat(Origins.shown("scorecard", ZH)).isEqualTo("评分表");
        assertThat(Origins.shown("submission (references.x.basic = 3 %)", ZH)).isEqualTo("申报材料 (references.x.basic = 3 %)");
        assertThat(Origins.shown("scorecard", new Messages("en"))).isEqualTo("scorecard");
    }

    /** Every origin facts.References builds reads in Chinese, and as the verdict wrote it in English. */
    @Test
    void everyOriginReferencesBuildsIsAMessage() {
        Messages en = new Messages("en");
        String[][] cases = {
                {"1.2 × basic level 0.7", "1.2 × 基本值 0.7"},
                {"tier ≥ 10000 tce (annual energy 12 000 tce)", "年综合能源消费量所在档位 ≥ 1 万 tce（年综合能源消费量 12 000 tce）",
                        "tier ≥ 10,000 tce (annual energy 12 000 tce)"},
                {"the factory's annual energy use (energy.carriers)", "工厂的年综合能源消费量（energy.carriers）"},
                {"a tier for annual energy 12 tce", "年综合能源消费量 12 tce 所在的档位"},
                {"references.C1-1.industry_average = 3 kg is not in the indicator's unit (a plain ratio)",
                        "references.C1-1.industry_average = 3 kg 的单位不是该指标的单位（无量纲比值）"},
                {"references.x.basic (the advanced level is derived from it)", "references.x.basic（先进值由基本值推算）"},
                {"scorecard default (references.plot_ratio.basic not stated)", "评分表默认值（references.plot_ratio.basic 未申报）"},
        };
        for (String[] c : cases) {
            assertThat(Origins.shown(c[0], ZH)).isEqualTo(c[1]);
            assertThat(Origins.shown(c[0], en)).as("numbers written for people").isEqualTo(c.length > 2 ? c[2] : c[0]);
        }
    }

    /** A Latin word: not part of a path, field, anchor or number. */
    static final Pattern LATIN_WORD = Pattern.compile("(?<![A-Za-z0-9_./#<>-])[A-Za-z][A-Za-z'-]+(?![A-Za-z0-9_./#<>-])");
    /** Latin words a Chinese citation may hold: the project's name, standard prefixes, codes, units and a YAML key. */
    static final Set<String> CITATION_WORDS = Set.of("Verdant", "GB", "GI", "MGT", "tce", "kgce", "kWh", "min", "notes");

    /** A provisional figure's warning: everything after the figure (its source, title and detail) is Chinese. */
    static void checkCitation(Set<String> problems, String what, String message) {
        int open = message.indexOf('（');
        String cited = open < 0 ? message : message.substring(open);
        Matcher w = LATIN_WORD.matcher(ALLOWED.matcher(cited).replaceAll(" "));
        while (w.find()) {
            if (!CITATION_WORDS.contains(w.group())) {
                problems.add(what + ": English '" + w.group() + "' in: " + message);
                return;
            }
        }
    }

    static void check(Set<String> problems, String what, String text, int skipTitleLines) {
        String[] lines = text.split("\n");
        for (int i = skipTitleLines; i < lines.length; i++) {
            String line = lines[i];
            if (!ORIGIN_LINE.matcher(line).find()) continue;
            Matcher raw = RAW_ORIGIN.matcher(line);
            if (raw.find()) problems.add(what + ": origin word '" + raw.group() + "' in: " + line.strip());
            String rest = ALLOWED.matcher(line).replaceAll(" ");
            Matcher e = ENGLISH.matcher(rest);
            if (e.find()) problems.add(what + ": English '" + e.group() + "' in: " + line.strip());
        }
    }
}
