package org.verdant.report;

import org.verdant.text.Numbers;
import org.verdant.explain.TraceBuilder;
import org.verdant.explain.Trace;
import org.verdant.text.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdant.evaluation.Evaluator;
import org.verdant.rulebook.CompiledRulebook;
import org.verdant.rulebook.RulebookLoader;
import org.verdant.support.TestRulebook;
import org.verdant.verdict.Verdict;
import org.verdant.yaml.PathIndex;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Traces of fixtures: every input's line is checked against the fixture's text (found by
 * searching it, not by the YAML reader), every figure's line against the scorecard's text.
 */
class TraceBuilderTest {

    record Traced(Verdict verdict, Map<String, Trace> traces) {
        Trace of(String id) {
            return traces.get(id);
        }
    }

    static Traced trace(String fixture) throws Exception {
        byte[] bytes = Files.readAllBytes(Path.of(fixture));
        Verdict v = new Evaluator(TestRulebook.compiled()).evaluate(fixture, bytes, Evaluator.Options.defaults());
        return new Traced(v, TraceBuilder.all(v, PathIndex.of(fixture, bytes), new Messages("en")));
    }

    /** "name.yaml:N" where N is the line of {@code file} holding {@code text}, searching from the line holding {@code after}. */
    static String at(String file, String after, String text) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
        int from = after == null ? 0 : indexOf(lines, 0, after);
        return Path.of(file).getFileName() + ":" + (indexOf(lines, from, text) + 1);
    }

    static String at(String file, String text) throws Exception {
        return at(file, null, text);
    }

    /** The first line from {@code from} containing {@code text}; a text ending in $ must end the line. */
    private static int indexOf(List<String> lines, int from, String text) {
        for (int i = from; i < lines.size(); i++) {
            String line = lines.get(i).stripTrailing();
            if (text.endsWith("$") ? line.endsWith(text.substring(0, text.length() - 1)) : line.contains(text)) return i;
        }
        throw new AssertionError("no line with '" + text + "'");
    }

    /** A rulebook line as the trace names it: the logical path and the line holding {@code text} after {@code after}. */
    static String rulebookAt(String logical, String after, String text) throws Exception {
        return logical + ":" + at(logical, after, text).substring(Path.of(logical).getFileName().toString().length() + 1);
    }

    @Test
    void performanceIndicatorOf2018ShowsInputsLevelsTiersAndTheCategory() throws Exception {
        String f = "fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.yaml";
        Traced t = trace(f);
        Trace prf02 = t.of("PRF-02");
        assertThat(prf02.inputs()).extracting(Trace.Input::path, Trace.Input::value, Trace.Input::at).containsExactly(
                tuple("site.footprint_area", "228000 m2", at(f, "footprint_area:")),
                tuple("site.open_storage_area", "36000 m2", at(f, "open_storage_area:")),
                tuple("site.land_area", "900 亩", at(f, "land_area:")));
        assertThat(prf02.derived()).singleElement().satisfies(d -> {
            assertThat(d.formula()).startsWith("建筑密度 = (建筑物构筑物占地面积 + 露天堆场占地面积) ÷ 用地面积");
            assertThat(d.computation()).isEqualTo("(228000 m2 + 36000 m2) ÷ 900 亩 = 44 %");
        });
        assertThat(prf02.levels()).extracting(Trace.Level::role, Trace.Level::value, Trace.Level::from)
                .containsExactly(tuple("basic", 30.0, "scorecard"), tuple("advanced", 40.0, "scorecard"));
        String scorecard = "scorecards/green-factory/gbt36132-2018.yaml";
        assertThat(prf02.figures()).filteredOn(x -> x.ref().equals("PRF-02.basic.reference")).singleElement().satisfies(x -> {
            assertThat(x.status()).isEqualTo("provisional");
            assertThat(x.source()).isEqualTo("GB/T 36132-2018 5.7 performance 绩效, fixed reference levels and factors (docs/criteria/green-factory-2018.md#reference-levels): PRF-02 basic ≥ 30% [P]");
            assertThat(x.at()).isEqualTo(rulebookAt(scorecard, "id: PRF-02", "reference:"));
        });
        assertThat(prf02.figures()).extracting(Trace.FigureUse::ref)
                .contains("PRF-02.basic.points", "PRF-02.advanced.points", "PRF.weight");
        assertThat(prf02.points()).containsExactly(
                "basic tier, 5 points: 44 % ≥ 30 % → 5",
                "advanced tier, 3 points: 44 % ≥ 40 % → 3",
                "5 + 3 = 8 of 8 points",
                "Category PRF Performance: 100 of 100 points of its applicable criteria → score 100 ÷ 100 × 100 = 100; "
                        + "× weight 30 ÷ 100 = 30 of the total 98.33.");

        Trace plotRatio = t.of("PRF-01");
        assertThat(plotRatio.inputs()).extracting(Trace.Input::path, Trace.Input::at)
                .contains(tuple("references.plot_ratio.basic", at(f, "  plot_ratio:", "basic:")));
        assertThat(plotRatio.levels()).extracting(Trace.Level::role, Trace.Level::from)
                .contains(tuple("advanced", "1.2 × basic level 0.7"));
    }

    @Test
    void unmetAndMissingCriteriaSayWhatWasComparedAndWhyNoPoints() throws Exception {
        String f = "fixtures/green-factory/gbt36132-2018/machinery-shandong-missing-reference.yaml";
        Traced t = trace(f);
        Trace missing = t.of("PRF-06");
        assertThat(missing.inputs()).extracting(Trace.Input::path, Trace.Input::at)
                .containsExactly(tuple("emissions.waste_gas_volume", at(f, "waste_gas_volume:")), tuple("products[0].output", at(f, "output:")));
        assertThat(missing.derived()).singleElement().extracting(Trace.Derived::computation).isEqualTo("1.96e9 m3 ÷ 28000 t = 70000 m3/t");
        assertThat(missing.missing()).containsExactly("basic: references.waste_gas_per_unit.basic",
                "advanced: references.waste_gas_per_unit.advanced");
        assertThat(missing.points()).startsWith(
                "basic tier, 5 points: no level (references.waste_gas_per_unit.basic) → 0",
                "advanced tier, 3 points: no level (references.waste_gas_per_unit.advanced) → 0",
                "0 + 0 = 0 of 8 points",
                "The basic tier is not reached: mandatory_met is false, so the factory cannot be rated.");

        assertThat(t.of("PRF-07").points()).startsWith(
                "basic tier, 5 points: 3 m3/t ≤ 3.5 m3/t → 5",
                "advanced tier, 3 points: 3 m3/t > 2.5 m3/t → 0",
                "5 + 0 = 5 of 8 points");
    }

    @Test
    void scaledIndicatorOf2025PerProductShowsTheCorrectionOfItsLevels() throws Exception {
        String f = "fixtures/green-factory/gbt36132-2025/cement-yunnan-high-altitude.yaml";
        Trace e1 = trace(f).of("E1");
        assertThat(e1.inputs()).extracting(Trace.Input::path, Trace.Input::value, Trace.Input::at).containsExactly(
                tuple("products[0].energy_limit", "cement-clinker", at(f, "energy_limit: cement-clinker")),
                tuple("products[0].energy", "159000 tce", at(f, "energy: 159000 tce")),
                tuple("products[0].output", "1.5e6 t", at(f, "output: 1.5e6 t")),
                tuple("products[1].energy_limit", "cement", at(f, "energy_limit: cement$")),
                tuple("products[1].energy", "159930 tce", at(f, "energy: 159930 tce")),
                tuple("products[1].output", "1.8e6 t", at(f, "output: 1.8e6 t")),
                tuple("products[1].corrections.clinker_ratio", "80 %", at(f, "corrections: {clinker_ratio: 80 %}")));
        // the clinker's altitude corrects level 3 only: E1 compares with levels 1 and 2, so it is not an input
        assertThat(e1.inputs()).extracting(Trace.Input::path).doesNotContain("products[0].corrections.altitude");
        assertThat(e1.derived()).extracting(Trace.Derived::label, Trace.Derived::computation).contains(
                tuple("硅酸盐水泥熟料", "159000 tce ÷ 1.5e6 t = 106 kgce/t"),
                tuple("P·O 42.5 / P·C 42.5 水泥", "159930 tce ÷ 1.8e6 t = 88.85 kgce/t"));
        assertThat(e1.levels()).extracting(Trace.Level::label, Trace.Level::role, Trace.Level::value, Trace.Level::from).contains(
                tuple("硅酸盐水泥熟料", "baseline", 107.0, "GB 16780-2021 level 2 (cement-clinker)"),
                tuple("P·O 42.5 / P·C 42.5 水泥", "baseline", 92.75,
                        "GB 16780-2021 level 2 (cement), corrected: 87 + 1.15 × 5 (clinker_ratio 80 % vs 75) = 92.75 kgce/t"));
        String benchmarks = "scorecards/benchmarks/energy-limits.yaml";
        assertThat(e1.figures()).filteredOn(x -> x.ref().equals("energy-limit.cement.adjustment.clinker_ratio")).singleElement()
                .satisfies(x -> {
                    assertThat(x.status()).isEqualTo("provisional");
                    assertThat(x.source()).startsWith("GB 16780-2021 水泥单位产品能源消耗限额");
                    assertThat(x.at()).isEqualTo(rulebookAt(benchmarks, "- id: cement$", "- input: clinker_ratio"));
                });
        assertThat(e1.figures()).filteredOn(x -> x.ref().equals("energy-limit.cement-clinker.level2")).singleElement()
                .extracting(Trace.FigureUse::at).isEqualTo(rulebookAt(benchmarks, null, "- id: cement-clinker"));
        assertThat(e1.points()).containsExactly(
                "硅酸盐水泥熟料: clamp((106 − 107) ÷ (100 − 107), 0, 1) = 0.1429, weight share 49.85 %",
                // level 2: 87 + 1.15 × (80 − 75) = 92.75; level 1: 80 + 1.10 × 5 = 85.5; (88.85 − 92.75) ÷ (85.5 − 92.75) = 3.9 ÷ 7.25 = 0.5379
                "P·O 42.5 / P·C 42.5 水泥: clamp((88.85 − 92.75) ÷ (85.5 − 92.75), 0, 1) = 0.5379, weight share 50.15 %",
                // 8 × (0.4985 × 1/7 + 0.5015 × 0.5379) = 8 × 0.3410 = 2.7278; E: 8.3402 − 2.5756 + 2.7278 = 8.4924
                "8 × Σ(share × ratio) = 8 × 0.341 = 2.7278",
                "Category E Low-carbon energy: 8.4924 of 30 points; the total 54.72 is the sum of the points.");
    }

    @Test
    void parkIndexIndicatorShowsEachYearsRatioAndShareOfTheIndex() throws Exception {
        String f = "fixtures/green-park/miit-2016-586/zhenjiang-etdz-national-strong.yaml";
        Traced t = trace(f);
        Trace eg1 = t.of("EG1");
        assertThat(eg1.inputs()).extracting(Trace.Input::path, Trace.Input::at).contains(
                tuple("park.years[2023].statistics.energy", at(f, "- year: 2023", "energy:")),
                tuple("park.years[2025].statistics.industrial_value_added", at(f, "- year: 2025", "industrial_value_added:")),
                tuple("park.years[2025].statistics.energy", at(f, "- year: 2025", "energy:")));
        assertThat(eg1.derived()).extracting(Trace.Derived::label, Trace.Derived::computation)
                .contains(tuple("2025", "5.4e6 万元 ÷ 2.64e6 tce = 2.0455 万元/tce"));
        assertThat(eg1.figures()).extracting(Trace.FigureUse::ref).contains("EG1.leading", "parameters.cap_ratio_at_one");
        double gi2025 = t.verdict().greenIndex().year(2025).gi();
        assertThat(eg1.points()).hasSize(3).last().isEqualTo("2025: ratio 2.0455 ÷ 3 = 0.6818; share of the GI 100 ÷ "
                + t.verdict().greenIndex().year(2025).assessed() + " × ratio = 2.8409 of GI " + Numbers.round(gi2025, 2));
        assertThat(t.of("RG1").points()).allSatisfy(line -> assertThat(line).contains(", capped at 1;"));
    }

    @Test
    void weighedCategoriesGiveEachIndicatorItsCategorysShareOfTheIndex(@TempDir Path dir) throws Exception {
        Path scorecards = TestRulebook.copyScorecards(dir);
        Path file = scorecards.resolve("green-park/miit-2016-586.yaml");
        String text = Files.readString(file, StandardCharsets.UTF_8).replace("category_weighting: {value: none,", "category_weighting: {value: category_weights,");
        for (String[] cw : new String[][]{{"EG", "30"}, {"RG", "30"}, {"IG", "10"}, {"CG", "10"}, {"HG", "10"}, {"MG", "10"}}) {
            text = text.replace("  - id: " + cw[0] + "\n", "  - id: " + cw[0] + "\n    weight: {value: " + cw[1] + ", status: placeholder, source: gi-switches, detail: \"test weights\"}\n");
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
        String fixture = "fixtures/green-park/miit-2016-586/zhejiang-tongxiang-water-outstanding.yaml";
        byte[] bytes = Files.readAllBytes(Path.of(fixture));
        Verdict v = new Evaluator(new CompiledRulebook(RulebookLoader.load(Path.of("rules"), scorecards)))
                .evaluate(fixture, bytes, Evaluator.Options.defaults());
        Trace rg1 = TraceBuilder.all(v, PathIndex.of(fixture, bytes), new Messages("en")).get("RG1");
        // Tongxiang assesses six RG indicators in 2025: 100 × 30 ÷ 100 ÷ 6 = 5 points at ratio 1
        assertThat(rg1.points()).last().isEqualTo("2025: ratio 4500 ÷ 1500 = 3, capped at 1; share of the GI 100 × 30 ÷ 100 ÷ 6 × ratio = 5 of GI "
                + Numbers.round(v.greenIndex().year(2025).gi(), 2));
        assertThat(rg1.figures()).filteredOn(x -> x.ref().equals("RG.weight")).singleElement()
                .extracting(Trace.FigureUse::at).isEqualTo("scorecards/green-park/miit-2016-586.yaml:" + (lineOf(file, "  - id: RG") + 1));
    }

    private static int lineOf(Path file, String text) throws Exception {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return indexOf(lines, 0, text + "$") + 1;
    }

    @Test
    void zeroCarbonCoreGateShowsItsTierAndTheVeto() throws Exception {
        String f = "fixtures/zero-carbon-park/ndrc-2025-910/baotou-1500k-at-threshold.yaml";
        Trace z0 = trace(f).of("Z0");
        assertThat(z0.inputs()).extracting(Trace.Input::path, Trace.Input::value, Trace.Input::at).containsExactly(
                tuple("park.years[2025].statistics.co2", "450000 tCO2", at(f, "- year: 2025", "co2:")),
                tuple("park.years[2025].statistics.energy", "1.5e6 tce", at(f, "- year: 2025", "energy:")));
        assertThat(z0.levels()).singleElement().satisfies(l -> {
            assertThat(l.role()).isEqualTo("threshold");
            assertThat(l.value()).isEqualTo(0.3);
            // the origin is words for people: its figures are written as people write them in the reader's language
            assertThat(l.from()).isEqualTo("tier ≥ 1,000,000 tce (annual energy 1,500,000 tce)");
        });
        assertThat(z0.figures()).singleElement().satisfies(x -> {
            assertThat(x.ref()).isEqualTo("Z0.threshold[1000000 tce]");
            assertThat(x.at()).isEqualTo(rulebookAt("scorecards/zero-carbon-park/ndrc-2025-910.yaml", null, "- {at_least: 1000000 tce"));
        });
        assertThat(z0.points()).containsExactly("0.3 tCO2e/tce ≤ 0.3 tCO2e/tce → met", "Gate met; gates are not scored.");

        Trace undetermined = trace("fixtures/zero-carbon-park/ndrc-2025-910/wuxi-150k-park-within-park.yaml").of("Z0");
        assertThat(undetermined.figures()).extracting(Trace.FigureUse::ref)
                .containsExactly("Z0.threshold[1000000 tce]", "Z0.threshold[200000 tce]");
        assertThat(undetermined.points()).containsExactly("0.2 tCO2e/tce: no threshold to compare with.",
                "No threshold for this facility: eligibility is undetermined (null), not guessed.");

        assertThat(trace("fixtures/zero-carbon-park/ndrc-2025-910/shizuishan-1500k-over-threshold.yaml").of("Z0").points())
                .containsExactly("0.31 tCO2e/tce > 0.3 tCO2e/tce → not met", "Gate not met: the facility is not eligible (gates are not scored).");
    }

    @Test
    void gatesPointAtTheClaimsAndAccidentsTheyWereDecidedFrom() throws Exception {
        String f = "fixtures/green-factory/gbt36132-2018/textile-dyeing-zhejiang-accident-veto.yaml";
        Traced t = trace(f);
        Trace b2 = t.of("B2");
        assertThat(b2.inputs()).extracting(Trace.Input::path, Trace.Input::at).contains(
                tuple("accidents.events[0]", at(f, "{date: 2020-08-03")),
                tuple("accidents.events[2]", at(f, "{date: 2023-05-18")));
        assertThat(b2.derived()).extracting(Trace.Derived::label).contains("vetoing accidents");
        assertThat(b2.derived()).filteredOn(d -> "vetoing accidents".equals(d.label())).singleElement()
                .extracting(Trace.Derived::computation).asString().startsWith("2023-05-18 environmental serious");
        assertThat(b2.figures()).extracting(Trace.FigureUse::ref)
                .containsExactly("parameters.accident_lookback_years", "parameters.accident_veto_severity", "parameters.accident_veto_kinds");
        assertThat(b2.points()).containsExactly("Gate not met: the facility is not eligible (gates are not scored).");
        assertThat(t.of("B1").inputs()).extracting(Trace.Input::path, Trace.Input::at)
                .containsExactly(tuple("claims.B1", at(f, "  B1:")));

        Traced park = trace("fixtures/green-park/miit-2016-586/hunan-shaodong-provincial-incomplete.yaml");
        assertThat(park.of("A1").inputs()).isEmpty();
        assertThat(park.of("A1").missing()).containsExactly("claims.A1");
    }

    @Test
    void gradedItemShowsMaximumTimesDegree() throws Exception {
        String f = "fixtures/green-supply-chain/miit-2016-586/smartphone-guangdong-just-below-five-stars.yaml";
        Trace x12 = trace(f).of("X12");
        assertThat(x12.inputs()).extracting(Trace.Input::path, Trace.Input::at)
                .containsExactly(tuple("claims.X12", at(f, "  X12:")));
        assertThat(x12.points()).first().isEqualTo("6 × 0.9 = 5.4 (maximum × assessed degree)");
    }
}
