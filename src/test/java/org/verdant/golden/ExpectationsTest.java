package org.verdant.golden;

import org.junit.jupiter.api.Test;
import org.verdant.coverage.Expectations;
import org.verdant.yaml.Problem;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The checker of NAME.expect.yaml files: arithmetic, tolerances, and one located line per failure. */
class ExpectationsTest {
    /** A verdict cut down to the parts the checker reads, with figures rounded as the verdict writer rounds them. */
    private static final String VERDICT = """
            {
              "format" : "verdant.verdict/1",
              "eligible" : true,
              "mandatory_met" : false,
              "score" : 65.52,
              "grade" : null,
              "categories" : [ { "id" : "E", "weight" : 30, "points" : 23.1111, "max" : 30, "score" : 77.04, "weighted_score" : 23.11 } ],
              "green_index" : { "years" : [ { "year" : 2023, "gi" : 68.24, "mandatory_missing" : [ "HG4" ], "complete" : false } ] },
              "gates" : [ { "id" : "G1", "status" : "met", "values" : { } },
                          { "id" : "Z0", "status" : "not_applicable", "values" : { "value" : 0.2, "threshold" : null } } ],
              "criteria" : [
                { "id" : "E1", "status" : "partly_met", "points" : 6.4444, "max" : 8,
                  "values" : { "form" : "per_output_value", "value" : 27.777778, "ratio" : 0.8056 } },
                { "id" : "E3", "status" : "met", "points" : 8, "max" : 8, "values" : { "value" : 8, "leading" : 8 } },
                { "id" : "PRF-06", "status" : "partly_met", "points" : 5, "max" : 8,
                  "values" : { "value" : 2435.897436, "small" : 0.003683 } },
                { "id" : "E1P", "status" : "partly_met", "points" : 3.7597, "max" : 8,
                  "values" : { "parts" : [ { "value" : 45, "baseline" : 46, "weight_share" : 0.1488 },
                                           { "value" : -29, "baseline" : -28, "weight_share" : 0.0659 } ] } }
              ]
            }
            """;

    private static List<String> check(String expect) {
        return Expectations.check("x.expect.yaml", expect.getBytes(StandardCharsets.UTF_8), VERDICT).stream().map(Problem::toString).toList();
    }

    private static String file(String body) {
        return "format: verdant.expect/1\n" + body;
    }

    @Test
    void figuresWrittenAsArithmeticHoldWithinTheVerdictsRounding() {
        assertThat(check(file("""
                eligible: true
                mandatory_met: false
                score: "6.444444 + 2.666667 + 8 + 6 + 42.410402"
                grade: null
                categories: {E: {points: "58/9 + 8/3 + 8 + 6", max: 30, score: "(58/9 + 8/3 + 14) / 30 * 100", weighted_score: 23.11}}
                green_index: {2023: {gi: 68.2427, mandatory_missing: [HG4], complete: false}}
                gates: {G1: met, Z0: {status: not_applicable, value: "30000 / 150000", threshold: null}}
                criteria:
                  E1: {status: partly_met, points: "8 * (250/9 - 60) / (20 - 60)", max: 8, form: per_output_value, value: "250/9", ratio: "29/36"}
                  E3: {status: met, points: 8, value: "400 / 5000 * 100", leading: 8}
                  PRF-06: {value: "7.6e9 / 3.12e6", small: "221 / 60000"}
                  E1P: {parts: [{value: 45, baseline: 46, weight_share: "240/1613"}, {value: -29, weight_share: "319/4839"}]}
                """))).isEmpty();
    }

    @Test
    void aFigureOutsideItsToleranceFailsWithOneLocatedLine() {
        assertThat(check(file("criteria:\n  E1: {points: 6.4443}\n")))
                .containsExactly("x.expect.yaml:3:16: criteria.E1.points: expected 6.4443 but the verdict has 6.4444");
        assertThat(check(file("criteria:\n  E3: {leading: \"400 / 5000 * 100 * 0.75\"}\n")))
                .containsExactly("x.expect.yaml:3:17: criteria.E3.leading: expected 400 / 5000 * 100 * 0.75 = 6 but the verdict has 8");
        assertThat(check(file("score: 65.526\n"))).hasSize(1).first().asString().contains("score: expected 65.526 but the verdict has 65.52");
        assertThat(check(file("criteria:\n  E1: {ratio: 0.80566}\n"))).hasSize(1);
        assertThat(check(file("criteria:\n  PRF-06: {small: 0.0036841}\n"))).hasSize(1);
        assertThat(check(file("criteria:\n  PRF-06: {value: 2436}\n"))).hasSize(1);
    }

    @Test
    void anExplicitMarginReplacesTheTolerance() {
        assertThat(check(file("score: {value: 65.3, margin: 0.25}\n"))).isEmpty();
        assertThat(check(file("score: {value: 65.3, margin: 0.2}\n")))
                .containsExactly("x.expect.yaml:2:16: score: expected 65.3 ± 0.2 but the verdict has 65.52");
    }

    @Test
    void aWrongStatusOrFlagIsNamed() {
        assertThat(check(file("gates: {G1: not_met}\ncriteria:\n  E1: {status: met}\n"))).containsExactly(
                "x.expect.yaml:2:13: gates.G1.status: expected not_met but the verdict has met",
                "x.expect.yaml:4:16: criteria.E1.status: expected met but the verdict has partly_met");
        assertThat(check(file("eligible: null\nmandatory_met: true\ngrade: ★★★\n"))).containsExactly(
                "x.expect.yaml:2:11: eligible: expected null but the verdict has true",
                "x.expect.yaml:3:16: mandatory_met: expected true but the verdict has false",
                "x.expect.yaml:4:8: grade: expected ★★★ but the verdict has null");
    }

    @Test
    void whatTheVerdictDoesNotHaveIsNamed() {
        assertThat(check(file("criteria:\n  E3: {baseline: 0}\n  X99: met\ncategories: {Q: {points: 1}}\ngreen_index: {2030: 1}\n")))
                .containsExactly(
                        "x.expect.yaml:3:18: criteria.E3.baseline: expected 0 but the verdict has no such value",
                        "x.expect.yaml:4:3: criteria.X99: the verdict has no criterion X99",
                        "x.expect.yaml:5:14: categories.Q: the verdict has no category Q",
                        "x.expect.yaml:6:15: green_index.2030: the verdict's green index has no year 2030");
        assertThat(check(file("criteria:\n  E1P: {parts: [{value: 45}]}\n")))
                .containsExactly("x.expect.yaml:3:16: criteria.E1P.parts: expected 1 items but the verdict has 2 items");
    }

    @Test
    void problemsOfTheFileItselfAreLocated() {
        assertThat(check("format: verdant.expect/2\ncritera: {}\n")).containsExactly(
                "x.expect.yaml:1:9: format: the first key must be 'format: verdant.expect/1', found 'verdant.expect/2'",
                "x.expect.yaml:2:1: critera: unknown key; did you mean 'criteria'?");
        assertThat(check(file("criteria:\n  E3: {status: meet, points: \"8 +\", leading: abc}\n"))).satisfiesExactly(
                p -> assertThat(p).isEqualTo("x.expect.yaml:3:16: criteria.E3.status: 'meet' is not a status; did you mean 'met'?"),
                p -> assertThat(p).startsWith("x.expect.yaml:3:30: criteria.E3.points: '8 +' is not a number or arithmetic: "),
                p -> assertThat(p).startsWith("x.expect.yaml:3:46: criteria.E3.leading: 'abc' is not a number or arithmetic: "));
        assertThat(check("criteria: [\n")).singleElement().asString().startsWith("x.expect.yaml:").contains("not valid YAML");
    }

    /** The same problems in Chinese, the default language of ./verdant test: located as before, the message in words (h14-last). */
    @Test
    void problemsOfTheFileItselfAreInTheReadersLanguage() {
        List<String> zh = Expectations.check("x.expect.yaml", (file("criteria:\n  E3: {status: meet, points: \"8 +\"}\n")
                + "eligible: maybe\n").getBytes(StandardCharsets.UTF_8), VERDICT).stream().map(p -> p.toString("zh")).toList();
        assertThat(zh).contains("x.expect.yaml:3:16: criteria.E3.status: “meet”不是状态；是否想写“met”？",
                "x.expect.yaml:3:30: criteria.E3.points: “8 +”不是数字，也不是算式",
                "x.expect.yaml:4:11: eligible: 应为 true、false 或 null（未确定）");
        assertThat(Expectations.check("x.expect.yaml", "format: verdant.expect/2\n".getBytes(StandardCharsets.UTF_8), VERDICT).get(0).toString("zh"))
                .isEqualTo("x.expect.yaml:1:9: format: 第一个键必须是“format: verdant.expect/1”，实际为“verdant.expect/2”");
    }

    @Test
    void withoutAVerdictNothingHolds() {
        assertThat(Expectations.check("x.expect.yaml", file("eligible: true\n").getBytes(StandardCharsets.UTF_8), "exit 3"))
                .singleElement().asString().contains("no JSON verdict");
    }
}
