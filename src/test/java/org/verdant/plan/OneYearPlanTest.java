package org.verdant.plan;

import org.junit.jupiter.api.Test;
import org.verdant.text.Messages;
import org.verdant.verdict.Verdict;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The one-year plan (issue 13): no proposal beyond a year's plausible change, the marginal gain and
 * the next threshold checked by hand, fields named by their labels, and --target under the caps.
 */
class OneYearPlanTest {
    private static final String FOOD = WhatIfTest.FOOD;
    private static final String CEMENT = "fixtures/green-factory/gbt36132-2025/cement-yunnan-high-altitude.yaml";
    private static final String HEBEI = "hebei-db13t6005-2024";
    private static final Pattern NUMBER = Pattern.compile("([-+]?[0-9.]+(?:[eE][-+]?\\d+)?)\\s*(.*)");

    private static Plan.Step step(List<Plan.Step> steps, String id) {
        return steps.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no step " + id));
    }

    private static double number(String text) {
        var m = NUMBER.matcher(text.strip());
        assertThat(m.matches()).as(text).isTrue();
        return Double.parseDouble(m.group(1));
    }

    /** Every figure a step sets, against the file's value and the cap the planner config gives its path. */
    private static void withinCaps(Scenario s, Plan.Step step) {
        for (Assignment a : step.changes()) {
            var now = Levers.scalar(s.root(), a.path().text());
            if (now == null || !"float".equals(now.type()) && !"int".equals(now.type()) && !now.text().matches("[-+0-9.eE]+\\s*\\S.*")) continue;
            PlannerConfig.Cap cap = PlannerConfig.builtIn().cap(a.path().text());
            double from = number(now.text());
            double to = number(a.value());
            double allowed = cap.relative() ? Math.abs(from) * cap.amount() / 100 : cap.amount();
            assertThat(Math.abs(to - from)).as(step.id() + " " + a.text() + " against " + cap.shown()).isLessThanOrEqualTo(allowed + 1e-9);
        }
    }

    /**
     * GB/T 36132-2025 cement: E2 needs GHG from 1.32e6 to 3.3e3 tCO2e (−99.75 %, cap 15 %), so it is a long-term target and
     * no one-year change; R3 needs water intake −16.7 % (cap 15 %), so the one-year step takes 450000 × 0.85 = 382500 m3
     * and the full 375000 m3 is long-term. Every figure of the one-year plan is within its cap.
     */
    @Test
    void noOneYearProposalGoesBeyondItsCapAndBeyondIsLongTerm() throws Exception {
        Scenario s = WhatIfTest.scenario(CEMENT, null);
        Plan plan = Planner.plan(s, null);
        for (Plan.Step step : plan.blockers()) withinCaps(s, step);
        for (Plan.Step step : plan.changes()) {
            withinCaps(s, step);
            assertThat(step.longTerm()).isFalse();
            if (step.figure() != null) assertThat(step.figure().share()).isLessThanOrEqualTo(1 + 1e-9);
        }
        assertThat(plan.changes()).extracting(Plan.Step::id).doesNotContain("E2", "L1");
        Plan.Step e2 = step(plan.longTerm(), "E2");
        assertThat(e2.longTerm()).isTrue();
        assertThat(e2.changes()).containsExactly(Assignment.parse("emissions.ghg=3.3e3 tCO2e"));
        assertThat(e2.figure().share()).isCloseTo((1 - 3300 / 1.32e6) / 0.15, within(1e-6));
        assertThat(step(plan.changes(), "R3").changes()).containsExactly(Assignment.parse("water.intake=382500 m3"));
        assertThat(step(plan.longTerm(), "R3").changes()).containsExactly(Assignment.parse("water.intake=375000 m3"));
        assertThat(s.evaluate(step(plan.changes(), "R3").changes()).score() - s.baseline().score())
                .isCloseTo(step(plan.changes(), "R3").gain(), within(1e-9));
        assertThat(plan.warnings()).extracting(Plan.Phrase::key).contains("plan.warning.caps", "plan.warning.effort");
        String text = PlanReport.text(plan, new Messages("zh"));
        assertThat(text).contains("长期目标").contains("温室气体排放量需改变 99.8 %，超过一年可行幅度 15 %（占位值）").contains("占位");

        // GB/T 36132-2018 food: PRF-11 needs the product's energy −12 % (cap 10 %): long-term, not in the one-year list
        Plan food = Planner.plan(WhatIfTest.scenario(FOOD, HEBEI), null);
        assertThat(food.changes()).extracting(Plan.Step::id).doesNotContain("PRF-11");
        assertThat(step(food.longTerm(), "PRF-11").changes()).containsExactly(Assignment.parse("products[0].energy=7920 tce"));
    }

    /**
     * Hand computation, cement R3 (B = 0.35, L = 0.25 m3/t, 6 points): water intake 450000 → 445500 m3 (−1 %) moves R3
     * from 0.3 to 0.297 m3/t, 6 × 0.053 ÷ 0.1 = 3.18 points (+0.18), and also R4 = 4.05e6 ÷ (4.05e6 + 445500) = 90.0901 %
     * (B 85, L 95, 7 points): 7 × 0.509 = 3.5631 (+0.0631), so the total gains 0.2431. Next threshold: L 0.25 m3/t,
     * 0.05 to go, 16.7 % of 0.3. Food PRF-11 (tiers 30 / 22 kgce/t): no marginal gain (a tier is a step), next threshold
     * the advanced level 22, 3 kgce/t to go, 12 %.
     */
    @Test
    void marginalGainAndNextThresholdAgreeWithAHandComputation() throws Exception {
        Plan plan = Planner.plan(WhatIfTest.scenario(CEMENT, null), null);
        Plan.Step r3 = step(plan.changes(), "R3");
        double r4 = 4.05e6 / (4.05e6 + 445500) * 100;
        double hand = 6 * (0.35 - 0.297) / 0.1 - 3 + Math.round(7 * (r4 - 85) / 10 * 1e4) / 1e4 - 3.5;
        assertThat(hand).isCloseTo(0.2431, within(1e-4));
        assertThat(r3.marginal()).isNotNull();
        assertThat(r3.marginal().gain()).isCloseTo(hand, within(2e-4));
        assertThat(r3.marginal().up()).isFalse();
        assertThat(r3.marginal().after()).isCloseTo(0.297, within(1e-9));
        assertThat(r3.next().level()).isEqualTo("leading");
        assertThat(r3.next().value()).isEqualTo(0.25);
        assertThat(r3.next().distance()).isCloseTo(0.05, within(1e-9));
        assertThat(r3.next().percent()).isCloseTo(100 / 6.0, within(1e-9));
        assertThat(PlanReport.text(plan, new Messages("zh")))
                .contains("取水量每降低 1 %，总分 +0.24（指标由 0.3 m3/t 变为 0.297 m3/t）")
                .contains("下一个得分门槛：引领值 0.25 m3/t（现为 0.3 m3/t，还差 0.05 m3/t，即 16.7 %）");

        Plan food = Planner.plan(WhatIfTest.scenario(FOOD, HEBEI), null);
        Plan.Step prf11 = step(food.longTerm(), "PRF-11");
        assertThat(prf11.marginal()).isNull();
        assertThat(prf11.next().level()).isEqualTo("advanced");
        assertThat(prf11.next().distance()).isCloseTo(3, within(1e-9));
        assertThat(prf11.next().percent()).isCloseTo(12, within(1e-9));
    }

    /** Ranked by points per unit of effort: evidence (1 unit) before a measured figure costing its share of the cap. */
    @Test
    void changesAreRankedByPointsPerUnitOfEffort() throws Exception {
        Plan plan = Planner.plan(WhatIfTest.scenario(FOOD, HEBEI), null);
        List<Plan.Step> changes = plan.changes();
        for (int i = 1; i < changes.size(); i++) {
            assertThat(Planner.round6(changes.get(i).gainPerEffort())).isLessThanOrEqualTo(Planner.round6(changes.get(i - 1).gainPerEffort()));
        }
        // PRF-12: GHG 32400 → 28800 tCO2e is 11.1 % of a 15 % cap: 4 × 0.7407 = 2.963 units for +1.2, 0.405 a unit,
        // after EMI-04's evidence (+1 for 1 unit) though it gains more
        Plan.Step prf12 = step(changes, "PRF-12");
        assertThat(prf12.effortUnits()).isCloseTo(4 * (3600 / 32400.0) / 0.15, within(1e-9));
        assertThat(changes.indexOf(prf12)).isGreaterThan(changes.indexOf(step(changes, "EMI-04")));
    }

    /** Every field the planner can change has a label in both languages, and no sentence shows a path or an exponent. */
    @Test
    void fieldsAreNamedByTheirLabelsNotTheirPaths() throws Exception {
        for (String lang : List.of("zh", "en")) {
            Messages m = new Messages(lang);
            for (String path : Levers.paths()) assertThat(m.has("field." + path)).as(lang + " field." + path).isTrue();
            for (String path : List.of("products[].energy", "products[].energy_per_unit", "park.key_enterprise_audits.completed",
                    "park.green_body.full_time_staff", "park.enterprise_products[].energy", "park.enterprise_products[].energy_per_unit")) {
                assertThat(m.has("field." + path)).as(lang + " field." + path).isTrue();
            }
        }
        List<String> files = List.of(CEMENT, FOOD, "fixtures/zero-carbon-park/ndrc-2025-910/xining-500k-over-threshold.yaml",
                "fixtures/green-park/miit-2016-586/hunan-shaodong-gates-and-gaps.yaml");
        for (String file : files) {
            Plan plan = Planner.plan(WhatIfTest.scenario(file, null), null);
            for (String lang : List.of("zh", "en")) {
                Messages m = new Messages(lang);
                List<Plan.Step> all = new ArrayList<>(plan.blockers());
                all.addAll(plan.changes());
                all.addAll(plan.longTerm());
                for (Plan.Step s : all) {
                    List<String> sentences = new ArrayList<>(List.of(PlanReport.phrase(s.action(), m)));
                    if (s.figure() != null) sentences.add(PlanReport.phrase(PlanReport.capPhrase(s), m));
                    if (s.marginal() != null) sentences.add(PlanReport.phrase(PlanReport.marginalPhrase(s.marginal()), m));
                    for (String sentence : sentences) {
                        for (Assignment a : s.changes()) {
                            if (a.path().text().startsWith("claims.") || a.path().text().startsWith("management_systems.")) continue;
                            assertThat(sentence).as(file + " " + s.id()).doesNotContain(a.path().text());
                        }
                        assertThat(sentence).as(file + " " + s.id()).doesNotContainPattern("\\d[eE][-+]?\\d");
                    }
                }
            }
        }
        Plan cement = Planner.plan(WhatIfTest.scenario(CEMENT, null), null);
        assertThat(PlanReport.text(cement, new Messages("zh"))).contains("将温室气体排放量由 132 万 tCO2e 改为 3300 tCO2e");
        assertThat(PlanReport.text(cement, new Messages("en"))).contains("Change the greenhouse-gas emissions from 1,320,000 tCO2e to 3300 tCO2e");
        // the path stays in the trace: the --set and the JSON
        String json = PlanReport.json(cement, new Messages("zh"));
        assertThat(json).contains("\"path\" : \"emissions.ghg\"").contains("emissions.ghg=3.3e3 tCO2e").contains("\"label\" : \"温室气体排放量\"");
    }

    /** --target picks one-year changes only; ★★★★★ is still reached, without PRF-11 (beyond its cap). */
    @Test
    void targetSearchStaysWithinTheCaps() throws Exception {
        Scenario s = WhatIfTest.scenario(FOOD, HEBEI);
        Plan plan = Planner.plan(s, "★★★★★");
        Plan.Target t = plan.target();
        assertThat(t.reachable()).isTrue();
        assertThat(t.steps()).extracting(Plan.Step::id).doesNotContain("PRF-11");
        for (Plan.Step step : t.steps()) {
            assertThat(step.longTerm()).isFalse();
            withinCaps(s, step);
        }
        assertThat(s.evaluate(Planner.changesOf(t.steps())).grade().label()).isEqualTo("★★★★★");
    }

    /**
     * Cement, target 75: the one-year changes (re-evaluated together) stay below it; with the long-term E2 (+8) it is
     * reached, so the plan says the target needs more than a year's plausible change, and names E2.
     */
    @Test
    void aTargetBeyondTheCapsSaysSo() throws Exception {
        Plan plan = Planner.plan(WhatIfTest.scenario(CEMENT, null), "75");
        Plan.Target t = plan.target();
        assertThat(t.reachable()).isFalse();
        assertThat(t.why().key()).isEqualTo("plan.target.beyond_caps");
        assertThat(t.longTermNeeded()).contains("E2");
        assertThat(t.maxAchievable()).isLessThan(75);
        assertThat(PlanReport.text(plan, new Messages("zh"))).contains("一年内无法达到：在年度可行幅度内最多达到");
        assertThat(PlanReport.text(plan, new Messages("en"))).contains("Not reachable in one year");
    }

    /**
     * Food with the product's energy at 12600 tce (35 kgce/t, below the basic tier of 30): clearing the blocker needs
     * 10800 tce, −14.3 % against a 10 % cap, so ★★★ is not reachable in one year, and the plan names PRF-11.
     */
    @Test
    void aBlockerBeyondTheCapsMakesAGradeUnreachableInAYear(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String text = Files.readString(Path.of(FOOD), StandardCharsets.UTF_8).replace("    energy: 9000 tce", "    energy: 12600 tce");
        Path file = dir.resolve("food-heavy-energy.yaml");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Plan plan = Planner.plan(WhatIfTest.scenario(file.toString(), HEBEI), "★★★");
        assertThat(plan.blockers()).extracting(Plan.Step::id).doesNotContain("PRF-11");
        assertThat(plan.open()).anySatisfy(o -> {
            assertThat(o.id()).isEqualTo("PRF-11");
            assertThat(o.blocking()).isTrue();
            assertThat(o.why().key()).isEqualTo("plan.open.beyond_cap");
        });
        assertThat(step(plan.longTerm(), "PRF-11").changes()).containsExactly(Assignment.parse("products[0].energy=10800 tce"));
        assertThat(plan.target().reachable()).isFalse();
        assertThat(plan.target().why().key()).isEqualTo("plan.target.blocked_cap");
        assertThat(PlanReport.text(plan, new Messages("en"))).contains("Not reachable in one year: PRF-11 needs more than one year's plausible change");
        Verdict v = WhatIfTest.scenario(file.toString(), HEBEI).baseline();
        assertThat(WhatIfTest.judged(v, "PRF-11").finding().status().code()).isEqualTo("not_met");
    }
}
