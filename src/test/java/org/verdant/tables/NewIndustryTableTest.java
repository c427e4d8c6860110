package org.verdant.tables;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdant.evaluation.Evaluator;
import org.verdant.findings.Finding;
import org.verdant.findings.Status;
import org.verdant.rulebook.CompiledRulebook;
import org.verdant.rulebook.RulebookLoader;
import org.verdant.support.TestRulebook;
import org.verdant.verdict.Verdict;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Adding an indicator table needs no DRL and no Java: a brand-new table for an invented industry
 * (tea-beverage manufacturing, C1599), written into a temporary folder beside the shipped
 * scorecards, evaluated with the project's own rules. It uses four Appendix B formulas the shipped
 * tables do not (B.3, B.14, B.18, B.24), a banded rule, a step, the range method and a qualitative
 * indicator graded by degree; every point below is computed by hand from the submission.
 */
class NewIndustryTableTest {
    @TempDir
    Path tmp;

    private static final String TABLE = """
            format: verdant.indicator-table/1
            id: tea-beverage-c1599
            version: "2026.12.0"
            edition: "GB/T 36132-2025"
            title: {zh: "茶饮料制造行业绿色工厂评价指标表（试验）", en: "Tea-beverage green factory indicator table (trial)"}
            kind: industry
            industries: [C1599]
            applies: {from: 2025-12-31, until: null}
            status: provisional
            sources:
              assoc: {title: "An invented industry association's draft table (test)", see: "docs/indicator-tables.md"}
            source: assoc
            pass_line: {value: 60, status: provisional, source: assoc}
            dimensions:
              - id: E
                name: {zh: 能源低碳化, en: Low-carbon energy}
                weight: {value: 40, status: provisional, source: assoc}
                indicators:
                  - {id: T1, number: "1", name: {zh: 单位产品二氧化碳排放量, en: CO2 per product}, type: negative_quantitative,
                     points: {value: 20, status: provisional, source: assoc}, rule: linear, formula: B.3, unit: "kgCO2e/t",
                     leading: {value: 20, unit: "kgCO2e/t", status: provisional, source: assoc},
                     baseline: {value: 60, unit: "kgCO2e/t", status: provisional, source: assoc}}
                  - {id: T2, number: "2", name: {zh: 可再生能源使用比例, en: Renewable share}, type: positive_quantitative,
                     points: {value: 20, status: provisional, source: assoc}, rule: banded, formula: B.5, unit: "%",
                     bands: [{from: 30, points: {value: 20, status: provisional, source: assoc}},
                             {from: 10, to: 30, points: {value: 12, status: provisional, source: assoc}},
                             {from: 0, to: 10, points: {value: 4, status: provisional, source: assoc}}]}
              - id: R
                name: {zh: 资源高效化, en: Resource efficiency}
                weight: {value: 30, status: provisional, source: assoc}
                indicators:
                  - {id: T3, number: "3", name: {zh: 单位产品废水排放量, en: Wastewater discharged per product}, type: negative_quantitative,
                     points: {value: 15, status: provisional, source: assoc}, rule: linear, formula: B.14, unit: "m3/t",
                     leading: {value: 0.5, unit: "m3/t", status: provisional, source: assoc},
                     baseline: {value: 2.5, unit: "m3/t", status: provisional, source: assoc}}
                  - {id: T4, number: "4", name: {zh: 单位产品废气排放量, en: Waste gas discharged per product}, type: negative_quantitative,
                     points: {value: 15, status: provisional, source: assoc}, rule: step, formula: B.18, unit: "m3/t",
                     leading: {value: 150, unit: "m3/t", status: provisional, source: assoc}}
              - id: L
                name: {zh: 用地集约化, en: Land intensification}
                weight: {value: 30, status: provisional, source: assoc}
                indicators:
                  - {id: T5, number: "5", name: {zh: 单位用地面积产能, en: Capacity per m2}, type: positive_quantitative,
                     points: {value: 20, status: provisional, source: assoc}, rule: range, formula: B.24, unit: "t/m2",
                     worst: {value: 1, status: provisional, source: assoc}, best: {value: 6, status: provisional, source: assoc},
                     leading: {value: 5, unit: "t/m2", status: provisional, source: assoc},
                     baseline: {value: 2, unit: "t/m2", status: provisional, source: assoc}}
                  - {id: T6, number: "6", name: {zh: 产品碳足迹核算, en: Product carbon footprint}, type: positive_qualitative,
                     points: {value: 10, status: provisional, source: assoc}, rule: degree,
                     levels: [{id: all, name: {zh: 全部, en: all}, share: 1}, {id: half, name: {zh: 一半, en: half}, share: 0.5}]}
            """;

    private static final String SUBMISSION = """
            scheme: green-factory
            indicator_table: tea-beverage-c1599
            evaluation_date: 2026-03-02
            reporting_year: 2025
            evaluator: {organisation: 某第三方评价机构, kind: third_party, lead: 王工}
            facility: {name: 某茶饮料有限公司, credit_code: 91320582MA20WQ6R5K, industry: C1599, province: 江苏, address: 江苏省某市}
            site: {land_area: 40000 m2, building_floor_area: 30000 m2, footprint_area: 18000 m2}
            economics: {output_value: 60000 万元}
            products:
              - {name: 瓶装茶饮料, main: true, output: 100000 t, capacity: 120000 t}
            energy:
              carriers:
                - {type: electricity, amount: 2.0e7 kWh}
                - {type: 屋顶光伏, amount: 5.0e6 kWh, obtained: self_generated}
            water: {intake: 300000 m3, wastewater_generated: 200000 m3, wastewater_discharged: 150000 m3}
            emissions: {ghg: 3500 tCO2e, waste_gas_generated: 2.0e7 m3, waste_gas_discharged: 1.2e7 m3}
            standing: {violations: [], evidence: [{document: 信用中国 企业专项信用报告, date: 2026-02-20}]}
            management_systems:
              quality: {established: true, evidence: [质量手册]}
              environmental: {established: true, evidence: [环境手册]}
              energy: {established: true, evidence: [能源手册]}
              occupational_health_safety: {established: true, evidence: [职业健康安全手册]}
            claims:
              G2: {met: true, evidence: [绿色低碳发展规划（2025—2030 年）及年度目标]}
              T6: {met: true, degree: 0.5, evidence: [两款主导产品碳足迹报告]}
            """;

    @Test
    void aTableWrittenAsDataForANewIndustryIsEvaluatedWithNoRuleCode() throws Exception {
        Path scorecards = TestRulebook.copyScorecards(tmp);
        Files.writeString(scorecards.resolve("green-factory/gbt36132-2025/tables/tea-beverage-c1599.yaml"), TABLE, StandardCharsets.UTF_8);
        CompiledRulebook rulebook = new CompiledRulebook(RulebookLoader.load(Path.of("rules"), scorecards));
        Verdict v = new Evaluator(rulebook).evaluate("tea.yaml", SUBMISSION.getBytes(StandardCharsets.UTF_8), Evaluator.Options.defaults());

        assertThat(v.scorecard().table().id()).isEqualTo("tea-beverage-c1599");
        // the basic requirements of 4.2 (the cultivation measures' gates need facts this test leaves out)
        for (String gate : new String[]{"G1", "G2", "G3"}) {
            assertThat(v.gates().stream().filter(g -> g.id().equals(gate)).findFirst().orElseThrow().finding().status()).as(gate).isEqualTo(Status.MET);
        }
        // T1 B.3: 3500 tCO2e ÷ 100000 t = 35 kgCO2e/t; linear between B 60 and L 20: 20 × (35 − 60)/(20 − 60) = 12.5
        Finding t1 = finding(v, "T1");
        assertThat((Double) t1.values().get("value")).isCloseTo(35, within(1e-9));
        assertThat(t1.points()).isCloseTo(12.5, within(1e-4));
        // T2 B.5: 5.0e6 kWh of 2.5e7 kWh = 20 %: the band [10, 30) earns 12
        Finding t2 = finding(v, "T2");
        assertThat((Double) t2.values().get("value")).isCloseTo(20, within(1e-9));
        assertThat(t2.points()).isEqualTo(12);
        assertThat(t2.status()).isEqualTo(Status.PARTLY_MET);
        // T3 B.14: 150000 m3 ÷ 100000 t = 1.5 m3/t; 15 × (1.5 − 2.5)/(0.5 − 2.5) = 7.5
        assertThat(finding(v, "T3").points()).isCloseTo(7.5, within(1e-4));
        // T4 B.18: 1.2e7 m3 ÷ 100000 t = 120 m3/t ≤ L 150: the step gives all 15
        Finding t4 = finding(v, "T4");
        assertThat((Double) t4.values().get("value")).isCloseTo(120, within(1e-9));
        assertThat(t4.points()).isEqualTo(15);
        // T5 B.24: capacity 120000 t ÷ 40000 m2 = 3 t/m2, between B 2 and L 5: range method 20 × (3 − 1)/(6 − 1) = 8
        Finding t5 = finding(v, "T5");
        assertThat((Double) t5.values().get("value")).isCloseTo(3, within(1e-9));
        assertThat(t5.points()).isCloseTo(8, within(1e-4));
        // T6: degree 0.5 of 10 = 5
        assertThat(finding(v, "T6").points()).isCloseTo(5, within(1e-4));
        // 6.1: 12.5 + 12 + 7.5 + 15 + 8 + 5 = 60, exactly the table's pass line
        assertThat(v.score()).isCloseTo(60, within(1e-4));
        assertThat(org.verdant.verdict.VerdictJson.write(v, new org.verdant.text.Messages("zh")))
                .contains("\"pass_line\" : 60").contains("\"meets_pass_line\" : true");
    }

    private static final String QUOTA_ONLY = """
            format: verdant.indicator-table/1
            id: quota-only
            version: "1"
            edition: "GB/T 36132-2025"
            title: {zh: "取水定额表（试验）", en: "Water quota table (test)"}
            kind: industry
            status: provisional
            sources: {assoc: {title: "test", see: "docs/indicator-tables.md"}}
            dimensions:
              - id: R
                name: {zh: 资源高效化, en: Resources}
                weight: {value: 100, status: provisional, source: assoc}
                indicators:
                  - {id: Q1, number: "1", name: {zh: 单位产品取水量, en: Water per product}, type: negative_quantitative,
                     points: {value: 100, status: provisional, source: assoc}, rule: linear, formula: B.8,
                     leading: {ref: water_quota, quota: advanced}, baseline: {ref: water_quota, quota: general}}
            """;

    @Test
    void aFormWhoseWaterQuotaIsNotStatedIsMissingDataNamingTheQuota() throws Exception {
        Path scorecards = TestRulebook.copyScorecards(tmp);
        Files.writeString(scorecards.resolve("green-factory/gbt36132-2025/tables/quota-only.yaml"), QUOTA_ONLY, StandardCharsets.UTF_8);
        CompiledRulebook rulebook = new CompiledRulebook(RulebookLoader.load(Path.of("rules"), scorecards));
        String submission = SUBMISSION.replace("indicator_table: tea-beverage-c1599", "indicator_table: quota-only").replace("  T6: {met: true, degree: 0.5, evidence: [两款主导产品碳足迹报告]}\n", "");
        Verdict v = new Evaluator(rulebook).evaluate("tea.yaml", submission.getBytes(StandardCharsets.UTF_8), Evaluator.Options.defaults());
        Finding q1 = finding(v, "Q1");
        assertThat(q1.status()).isEqualTo(Status.MISSING_DATA);
        assertThat(String.valueOf(q1.values().get("baseline_missing"))).contains("water_quota");
    }

    @Test
    void energyLimitLevelsWithARuleOtherThanLinearAreRefusedWhereTheyStand() throws Exception {
        Path scorecards = TestRulebook.copyScorecards(tmp);
        String broken = TABLE.replace("rule: linear, formula: B.3, unit: \"kgCO2e/t\",", "rule: step, formula: B.1,")
                .replace("leading: {value: 20, unit: \"kgCO2e/t\", status: provisional, source: assoc},", "leading: {ref: energy_limit, level: 1},");
        assertThat(broken).isNotEqualTo(TABLE);
        Path table = scorecards.resolve("green-factory/gbt36132-2025/tables/tea-beverage-c1599.yaml");
        Files.writeString(table, broken, StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RulebookLoader.load(Path.of("rules"), scorecards))
                .hasMessageContaining("problem")
                .satisfies(e -> assertThat(((org.verdant.rulebook.RulebookException) e).problems().toString())
                        .contains(table.toString()).contains("energy-limit levels are scored per covered product by the linear rule"));
    }

    private static Finding finding(Verdict v, String id) {
        return v.criteria().stream().filter(j -> j.id().equals(id)).findFirst().orElseThrow().finding();
    }
}
