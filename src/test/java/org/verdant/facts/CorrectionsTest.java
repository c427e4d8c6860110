package org.verdant.facts;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verdant.rulebook.Benchmarks;
import org.verdant.rulebook.RulebookLoader;
import org.verdant.text.Messages;
import org.verdant.units.Quantity;
import org.verdant.units.Units;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Energy-limit corrections adjust the reference level; a missing input leaves it uncorrected, with
 * a warning. The rows are the repository's benchmarks file, so these figures check both the file
 * (against docs/criteria/industry-benchmarks.md) and the arithmetic; every expected figure is
 * worked out by hand in the assertion.
 */
class CorrectionsTest {
    private static Benchmarks benchmarks;

    @BeforeAll
    static void load() throws Exception {
        benchmarks = RulebookLoader.load(Path.of("rules"), Path.of("scorecards")).benchmarks();
    }

    private static Benchmarks.EnergyLimitRow row(String id) {
        return benchmarks.row(id).orElseThrow();
    }

    /** "59 %", "2200 m", "1.08", or a word such as "wet". */
    private static Quantity q(String text) {
        String[] parts = text.split(" ");
        if (!parts[0].matches("-?[0-9.]+")) return new Quantity(0, Units.NONE, text, null);
        return new Quantity(Double.parseDouble(parts[0]), Units.require(parts.length > 1 ? parts[1] : ""), text, null);
    }

    private static Map<String, Quantity> inputs(String... pairs) {
        Map<String, Quantity> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put(pairs[i], q(pairs[i + 1]));
        return m;
    }

    private static Corrections.Corrected at(String row, int level, Map<String, Quantity> inputs) {
        return Corrections.level(row(row), level, inputs, "products[0]");
    }

    private static final Messages EN = new Messages("en");
    private static final Messages ZH = new Messages("zh");

    /** A trace or warning as an English reader sees it. */
    private static String en(Messages.Phrase p) {
        return EN.get(p.key(), p.args());
    }

    private static String zh(Messages.Phrase p) {
        return ZH.get(p.key(), p.args());
    }

    /** The same steps in Chinese: the words translated, the figures, inputs' names and units kept. */
    @Test
    void aCorrectionAndItsWarningReadInChinese() {
        var c = at("blast-furnace", 2, with(NO_ORES, "feed_grade", "59 %"));
        assertThat(zh(c.trace())).isEqualTo("370 + 3.61 × 3（feed_grade 59 %，低于 62，至多 5） = 380.83 kgce/t");
        var missing = at("cement-clinker", 3, Map.of());
        assertThat(missing.warnings()).isNotEmpty().allSatisfy(w -> assertThat(zh(w)).contains("未申报").doesNotContain("not stated", "correction is", " level "));
        assertThat(zh(missing.warnings().get(0))).startsWith("GB 16780-2021 cement-clinker 第 3 级：products[0].corrections.");
        var high = at("cement", 3, inputs("clinker_ratio", "80 %", "altitude", "2000 m", "altitude_factor", "1.05"));
        assertThat(zh(high.trace())).isEqualTo("(94 + 1.2 × 5（clinker_ratio 80 %，对比 75）) × 1.05（altitude_factor，altitude 2000 m） = 105 kgce/t");
    }

    private static final Map<String, Quantity> NO_ORES = inputs("rare_earth_ore", "0 %", "vti_magnetite", "0 %", "laterite_nickel_ore", "0 %");

    @Test
    void feedGradeBelow62AddsPerPointUpToFivePointsAndNothingAbove() {
        var c = at("blast-furnace", 2, with(NO_ORES, "feed_grade", "59 %"));
        assertThat(c.value()).isCloseTo(370 + 3.61 * 3, within(1e-9)); // 380.83
        assertThat(en(c.trace())).contains("3.61 × 3").contains("= 380.83");
        assertThat(c.inputs()).contains("products[0].corrections.feed_grade");
        assertThat(at("blast-furnace", 2, with(NO_ORES, "feed_grade", "50 %")).value()).isCloseTo(370 + 5 * 3.61, within(1e-9)); // 12 points, capped at 5: 388.05
        var rich = at("blast-furnace", 2, with(NO_ORES, "feed_grade", "64 %"));
        assertThat(rich.value()).isEqualTo(370);
        assertThat(rich.trace()).isNull();
    }

    @Test
    void missingInputLeavesTheLevelUncorrectedWithAWarning() {
        var c = at("blast-furnace", 2, NO_ORES);
        assertThat(c.value()).isEqualTo(370);
        assertThat(c.warnings()).singleElement().extracting(CorrectionsTest::en).asString()
                .contains("GB 21256-2025 blast-furnace level 2: products[0].corrections.feed_grade not stated").contains("uncorrected level 370");
        var wet = at("coke-top-charged", 3, inputs("mixed_gas_share", "0 %", "volatile_matter", "23 %", "coal_moisture", "10 %", "oven_age", "10"));
        assertThat(wet.value()).isEqualTo(135);
        assertThat(wet.warnings()).singleElement().extracting(CorrectionsTest::en).asString().contains("products[0].corrections.quenching not stated");
    }

    @Test
    void clinkerShareCorrectsEachLevelByItsOwnCoefficientAndLevel3IsThenMultipliedByK() {
        Map<String, Quantity> lowland = inputs("clinker_ratio", "80 %", "altitude", "300 m");
        assertThat(at("cement", 1, lowland).value()).isCloseTo(80 + 1.10 * 5, within(1e-9)); // 85.5
        assertThat(at("cement", 2, lowland).value()).isCloseTo(87 + 1.15 * 5, within(1e-9)); // 92.75
        assertThat(at("cement", 3, lowland).value()).isCloseTo(94 + 1.20 * 5, within(1e-9)); // 100
        assertThat(at("cement", 2, inputs("clinker_ratio", "70 %")).value()).isCloseTo(87 - 1.15 * 5, within(1e-9)); // 81.25
        var high = at("cement", 3, inputs("clinker_ratio", "80 %", "altitude", "2000 m", "altitude_factor", "1.05"));
        assertThat(high.value()).isCloseTo((94 + 1.20 * 5) * 1.05, within(1e-9)); // 105
        assertThat(en(high.trace())).isEqualTo("(94 + 1.2 × 5 (clinker_ratio 80 % vs 75)) × 1.05 (altitude_factor, altitude 2000 m) = 105 kgce/t");
    }

    @Test
    void altitudeFactorAppliesAbove1500mToLevel3OnlyAndOnlyWithinTheFormulasRange() {
        Map<String, Quantity> high = inputs("altitude", "2200 m", "altitude_factor", "1.08");
        assertThat(at("cement-clinker", 3, high).value()).isCloseTo(117 * 1.08, within(1e-9)); // 126.36
        assertThat(at("cement-clinker-coal", 3, high).value()).isCloseTo(109 * 1.08, within(1e-9)); // 117.72
        assertThat(at("cement-clinker", 2, high).value()).isEqualTo(107);
        assertThat(at("cement-clinker", 2, high).warnings()).isEmpty();
        assertThat(at("cement-clinker", 3, inputs("altitude", "800 m")).value()).isEqualTo(117);
        var noFactor = at("cement-clinker", 3, inputs("altitude", "2200 m"));
        assertThat(noFactor.value()).isEqualTo(117);
        assertThat(noFactor.warnings()).singleElement().extracting(CorrectionsTest::en).asString().contains("altitude_factor");
        // above 1500 m P < about 84.6 kPa, so K = 1.179 − 0.211 × P / 101325 lies between 1.00 and 1.179; 1.25 cannot come from it
        var impossible = at("cement-clinker", 3, inputs("altitude", "2200 m", "altitude_factor", "1.25"));
        assertThat(impossible.value()).isEqualTo(117);
        assertThat(impossible.warnings()).singleElement().extracting(CorrectionsTest::en).asString().contains("1.25 is outside 1–1.179");
    }

    @Test
    void cokeVolatileMatterIsInterpolatedInTheTableAndLevel1StaysEqualToLevel2() {
        Map<String, Quantity> base = inputs("mixed_gas_share", "0 %", "coal_moisture", "10 %", "oven_age", "12", "quenching", "dry");
        var between = at("coke-top-charged", 2, with(base, "volatile_matter", "24.5 %"));
        assertThat(between.value()).isCloseTo(110 + 4.25 + 0.5 * (8.55 - 4.25), within(1e-9)); // 116.4
        assertThat(en(between.trace())).contains("between 24 → 4.25 and 25 → 8.55");
        assertThat(at("coke-top-charged", 1, with(base, "volatile_matter", "24.5 %")).value()).isCloseTo(116.4, within(1e-9)); // still a step
        assertThat(at("coke-top-charged", 2, with(base, "volatile_matter", "22 %")).value()).isCloseTo(110 - 4.20, within(1e-9)); // 105.8
        assertThat(at("coke-stamp-charged", 2, with(base, "volatile_matter", "27 %", "coal_moisture", "11.5 %")).value())
                .isCloseTo(115 + 6.44 + (11.5 - 10.5) * 3.71, within(1e-9)); // 125.15
        var outside = at("coke-top-charged", 2, with(base, "volatile_matter", "30 %"));
        assertThat(outside.value()).isEqualTo(110);
        assertThat(outside.warnings()).singleElement().extracting(CorrectionsTest::en).asString().contains("30 % is outside the table of 5.3, 表2 (21–28)");
    }

    @Test
    void cokeFuelCountsTheMixedGasShareAsAFractionAndMoistureBothWays() {
        Map<String, Quantity> base = inputs("volatile_matter", "23 %", "oven_age", "12", "quenching", "dry");
        assertThat(at("coke-top-charged", 2, with(base, "mixed_gas_share", "40 %", "coal_moisture", "10 %")).value())
                .isCloseTo(110 + 8.00 * 0.40, within(1e-9)); // 113.2
        assertThat(at("coke-top-charged", 2, with(base, "mixed_gas_share", "0 %", "coal_moisture", "9 %")).value())
                .isCloseTo(110 - 3.67, within(1e-9)); // 106.33
    }

    @Test
    void ovenAgeBandsApplyAtLevels1And3AndWetQuenchingAtLevel3Only() {
        Map<String, Quantity> base = inputs("mixed_gas_share", "0 %", "volatile_matter", "23 %", "coal_moisture", "10 %");
        assertThat(at("coke-top-charged", 1, with(base, "oven_age", "18", "quenching", "wet")).value()).isCloseTo(110 + 2.50, within(1e-9));
        assertThat(at("coke-top-charged", 2, with(base, "oven_age", "18", "quenching", "wet")).value()).isEqualTo(110);
        assertThat(at("coke-top-charged", 3, with(base, "oven_age", "30", "quenching", "wet")).value())
                .isCloseTo(135 + 5.50 + 46.46, within(1e-9)); // 186.96
        assertThat(at("coke-top-charged", 3, with(base, "oven_age", "15", "quenching", "dry")).value()).isEqualTo(135); // 15 years is not over 15
        assertThat(at("coke-top-charged", 1, with(base, "oven_age", "25", "quenching", "dry")).value()).isCloseTo(112.5, within(1e-9)); // 25 is in (15, 25]
    }

    @Test
    void oreSharesAddPerPercentAtEveryLevel() {
        Map<String, Quantity> mix = inputs("rare_earth_ore", "10 %", "vti_magnetite", "5 %", "laterite_nickel_ore", "2 %");
        assertThat(at("sintering", 2, mix).value()).isCloseTo(46 + 0.15 * 10 + 0.2 * 5 + 1.2 * 2, within(1e-9)); // 50.9
        assertThat(at("pelletizing", 1, mix).value()).isCloseTo(15 + 0.15 * 10 + 0.2 * 5 + 1.2 * 2, within(1e-9)); // 19.9
        assertThat(at("blast-furnace", 3, with(mix, "feed_grade", "61 %")).value())
                .isCloseTo(415 + 3.61 + 0.3 * 10 + 0.45 * 5 + 0.5 * 2, within(1e-9)); // 424.86
    }

    @Test
    void converterLevelsStayNegativeWhenCorrected() {
        var c = at("converter", 1, inputs("scrap_ratio", "20 %", "steel_grade", "deep_drawing_pipeline"));
        assertThat(c.value()).isCloseTo(-30 + 0.23 * 20 + 1.5, within(1e-9)); // −23.9
        assertThat(en(c.trace())).isEqualTo("-30 + 0.23 × 20 (scrap_ratio 20 %) + 1.5 (steel_grade deep_drawing_pipeline) = -23.9 kgce/t");
        assertThat(at("converter", 3, inputs("scrap_ratio", "0 %", "steel_grade", "ordinary")).value()).isEqualTo(-12);
    }

    @Test
    void stainlessMultipliesTheEafLevelBeforeTheHotMetalDeduction() {
        var stainless = at("eaf-70t", 2, inputs("steel_grade", "stainless", "hot_metal_ratio", "10 %"));
        assertThat(stainless.value()).isCloseTo(64 * 1.10 - 0.8 * 10, within(1e-9)); // 62.4
        assertThat(en(stainless.trace())).isEqualTo("(64) × 1.1 (steel_grade stainless) − 0.8 × 10 (hot_metal_ratio 10 %) = 62.4 kgce/t");
        assertThat(at("eaf-70t", 1, inputs("steel_grade", "bearing_gear_wire_tool_die", "hot_metal_ratio", "30 %")).value())
                .isCloseTo(61 - 0.8 * 30 + 15, within(1e-9)); // 52
    }

    @Test
    void ferrosiliconSmeltingPowerFallsWithOreGradeAbove98() {
        assertThat(at("ferrosilicon-smelting-power", 2, inputs("ore_grade", "99 %")).value()).isCloseTo(8300 - 40, within(1e-9));
        assertThat(at("ferrosilicon-smelting-power", 2, inputs("ore_grade", "97.5 %")).value()).isCloseTo(8300 + 40 * 0.5, within(1e-9));
    }

    @Test
    void rowsWithoutCorrectionsReadTheirLevelsAsTheNotesGiveThem() {
        assertThat(row("cement-preparation-electricity").levels()).isEqualTo(Map.of(1, 26.0, 2, 29.0, 3, 34.0));
        assertThat(row("methanol-coke-oven-gas").levels()).isEqualTo(Map.of(1, 1280.0, 2, 1400.0, 3, 1500.0));
        assertThat(row("ethylene-glycol-coal").levels()).isEqualTo(Map.of(1, 2450.0, 2, 2850.0, 3, 3100.0));
        assertThat(row("dimethyl-ether").levels()).isEqualTo(Map.of(1, 1120.0, 2, 1140.0, 3, 1200.0));
        assertThat(row("aluminium-ingot-comprehensive-ac-power").levels()).isEqualTo(Map.of(1, 13300.0, 2, 13400.0, 3, 13750.0));
        assertThat(row("alumina-other").levels()).isEqualTo(Map.of(1, 550.0, 2, 600.0, 3, 700.0));
        assertThat(at("methanol-lignite", 2, Map.of()).warnings()).isEmpty();
    }

    private static Map<String, Quantity> with(Map<String, Quantity> base, String... pairs) {
        Map<String, Quantity> m = new HashMap<>(base);
        m.putAll(inputs(pairs));
        return m;
    }
}
