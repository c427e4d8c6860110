package org.verdant.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** improve, what-if and diff on the command line: output and exit codes. */
class ImproveWhatIfDiffCliTest {
    private static final String FOOD = "fixtures/green-factory/gbt36132-2018/food-hebei-star-rated.yaml";

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = Stream.concat(Stream.of(args), Stream.of("--rules", "rules", "--scorecards", "scorecards")).toArray(String[]::new);
        int code = VerdantCli.run(new PrintWriter(out), new PrintWriter(err), all);
        return new Run(code, out.toString(), err.toString());
    }

    @TempDir
    Path tmp;

    @Test
    void improvePrintsBlockersRankedChangesAndTheTarget() throws IOException {
        Run r = run("improve", FOOD, "--grading", "hebei-db13t6005-2024", "--target", "★★★★★", "--lang", "en");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Blockers: none").contains("1. +2.67  PRD-02")
                .contains("--set 'products[0].energy=7920 tce'")
                .contains("Reachable with 5 change(s): PRD-02, ENR-08, ENR-06, PRF-12, EMI-04") // PRF-11 is beyond one year's cap (issue 13)
                .contains("./verdant what-if " + FOOD);
        Run json = run("improve", FOOD, "--grading", "hebei-db13t6005-2024", "--target", "★★★★★", "--format", "json");
        JsonNode plan = new ObjectMapper().readTree(json.out());
        assertThat(plan.get("format").asText()).isEqualTo("verdant.plan/1");
        assertThat(plan.get("changes").get(0).get("id").asText()).isEqualTo("PRD-02");
        assertThat(plan.get("changes").get(0).get("gain").asDouble()).isEqualTo(2.6667);
        assertThat(plan.get("target").get("reachable").asBoolean()).isTrue();
        assertThat(plan.get("target").get("reached").get("grade").asText()).isEqualTo("★★★★★");
    }

    @Test
    void improveUsageErrorsExitTwo() {
        Run noTable = run("improve", FOOD, "--target", "★★★★", "--lang", "en");
        assertThat(noTable.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(noTable.err()).contains("usage error: --target '★★★★' is a grade, but no grading table is selected");
        Run zeroCarbon = run("improve", "fixtures/zero-carbon-park/ndrc-2025-910/xining-500k-over-threshold.yaml", "--target", "90");
        assertThat(zeroCarbon.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("improve", "no-such.yaml").code()).isEqualTo(ExitCodes.USAGE);
        // issue 16: NaN and infinities were accepted as scores to reach
        for (String absurd : List.of("NaN", "Infinity", "-5", "1e400")) {
            Run r = run("improve", FOOD, "--target", absurd);
            assertThat(r.code()).as(absurd).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).as(absurd).contains("不是可达到的分数");
        }
    }

    @Test
    void improveOnAnInvalidSubmissionExitsThreeWithItsProblems() throws IOException {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(Path.of(FOOD)).replace("land_area: 300 亩", "land_area: -3 亩"));
        Run r = run("improve", bad.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_SUBMISSION);
        assertThat(r.err()).containsPattern("bad\\.yaml:\\d+:\\d+: site\\.land_area").doesNotContain("\tat ");
    }

    @Test
    void whatIfShowsBeforeAndAfter() {
        Run r = run("what-if", FOOD, "--set", "products[0].energy=7920 tce", "--set", "claims.INF-06.met=true",
                "--set", "claims.INF-06.evidence=[二期多层厂房验收]", "--lang", "en");
        assertThat(r.code()).as(r.err()).isZero();
        // hand check: +1.2 (PRF-11, 30 × 4 ÷ 100) and +1 (INF-06, 20 × 5 ÷ 100)
        assertThat(r.out()).contains("82.03                  84.23  (+2.2)")
                .contains("products[0].energy: 9000 tce → 7920 tce")
                .contains("INF-06  not met → met 0/5 → 5/5  (+5 points)")
                .contains("PRF-11  partly met → met 6/10 → 10/10  (+4 points)")
                .contains("PRF  Performance                    22.2 → 23.4     +1.2");
    }

    @Test
    void whatIfErrorsExitTwoForABadSetAndThreeForAnInvalidResult() {
        Run malformed = run("what-if", FOOD, "--set", "energy.comprehensive");
        assertThat(malformed.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(malformed.err()).contains("请写作 PATH=VALUE");
        assertThat(run("what-if", FOOD, "--set", "energy.comprehensive", "--lang", "en").err()).contains("write PATH=VALUE");
        Run unknown = run("what-if", FOOD, "--set", "energy.comprehensiv=170000tce");
        assertThat(unknown.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("energy.comprehensiv: 申报材料格式中没有这个字段；是否应为 'comprehensive'？");
        assertThat(run("what-if", FOOD, "--set", "energy.comprehensiv=170000tce", "--lang", "en").err())
                .contains("energy.comprehensiv: no such field in the submission format; did you mean 'comprehensive'?");
        Run outOfRange = run("what-if", FOOD, "--set", "products[3].energy=1 tce");
        assertThat(outOfRange.code()).isEqualTo(ExitCodes.USAGE);
        Run invalid = run("what-if", FOOD, "--set", "energy.comprehensive=-5 kWh/t", "--lang", "en");
        assertThat(invalid.code()).isEqualTo(ExitCodes.INVALID_SUBMISSION);
        assertThat(invalid.err()).contains("--set energy.comprehensive=-5 kWh/t: energy.comprehensive:")
                .contains("with the --set changes: invalid submission").doesNotContain("\tat ");
        assertThat(run("what-if", FOOD, "--set", "energy.comprehensive=-5 kWh/t").err()).contains("按 --set 修改后：申报材料无效（1 个问题），未评分");
        Run elsewhere = run("what-if", FOOD, "--set", "site.land_area=10 m2");
        assertThat(elsewhere.code()).isEqualTo(ExitCodes.INVALID_SUBMISSION);
        assertThat(elsewhere.err()).containsPattern("food-hebei-star-rated\\.yaml:31:\\d+: site\\.footprint_area");
        assertThat(run("what-if", FOOD).code()).isEqualTo(ExitCodes.USAGE); // --set is required
    }

    @Test
    void diffComparesSubmissionsVerdictsAndRulebooks() throws IOException {
        Path b = tmp.resolve("b.yaml");
        Files.writeString(b, Files.readString(Path.of(FOOD)).replace("energy: 9000 tce", "energy: 7920 tce"), StandardCharsets.UTF_8);
        Run subs = run("diff", FOOD, b.toString(), "--lang", "en");
        assertThat(subs.code()).as(subs.err()).isZero();
        assertThat(subs.out()).contains("products[0].energy: 9000 tce → 7920 tce").contains("PRF-11  partly met → met")
                .contains("(+1.2)").contains("Rulebook and figures: the same");

        Path va = tmp.resolve("a.json");
        Path vb = tmp.resolve("b.json");
        assertThat(run("evaluate", FOOD, "--format", "json", "-o", va.toString()).code()).isZero();
        assertThat(run("evaluate", b.toString(), "--format", "json", "-o", vb.toString()).code()).isZero();
        Run verdicts = run("diff", va.toString(), vb.toString(), "--format", "json");
        assertThat(verdicts.code()).as(verdicts.err()).isZero();
        JsonNode d = new ObjectMapper().readTree(verdicts.out());
        assertThat(d.get("format").asText()).isEqualTo("verdant.diff/1");
        assertThat(d.get("score_delta").asDouble()).isEqualTo(1.2);
        assertThat(d.get("inputs").isNull()).isTrue();
        assertThat(d.get("items").get(0).get("id").asText()).isEqualTo("PRF-11");
        assertThat(d.get("items").get(0).get("values").toString()).contains("\"a\":\"25\",\"b\":\"22\"");

        // the same file under a scorecard with one figure changed and its version bumped
        Path scorecards = tmp.resolve("scorecards");
        copy(Path.of("scorecards"), scorecards);
        Path edition = scorecards.resolve("green-factory/gbt36132-2018.yaml");
        String text = Files.readString(edition);
        String changed = text.replace("reference: {value: 40, unit: \"%\", status: provisional, source: performance-levels, detail: {zh: \"PRF-02 先进值",
                "reference: {value: 36, unit: \"%\", status: provisional, source: performance-levels, detail: {zh: \"PRF-02 先进值")
                .replaceFirst("version: \"([^\"]+)\"", "version: \"$1-b\"");
        assertThat(changed).isNotEqualTo(text);
        Files.writeString(edition, changed);
        Run rulebooks = run("diff", FOOD, FOOD, "--scorecards-b", scorecards.toString(), "--lang", "en");
        assertThat(rulebooks.code()).as(rulebooks.err()).isZero();
        assertThat(rulebooks.out()).contains("Input values: the same").contains("PRF-02  partly met → met 5/8 → 8/8")
                .contains("PRF-02.advanced.reference: 40 % (provisional) → 36 % (provisional)")
                .containsPattern("green-factory/gbt36132-2018: \\S+ → \\S+-b").contains("rulebook digest:");
    }

    @Test
    void diffUsageErrorsExitTwo() throws IOException {
        Path notVerdict = tmp.resolve("x.json");
        Files.writeString(notVerdict, "{\"format\": \"something/1\"}");
        Run r = run("diff", FOOD, notVerdict.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("not a verdict");
        Path verdict = tmp.resolve("v.json");
        run("evaluate", FOOD, "--format", "json", "-o", verdict.toString());
        Run rulesForAVerdict = run("diff", FOOD, verdict.toString(), "--scorecards-b", "scorecards");
        assertThat(rulesForAVerdict.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("diff", FOOD).code()).isEqualTo(ExitCodes.USAGE);
        Path invalid = tmp.resolve("bad.yaml");
        Files.writeString(invalid, Files.readString(Path.of(FOOD)).replace("land_area: 300 亩", "land_area: -3 亩"));
        Run bad = run("diff", FOOD, invalid.toString());
        assertThat(bad.code()).isEqualTo(ExitCodes.INVALID_SUBMISSION);
        assertThat(bad.err()).containsPattern("bad\\.yaml:\\d+:\\d+: site\\.land_area");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }
}
