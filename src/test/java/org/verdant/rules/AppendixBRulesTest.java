package org.verdant.rules;

import org.junit.jupiter.api.Test;
import org.kie.api.runtime.KieSession;
import org.verdant.facts.AppendixB;
import org.verdant.facts.EvaluationContext;
import org.verdant.facts.FactoryProducts;
import org.verdant.facts.IndicatorValue;
import org.verdant.facts.TableForm;
import org.verdant.findings.FindingCollector;
import org.verdant.rulebook.Scorecard;
import org.verdant.submission.Submission;
import org.verdant.support.TestRulebook;
import org.verdant.units.Quantity;
import org.verdant.units.QuantityParser;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * rules/green-factory/gbt36132-2025/appendix-b.drl compiles with the rest of the 2025 rulebook,
 * and each TableForm fact gets exactly one value from the rule of its equation.
 */
class AppendixBRulesTest {

    private static Quantity q(String text, String dimension) {
        return QuantityParser.parse(text, dimension, null).quantity();
    }

    /** Fires the 2025 edition's derive rules over {@code facts} and returns the values keyed by a table form. */
    private static List<IndicatorValue> derive(List<Object> facts) throws Exception {
        Scorecard edition = TestRulebook.compiled().rulebook().scorecard("green-factory", "GB/T 36132-2025").orElseThrow();
        KieSession session = TestRulebook.compiled().kieBase(edition).newKieSession();
        try {
            session.setGlobal("findings", new FindingCollector());
            facts.forEach(session::insert);
            session.getAgenda().getAgendaGroup("derive").setFocus();
            session.fireAllRules();
            List<IndicatorValue> out = new ArrayList<>();
            for (Object o : session.getObjects(o -> o instanceof IndicatorValue v && v.indicator().contains("/"))) out.add((IndicatorValue) o);
            return out;
        } finally {
            session.dispose();
        }
    }

    /** The sections FactBuilder inserts, empty, for a factory that states nothing. */
    private static List<Object> emptySections() {
        return new ArrayList<>(List.of(
                new EvaluationContext(LocalDate.of(2026, 3, 1), 2025, "green-factory", "GB/T 36132-2025"),
                new Submission.Site(null, null, null, null), new Submission.Economics(null),
                new Submission.Energy(null, List.of()), new Submission.Water(null, null, null, null, null),
                new Submission.SolidWaste(null, null, null), new Submission.Emissions(null, null, null, List.of()),
                new FactoryProducts(List.of()), new Submission.EnergyCarbonManagement(null, List.of()),
                new Submission.CleanerProduction(null, null, null, null), new Submission.CarbonFootprint(null, null, List.of())));
    }

    @Test
    void theRulebookCompilesWithAppendixB() throws Exception {
        TestRulebook.compiled().compileAll();
    }

    @Test
    void everyFormulaHasOneRuleAndAnUnknownOneIsReported() throws Exception {
        List<Object> facts = emptySections();
        for (int i = 0; i < AppendixB.FORMULAS.size(); i++) {
            facts.add(new TableForm("T" + i, 0, AppendixB.FORMULAS.get(i), null, Map.of()));
        }
        facts.add(new TableForm("Z9", 0, "B.99", "%", Map.of()));
        List<IndicatorValue> values = derive(facts);
        for (int i = 0; i < AppendixB.FORMULAS.size(); i++) {
            String key = "T" + i + "/0";
            assertThat(values.stream().filter(v -> v.indicator().equals(key))).as(AppendixB.FORMULAS.get(i)).hasSize(1);
        }
        // nothing stated: every value is missing, and names what to supply
        assertThat(values.stream().filter(v -> !v.indicator().equals("Z9/0")))
                .allSatisfy(v -> assertThat(v.missingInputs()).as(v.formula()).isNotEmpty());
        IndicatorValue unknown = values.stream().filter(v -> v.indicator().equals("Z9/0")).findFirst().orElseThrow();
        assertThat(unknown.value()).isNull();
        assertThat(org.verdant.findings.Values.text(unknown.computation(), new org.verdant.text.Messages("en"))).contains("no formula 'B.99'");
    }

    @Test
    void b10B28AndB5FireOnTheFactsOfASubmission() throws Exception {
        List<Object> facts = emptySections();
        facts.removeIf(f -> f instanceof Submission.Water || f instanceof Submission.Site || f instanceof Submission.Energy);
        facts.add(new Submission.Water(q("4.0e5 m3", "volume"), null, null, null, q("3.6e6 m3", "volume")));
        facts.add(new Submission.Site(q("150 亩", "area"), q("80000 m2", "area"), null, null, null, q("10000 m2", "area")));
        facts.add(new Submission.Energy(q("3000 tce", "energy"), List.of(
                new Submission.Carrier("屋顶光伏", q("2.0e6 kWh", "energy"), null, true, "self_generated", List.of(), null))));
        facts.add(new TableForm("R4", 0, "B.10", "%", Map.of()));
        facts.add(new TableForm("L3", 0, "B.28", "", Map.of()));
        facts.add(new TableForm("E3", 1, "B.5", "%", Map.of()));
        List<IndicatorValue> values = derive(facts);
        IndicatorValue reuse = value(values, "R4/0");
        assertThat(reuse.value()).isCloseTo(3.6e6 / (4.0e5 + 3.6e6) * 100, within(1e-9)); // 90 %
        assertThat(reuse.formula()).isEqualTo("B.10 工业用水重复利用率 = 重复利用水量 ÷ (取水量 + 重复利用水量) × 100%");
        assertThat(reuse.inputs()).containsExactlyInAnyOrder("water.recirculated", "water.intake");
        // 150 亩 = 150 × 10000 / 15 m2 = 100000 m2; (80000 + 10000) ÷ 100000
        assertThat(value(values, "L3/0").value()).isCloseTo((80000.0 + 10000) / (150 * 10000.0 / 15), within(1e-9));
        // 2.0e6 kWh × 0.1229 kgce/kWh = 245.8 tce of 3000 tce
        assertThat(value(values, "E3/1").value()).isCloseTo(2.0e6 * 0.1229 / (3000 * 1000) * 100, within(1e-9));
    }

    private static IndicatorValue value(List<IndicatorValue> values, String key) {
        return values.stream().filter(v -> v.indicator().equals(key)).findFirst().orElseThrow(() -> new AssertionError("no value " + key));
    }
}
