package org.verdant.rulebook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdant.evaluation.Evaluator;
import org.verdant.report.TextVerdictRenderer;
import org.verdant.support.TestRulebook;
import org.verdant.text.Messages;
import org.verdant.text.Text;
import org.verdant.verdict.Verdict;
import org.verdant.verdict.VerdictJson;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 14: a figure's source and detail in both languages, carried by the rulebook that read them
 * and by the verdict judged by it, so two rulebooks in one process never show each other's titles.
 */
class SourcesTest {
    static final String FIXTURE = "fixtures/green-factory/gbt36132-2018/autoparts-anhui-self-assessment-gaps.yaml";
    static final String LEVELS_ZH = "GB/T 36132-2018 5.7 绩效，固定的参考水平与系数";
    static final String LEVELS_EN = "GB/T 36132-2018 5.7 performance 绩效, fixed reference levels and factors";

    @TempDir
    Path tmp;

    @Test
    void aDetailIsReadInBothLanguagesAndTheVerdictCarriesItsChineseCitation() {
        Rulebook rb = TestRulebook.compiled().rulebook();
        String en = LEVELS_EN + " (docs/criteria/green-factory-2018.md#reference-levels): PRF-02 basic ≥ 30% [P]";
        assertThat(rb.sources().of(en)).isEqualTo(new Text(LEVELS_ZH + " (docs/criteria/green-factory-2018.md#reference-levels)：PRF-02 基本值 ≥ 30% [P]", en));
        Verdict v = evaluate(TestRulebook.compiled());
        assertThat(v.sources().in("x; " + en, "zh")).isEqualTo("x; " + rb.sources().of(en).zh());
        assertThat(v.sources().in(en, "en")).isEqualTo(en);
    }

    @Test
    void twoRulebooksInOneProcessEachShowTheirOwnTitles() throws Exception {
        Path scorecards = TestRulebook.copyScorecards(tmp);
        Path file = scorecards.resolve("green-factory/gbt36132-2018.yaml");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, text.replace("{zh: \"" + LEVELS_ZH + "\"", "{zh: \"另一本规则库的参考水平\"")
                .replace("{zh: \"PRF-02 基本值 ≥ 30% [P]\"", "{zh: \"另一本的 PRF-02 基本值\""), StandardCharsets.UTF_8);
        CompiledRulebook other = new CompiledRulebook(RulebookLoader.load(Path.of("rules"), scorecards));
        Verdict theirs = evaluate(other);
        Verdict ours = evaluate(TestRulebook.compiled());
        Messages zh = new Messages("zh");
        String ourText = TextVerdictRenderer.render(ours, zh);
        String theirText = TextVerdictRenderer.render(theirs, zh);
        assertThat(ourText).contains(LEVELS_ZH + " (docs/criteria/green-factory-2018.md#reference-levels)：PRF-02 基本值 ≥ 30% [P]")
                .doesNotContain("另一本");
        assertThat(theirText).contains("另一本规则库的参考水平 (docs/criteria/green-factory-2018.md#reference-levels)：另一本的 PRF-02 基本值")
                .doesNotContain(LEVELS_ZH);
        // the JSON keeps the English citation of each figure; its warnings speak the verdict's language
        String json = VerdictJson.write(ours, zh);
        assertThat(json).contains("\"basic_source\" : \"" + LEVELS_EN + " (docs/criteria/green-factory-2018.md#reference-levels): PRF-02 basic ≥ 30% [P]\"");
        assertThat(json).contains("（" + LEVELS_ZH + " (docs/criteria/green-factory-2018.md#reference-levels)：PRF-02 基本值 ≥ 30% [P]）");
        assertThat(VerdictJson.write(ours, new Messages("en"))).contains("(" + LEVELS_EN + " (docs/criteria/green-factory-2018.md#reference-levels): PRF-02 basic ≥ 30% [P])");
    }

    @Test
    void aPlainDetailIsShownAsWrittenAndAHalfWrittenOneIsALocatedError() throws Exception {
        Path scorecards = TestRulebook.copyScorecards(tmp);
        Path file = scorecards.resolve("green-factory/gbt36132-2018.yaml");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, text.replace("detail: {zh: \"PRF-02 基本值 ≥ 30% [P]\", en: \"PRF-02 basic ≥ 30% [P]\"}", "detail: \"PRF-02 写法 ≥ 30%\""),
                StandardCharsets.UTF_8);
        Rulebook plain = RulebookLoader.load(Path.of("rules"), scorecards);
        String en = LEVELS_EN + " (docs/criteria/green-factory-2018.md#reference-levels): PRF-02 写法 ≥ 30%";
        assertThat(plain.sources().of(en).zh()).isEqualTo(LEVELS_ZH + " (docs/criteria/green-factory-2018.md#reference-levels)：PRF-02 写法 ≥ 30%");

        String half = text.replace("detail: {zh: \"PRF-02 基本值 ≥ 30% [P]\", en: \"PRF-02 basic ≥ 30% [P]\"}", "detail: {zh: \"PRF-02 基本值 ≥ 30% [P]\"}");
        Files.writeString(file, half, StandardCharsets.UTF_8);
        int line = half.substring(0, half.indexOf("detail: {zh: \"PRF-02 基本值 ≥ 30% [P]\"}")).split("\n", -1).length;
        assertThatThrownBy(() -> RulebookLoader.load(Path.of("rules"), scorecards)).isInstanceOfSatisfying(RulebookException.class, e -> {
            String all = e.problems().stream().map(Object::toString).collect(Collectors.joining("\n"));
            assertThat(all).contains(file + ":" + line + ":").contains(".detail.en");
        });
    }

    private static Verdict evaluate(CompiledRulebook rulebook) {
        try {
            return new Evaluator(rulebook).evaluate(FIXTURE, Files.readAllBytes(Path.of(FIXTURE)), Evaluator.Options.defaults());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
