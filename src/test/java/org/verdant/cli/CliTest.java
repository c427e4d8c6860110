package org.verdant.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdant.support.TestRulebook;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line: exit codes and messages as the README documents them. */
class CliTest {
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = VerdantCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    static String[] withRulebook(String... args) {
        return Stream.concat(Stream.of(args), Stream.of("--rules", "rules", "--scorecards", "scorecards")).toArray(String[]::new);
    }

    @TempDir
    Path tmp;

    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void evaluatePrintsAChineseVerdictByDefault() throws IOException {
        Path f = write("f.yaml", TestRulebook.base());
        Run r = run(withRulebook("evaluate", f.toString()));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("基本要求: 符合").contains("指标得分: 100 / 100").contains("INF-07").contains("GB/T 36132-2018");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void evaluateInEnglishAndAsJson() throws IOException {
        Path f = write("f.yaml", TestRulebook.with(TestRulebook.base(), "claims.INF-05", "{met: false}"));
        Run en = run(withRulebook("evaluate", f.toString(), "--lang", "en"));
        assertThat(en.out()).contains("Basic requirements: conform").contains("Score: 98 / 100").contains("Declared not met.");
        Run json = run(withRulebook("evaluate", f.toString(), "--format", "json"));
        JsonNode v = new ObjectMapper().readTree(json.out());
        assertThat(v.get("format").asText()).isEqualTo("verdant.verdict/1");
        assertThat(v.get("score").asDouble()).isEqualTo(98.0);
        assertThat(v.get("eligible").asBoolean()).isTrue();
        assertThat(v.get("criteria")).hasSize(57);
        assertThat(v.get("gates")).hasSize(8 + 8); // B1..B8 and the cultivation gates CUL-01..CUL-08
        assertThat(v.get("rulebook").get("digest").asText()).startsWith("sha256:");
        assertThat(v.get("input").get("digest").asText()).startsWith("sha256:");
        assertThat(v.get("warnings").toString()).contains("provisional");
        // byte-identical on a second run
        assertThat(run(withRulebook("evaluate", f.toString(), "--format", "json")).out()).isEqualTo(json.out());
    }

    @Test
    void gradingTableIsSelectable() throws IOException {
        // a Hebei factory evaluated after DB13/T 6005—2024 took effect (2024-11-28): the table grades it
        Path f = write("f.yaml", TestRulebook.with(TestRulebook.with(TestRulebook.with(TestRulebook.base(), "claims.INF-05", "{met: false}"),
                "facility.province", "河北"), "evaluation_date", "2025-01-10"));
        Run r = run(withRulebook("evaluate", f.toString(), "--format", "json", "--grading", "hebei-db13t6005-2024"));
        assertThat(r.out()).contains("\"grade\" : \"★★★★★\"");
        Run unknown = run(withRulebook("evaluate", f.toString(), "--grading", "nowhere"));
        assertThat(unknown.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("未知的评级表“nowhere”").contains("hebei-db13t6005-2024");
    }

    @Test
    void invalidSubmissionsExitThreeWithEveryProblemLocated() throws IOException {
        Path f = write("bad.yaml", TestRulebook.with(TestRulebook.with(TestRulebook.base(), "site.land_area", "-3 亩"),
                "claims.INF-99", "{met: true, evidence: [x]}"));
        Run r = run(withRulebook("evaluate", f.toString(), "--lang", "en"));
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_SUBMISSION);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).containsPattern("bad\\.yaml:\\d+:\\d+: site\\.land_area: '-3 亩' must be greater than zero");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        Run v = run(withRulebook("validate", f.toString()));
        assertThat(v.code()).isEqualTo(ExitCodes.INVALID_SUBMISSION);
    }

    @Test
    void scorecardAwareChecksNameTheCriterion() throws IOException {
        Path f = write("c.yaml", TestRulebook.with(TestRulebook.with(TestRulebook.base(), "claims.INF-99", "{met: true, evidence: [x]}"),
                "claims.MGT-01", "{met: true, evidence: [x]}"));
        Run r = run(withRulebook("validate", f.toString(), "--lang", "en"));
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_SUBMISSION);
        assertThat(r.err()).contains("claims.INF-99: no such criterion in GB/T 36132-2018; did you mean 'INF-09'?");
        assertThat(r.err()).contains("claims.MGT-01: MGT-01 is decided from management_systems, not from a claim");
    }

    @Test
    void validateAcceptsAGoodFile() throws IOException {
        Path f = write("f.yaml", TestRulebook.base());
        Run r = run(withRulebook("validate", f.toString(), "--lang", "en"));
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("valid submission for green factory GB/T 36132-2018");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("evaluate").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("evaluate", "x.yaml", "--nope").code()).isEqualTo(ExitCodes.USAGE);
        Run missing = run(withRulebook("evaluate", "no-such-file.yaml"));
        assertThat(missing.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("no-such-file.yaml：没有此文件");
        assertThat(run(withRulebook("evaluate", "no-such-file.yaml", "--lang", "en")).err()).contains("no-such-file.yaml: no such file");
        assertThat(run("frobnicate").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run(withRulebook("evaluate", "x.yaml", "--format", "pdf")).code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void unknownEditionListsTheAvailableOnes() throws IOException {
        Path f = write("f.yaml", TestRulebook.base());
        Run r = run(withRulebook("evaluate", f.toString(), "--edition", "GB/T 36132-2099", "--lang", "en"));
        // an edition no scheme has is a wrong option, like an unknown --grading (issue 16: it exited 3)
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--edition: unknown edition 'GB/T 36132-2099'").contains("available: ").contains("GB/T 36132-2018");
        Run zh = run(withRulebook("evaluate", f.toString(), "--edition", "GB/T 36132-2099"));
        assertThat(zh.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(zh.err()).contains("--edition: 未知的版本“GB/T 36132-2099”");
        // an edition of another scheme is this submission's mismatch, located like any other problem
        Run park = run(withRulebook("evaluate", f.toString(), "--edition", "MIIT-2016-586-park", "--lang", "en"));
        assertThat(park.code()).as(park.err()).isEqualTo(ExitCodes.INVALID_SUBMISSION);
    }

    @Test
    void rulesCheckAndSchemes() {
        Run check = run(withRulebook("rules", "check", "--lang", "en"));
        assertThat(check.code()).as(check.err()).isZero();
        assertThat(check.out()).contains("ok  green-factory  GB/T 36132-2018").contains("rulebook digest sha256:");
        Run schemes = run(withRulebook("schemes", "--lang", "en"));
        assertThat(schemes.code()).isZero();
        assertThat(schemes.out()).contains("green-factory").contains("GB/T 36132-2018").contains("before 2025-12-31")
                .contains("hebei-db13t6005-2024");
    }

    @Test
    void aBrokenRuleIsReportedWithFileAndLine() throws IOException {
        Path rules = copyTree(Path.of("rules"), tmp.resolve("rules"));
        Path drl = rules.resolve("common/claims.drl");
        Files.writeString(drl, Files.readString(drl).replace("$r : Requirement( decidedBy == \"claim\", $id : id )\n    not Claim",
                "$r : Requirment( decidedBy == \"claim\", $id : id )\n    not Claim"));
        Run r = run("rules", "check", "--rules", rules.toString(), "--scorecards", "scorecards");
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_RULEBOOK);
        assertThat(r.err()).containsPattern("claims\\.drl:\\d+:1: .*Requirment");
        assertThat(r.err()).doesNotContain("\tat ");
        Path f = write("f.yaml", TestRulebook.base());
        assertThat(run("evaluate", f.toString(), "--rules", rules.toString(), "--scorecards", "scorecards").code())
                .isEqualTo(ExitCodes.INVALID_RULEBOOK);
    }

    @Test
    void aScorecardWhoseWeightsDoNotSumToOneHundredIsRefused() throws IOException {
        Path cards = copyTree(Path.of("scorecards"), tmp.resolve("scorecards"));
        Path card = cards.resolve("green-factory/gbt36132-2018.yaml");
        String text = Files.readString(card);
        Files.writeString(card, text.replaceFirst("weight: \\{value: 20,", "weight: {value: 25,"));
        Run r = run("rules", "check", "--rules", "rules", "--scorecards", cards.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_RULEBOOK);
        assertThat(r.err()).contains("the category weights sum to 105, not 100");
    }

    private static Path copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
        return to;
    }

    @Test
    void verdictDigestCoversOnlyTheFilesItUsed() throws IOException {
        Path f = write("f.yaml", TestRulebook.base());
        JsonNode plain = new ObjectMapper().readTree(run(withRulebook("evaluate", f.toString(), "--format", "json")).out());
        JsonNode graded = new ObjectMapper().readTree(run(withRulebook("evaluate", f.toString(), "--format", "json",
                "--grading", "hebei-db13t6005-2024")).out());
        assertThat(plain.at("/rulebook/files").toString()).doesNotContain("grading/")
                .contains("rules/green-factory/gbt36132-2018/5.1-basic-requirements.drl");
        assertThat(graded.at("/rulebook/files").toString()).contains("scorecards/grading/hebei-db13t6005-2024.yaml");
        assertThat(plain.at("/rulebook/digest").asText()).isNotEqualTo(graded.at("/rulebook/digest").asText());
    }

    @Test
    void compareEditionsPrintsBothVerdictsSideBySide() throws IOException {
        Path f = write("f.yaml", TestRulebook.base());
        Run r = run(withRulebook("compare-editions", f.toString(), "--lang", "en"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("GB/T 36132-2018").contains("GB/T 36132-2025")
                .contains("Indicators measured in both editions").contains("plot_ratio")
                .contains("Data to collect for GB/T 36132-2025").contains("E4: energy_carbon_management.functions");
        assertThat(run(withRulebook("compare-editions", tmp.resolve("none.yaml").toString())).code()).isEqualTo(2);
    }

    @Test
    void unknownEditionNamesBothEditionsAndSchemesListsThem() throws IOException {
        Path f = write("f.yaml", TestRulebook.base());
        Run r = run(withRulebook("evaluate", f.toString(), "--edition", "GB/T 36132-2030", "--lang", "en"));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown edition 'GB/T 36132-2030'").contains("GB/T 36132-2018, GB/T 36132-2025");
        assertThat(run(withRulebook("schemes", "--lang", "en")).out()).contains("GB/T 36132-2025    from 2025-12-31").contains("MIIT-2024-13");
    }
}
