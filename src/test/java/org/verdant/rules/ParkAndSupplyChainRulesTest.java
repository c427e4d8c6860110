package org.verdant.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.verdant.evaluation.Evaluator;
import org.verdant.findings.Status;
import org.verdant.rulebook.CompiledRulebook;
import org.verdant.rulebook.GradingTable;
import org.verdant.rulebook.RulebookLoader;
import org.verdant.verdict.GreenIndex;
import org.verdant.verdict.Verdict;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.verdant.support.TestRulebook.compiled;
import static org.verdant.support.TestRulebook.copyScorecards;
import static org.verdant.support.TestRulebook.evaluate;
import static org.verdant.support.TestRulebook.read;
import static org.verdant.support.TestRulebook.status;
import static org.verdant.support.TestRulebook.with;

/**
 * The worked checks of the park and supply-chain criteria notes, and the scorecard switches:
 * each figure here was computed by hand (fixtures/INTENT-*.md), not read back from the engine.
 */
class ParkAndSupplyChainRulesTest {
    private static final String TONGXIANG = "fixtures/green-park/miit-2016-586/zhejiang-tongxiang-water-outstanding.yaml";
    private static final String ORDOS = "fixtures/zero-carbon-park/ndrc-2025-910/ordos-mengsu-500k-at-threshold.yaml";

    // --- green industrial park: the GI and its switches ---

    @Test
    void theGreenIndexIsComputedForEachOfTheThreeYearsAndTheLastIsTheScore() {
        Verdict v = evaluate(read(TONGXIANG));
        assertThat(v.greenIndex().years()).extracting(GreenIndex.Year::year).containsExactly(2023, 2024, 2025);
        assertThat(v.score()).isCloseTo(v.greenIndex().last().gi(), within(1e-12));
        // the indicators' points are their shares of the last year's index
        assertThat(v.criteria().stream().mapToDouble(j -> j.finding().points()).sum()).isCloseTo(v.score(), within(0.01));
        assertThat(v.greenIndex().switchValue(GreenIndex.CAP)).isEqualTo("true");
    }

    @Test
    void theRatioCapSwitchStopsOneOutstandingIndicatorHidingAWeakOne(@TempDir Path dir) throws Exception {
        // RG1 is 2×, 2.5× and 3× its leading value; uncapped it lifts the index past 100 (INTENT-green-park.md)
        Verdict capped = evaluate(read(TONGXIANG));
        assertThat(capped.score()).isCloseTo(92.66, within(0.005));
        CompiledRulebook uncapped = rulebookWithScorecardEdit(dir, "green-park/miit-2016-586.yaml",
                "cap_ratio_at_one: {value: true,", "cap_ratio_at_one: {value: false,");
        Verdict v = new Evaluator(uncapped).evaluate("t.yaml", read(TONGXIANG).getBytes(StandardCharsets.UTF_8), Evaluator.Options.defaults());
        assertThat(v.greenIndex().switchValue(GreenIndex.CAP)).isEqualTo("false");
        assertThat(v.greenIndex().years()).extracting(GreenIndex.Year::gi)
                .satisfiesExactly(y -> assertThat(y).isCloseTo(110.1169, within(5e-5)),
                        y -> assertThat(y).isCloseTo(120.2657, within(5e-5)),
                        y -> assertThat(y).isCloseTo(130.1879, within(5e-5)));
    }

    @Test
    void aPassLineSwitchJudgesEachYear(@TempDir Path dir) throws Exception {
        CompiledRulebook withLine = rulebookWithScorecardEdit(dir, "green-park/miit-2016-586.yaml",
                "pass_line: {value: none,", "pass_line: {value: 91,");
        Verdict v = new Evaluator(withLine).evaluate("t.yaml", read(TONGXIANG).getBytes(StandardCharsets.UTF_8), Evaluator.Options.defaults());
        // 2023 90.02, 2024 91.87, 2025 92.66
        assertThat(v.greenIndex().years()).extracting(GreenIndex.Year::passes).containsExactly(false, true, true);
        assertThat(evaluate(read(TONGXIANG)).greenIndex().last().passes()).isNull();
    }

    @Test
    void categoryWeightsSwitchWeighsEachCategorysMeanRatio(@TempDir Path dir) throws Exception {
        Path scorecards = copyScorecards(dir);
        Path file = scorecards.resolve("green-park/miit-2016-586.yaml");
        String text = Files.readString(file, StandardCharsets.UTF_8).replace("category_weighting: {value: none,", "category_weighting: {value: category_weights,");
        for (String[] cw : new String[][]{{"EG", "30"}, {"RG", "30"}, {"IG", "10"}, {"CG", "10"}, {"HG", "10"}, {"MG", "10"}}) {
            text = text.replace("  - id: " + cw[0] + "\n", "  - id: " + cw[0] + "\n    weight: {value: " + cw[1] + ", status: placeholder, source: gi-switches, detail: \"test weights\"}\n");
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Verdict v = new Evaluator(new CompiledRulebook(RulebookLoader.load(Path.of("rules"), scorecards)))
                .evaluate("t.yaml", read(TONGXIANG).getBytes(StandardCharsets.UTF_8), Evaluator.Options.defaults());
        assertThat(v.greenIndex().weighted()).isTrue();
        // GI = 100 × Σ_c w_c × mean ratio in c ÷ Σ w, recomputed here from the findings' own ratios
        double expected = 0;
        for (Verdict.CategoryResult c : v.categories()) {
            double[] ratios = v.criteria().stream().filter(j -> j.category().equals(c.spec().id()))
                    .filter(j -> j.finding().status() != Status.NOT_APPLICABLE)
                    .mapToDouble(j -> ((Number) j.finding().values().getOrDefault("ratio", 0.0)).doubleValue()).toArray();
            double mean = java.util.Arrays.stream(ratios).average().orElse(0);
            expected += c.spec().weight().number() * mean;
        }
        assertThat(v.score()).isCloseTo(expected, within(0.01)); // ratios in the findings are shown to 4 decimals
        assertThat(v.score()).isNotCloseTo(evaluate(read(TONGXIANG)).score(), within(0.01));
    }

    @Test
    void categoryWeightsWithoutWeightsIsARulebookError(@TempDir Path dir) throws Exception {
        Path scorecards = copyScorecards(dir);
        Path file = scorecards.resolve("green-park/miit-2016-586.yaml");
        Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8)
                .replace("category_weighting: {value: none,", "category_weighting: {value: category_weights,"), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> RulebookLoader.load(Path.of("rules"), scorecards))
                .isInstanceOfSatisfying(org.verdant.rulebook.RulebookException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p.toString()).contains("miit-2016-586.yaml")
                                .contains("category_weights needs a weight on every category")));
    }

    @Test
    void aMinimumOfOptionalIndicatorsMarksShortYearsIncomplete(@TempDir Path dir) throws Exception {
        CompiledRulebook strict = rulebookWithScorecardEdit(dir, "green-park/miit-2016-586.yaml",
                "minimum_optional_indicators: {value: 0,", "minimum_optional_indicators: {value: 3,");
        // Shaodong reports 2, 3 and 3 optional indicators (INTENT-green-park.md)
        Verdict v = new Evaluator(strict).evaluate("t.yaml",
                read("fixtures/green-park/miit-2016-586/hunan-shaodong-provincial-incomplete.yaml").getBytes(StandardCharsets.UTF_8), Evaluator.Options.defaults());
        assertThat(v.greenIndex().years()).extracting(GreenIndex.Year::enoughOptional).containsExactly(false, true, true);
        assertThat(v.warnings()).anySatisfy(w -> assertThat(w.key()).isEqualTo("warning.index_optional_short"));
    }

    @Test
    void aParkWhoseCarbonIntensityRoseInYearTwoFailsG2() {
        Verdict v = evaluate(read("fixtures/green-park/miit-2016-586/ningxia-dongling-energy-carbon-rise.yaml"));
        assertThat(status(v, "G2")).isEqualTo(Status.NOT_MET);
        assertThat(v.eligible()).isFalse();
        assertThat(v.score()).isCloseTo(82.50, within(0.005)); // still scored
    }

    @Test
    void aMissingMandatoryIndicatorScoresZeroThatYearAndIsReported() {
        Verdict v = evaluate(read("fixtures/green-park/miit-2016-586/hunan-shaodong-provincial-incomplete.yaml"));
        assertThat(v.mandatoryMet()).isFalse();
        GreenIndex.Year y2023 = v.greenIndex().year(2023);
        assertThat(y2023.mandatoryMissing()).containsExactly("HG4");
        assertThat(y2023.complete()).isFalse();
        assertThat(v.warnings()).anySatisfy(w -> assertThat(w.code()).isEqualTo("index_incomplete"));
    }

    @Test
    void encouragedItemsNeverBlock() {
        String yaml = with(read("fixtures/green-park/miit-2016-586/zhenjiang-etdz-national-strong.yaml"), "claims.A2", "{met: false}");
        Verdict v = evaluate(yaml);
        assertThat(status(v, "A2")).isEqualTo(Status.NOT_MET);
        assertThat(v.eligible()).isTrue();
    }

    // --- zero-carbon park: the core indicator's tiers (criteria notes, worked checks) ---

    @ParameterizedTest(name = "{0} tce at {1} tCO2 → Z0 {2}")
    @CsvSource({
            "500000 tce, 100000 tCO2, met, true",
            "500000 tce, 105000 tCO2, not_met, false",
            "1500000 tce, 450000 tCO2, met, true",
            "1500000 tce, 465000 tCO2, not_met, false",
            "1000000 tce, 300000 tCO2, met, true",    // exactly 1 000 000 tce belongs to the ≥ tier (0.30)
            "999999 tce, 299999.7 tCO2, not_met, false", // just below it: 0.20 applies
            "150000 tce, 30000 tCO2, not_applicable, ",  // threshold not defined: eligibility undetermined
    })
    void zeroCarbonCoreIndicatorByEnergyTier(String energy, String co2, String z0, Boolean eligible) {
        String yaml = with(with(read(ORDOS), "park.years.0.statistics.energy", energy), "park.years.0.statistics.co2", co2);
        yaml = with(yaml, "park.years.0.statistics.clean_energy", null); // its 460 000 tce would exceed the smaller totals
        Verdict v = evaluate(yaml);
        assertThat(status(v, "Z0").code()).isEqualTo(z0);
        assertThat(v.eligible()).isEqualTo(eligible);
        assertThat(v.score()).isNull();
    }

    // --- green supply chain: GSCI worked checks and the electronics bands ---

    @ParameterizedTest(name = "{0} → GSCI {1}")
    @CsvSource({
            "fixtures/green-supply-chain/miit-2016-586/machinery-hunan-systems-zero-rates.yaml, 86",
            "fixtures/green-supply-chain/miit-2016-586/aircon-guangdong-everything-full.yaml, 100",
            "fixtures/green-supply-chain/miit-2016-586/television-sichuan-no-platform-no-disclosure.yaml, 80",
    })
    void gsciWorkedChecks(String fixture, double gsci) {
        assertThat(evaluate(read(fixture)).score()).isCloseTo(gsci, within(1e-9));
    }

    @Test
    void aQualitativeItemEarnsItsAssessedDegree() {
        String yaml = with(read("fixtures/green-supply-chain/miit-2016-586/aircon-guangdong-everything-full.yaml"), "claims.X11.degree", "0.25");
        Verdict v = evaluate(yaml);
        assertThat(status(v, "X11")).isEqualTo(Status.PARTLY_MET);
        assertThat(v.score()).isCloseTo(100 - 8 * 0.75, within(1e-9));
    }

    @ParameterizedTest(name = "GSCI {0} → {1}")
    @CsvSource({"85.0, ★★★★★", "84.99, ★★★★", "80.0, ★★★★", "79.99, ★★★", "75.0, ★★★", "70.0, ★★", "69.99, ★"})
    void electronicsStarBandsHaveInclusiveLowerBounds(double score, String stars) {
        GradingTable table = compiled().rulebook().gradings().get("gsc-electronics-egsci");
        assertThat(table.bands().stream().filter(b -> b.contains(score)).map(GradingTable.Band::label)).containsExactly(stars);
    }

    private static CompiledRulebook rulebookWithScorecardEdit(Path dir, String file, String from, String to) throws Exception {
        Path scorecards = copyScorecards(dir);
        Path edited = scorecards.resolve(file);
        String text = Files.readString(edited, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(edited, text.replace(from, to), StandardCharsets.UTF_8);
        return new CompiledRulebook(RulebookLoader.load(Path.of("rules"), scorecards));
    }
}
