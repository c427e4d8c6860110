package org.verdant.hostile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.verdant.hostile.Cli.Run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verdant.hostile.Cli.lineOf;
import static org.verdant.hostile.Cli.replaceOnce;

/**
 * A broken rulebook is refused (exit 4) with the file and line at fault, before anything is
 * evaluated: nothing reaches stdout. The rulebook is copied to a temporary directory and broken
 * there; a valid submission is evaluated against it.
 */
@Timeout(60) // each broken copy is compiled afresh
class RulebookRefusalTest {
    @TempDir
    Path tmp;

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

    private Run evaluate(Path rules, Path scorecards) {
        return Cli.run("evaluate", Cli.FIXTURE.toString(), "--format", "json", "--rules", rules.toString(),
                "--scorecards", scorecards.toString());
    }

    private static void assertRefusedRulebook(Run r) {
        assertThat(r.code()).as(r.err()).isEqualTo(4);
        assertThat(r.out()).as("nothing is evaluated").isEmpty();
        Cli.assertNoStackTrace(r);
        assertThat(r.err()).containsPattern("(?m)^规则库无效（\\d+ 个问题）$");
    }

    @Test
    void aDrlSyntaxErrorIsRefusedWithItsFileAndLine() throws IOException {
        Path rules = copyTree(Path.of("rules"), tmp.resolve("rules"));
        Path drl = rules.resolve("common/claims.drl");
        String text = Files.readString(drl, StandardCharsets.UTF_8);
        // an unclosed pattern: a parse error, not a type error
        String broken = replaceOnce(text, "    $c : Claim( criterionId == $id, met == ClaimStatus.MET, !evidence.isEmpty(), degree == null )\n",
                "    $c : Claim( criterionId == $id, met == ClaimStatus.MET, !evidence.isEmpty() \n");
        Files.writeString(drl, broken, StandardCharsets.UTF_8);
        int line = lineOf(broken, "    $c : Claim( criterionId == $id, met == ClaimStatus.MET, !evidence.isEmpty() ");

        Run r = evaluate(rules, Path.of("scorecards"));
        assertRefusedRulebook(r);
        // the error is reported in claims.drl, at the broken pattern or on the lines right after it
        Matcher at = Pattern.compile(Pattern.quote(drl.toString()) + ":(\\d+):\\d+: ").matcher(r.err());
        assertThat(at.find()).as("a problem located in %s:%n%s", drl, r.err()).isTrue();
        assertThat(Integer.parseInt(at.group(1))).isBetween(line, line + 3);

        Run check = Cli.run("rules", "check", "--rules", rules.toString(), "--scorecards", "scorecards");
        assertThat(check.code()).isEqualTo(4);
        assertThat(check.err()).contains(drl + ":");
    }

    @Test
    void aScorecardWhoseWeightsDoNotSumToOneHundredIsRefusedNamingTheFileAndTheSum() throws IOException {
        Path scorecards = copyTree(Path.of("scorecards"), tmp.resolve("scorecards"));
        Path card = scorecards.resolve("green-factory/gbt36132-2018.yaml");
        String text = Files.readString(card, StandardCharsets.UTF_8);
        String broken = text.replaceFirst("weight: \\{value: 30,", "weight: {value: 35,");
        assertThat(broken).isNotEqualTo(text);
        Files.writeString(card, broken, StandardCharsets.UTF_8);

        Run r = evaluate(Path.of("rules"), scorecards);
        assertRefusedRulebook(r);
        assertThat(r.err()).containsPattern(Pattern.quote(card.toString()) + ":\\d+:\\d+: categories: the category weights sum to 105, not 100");
    }

    @Test
    void aBrokenRulebookIsRefusedEvenWhenTheSubmissionIsBrokenToo() throws IOException {
        Path scorecards = copyTree(Path.of("scorecards"), tmp.resolve("scorecards"));
        Path card = scorecards.resolve("green-factory/gbt36132-2018.yaml");
        Files.writeString(card, Files.readString(card, StandardCharsets.UTF_8).replaceFirst("weight: \\{value: 30,", "weight: {value: 5,"));
        Path submission = Files.writeString(tmp.resolve("bad.yaml"), "not: a submission\n");
        Run r = Cli.run("evaluate", submission.toString(), "--rules", "rules", "--scorecards", scorecards.toString());
        assertRefusedRulebook(r);
        assertThat(r.err()).contains("the category weights sum to 75, not 100");
    }

    @Test
    void aFigureCitesASourceOfItsFileByIdAndAnUnknownIdIsRefusedWhereItStands() throws IOException {
        Path scorecards = copyTree(Path.of("scorecards"), tmp.resolve("scorecards"));
        Path card = scorecards.resolve("grading/hebei-db13t6005-2024.yaml");
        String text = Files.readString(card, StandardCharsets.UTF_8);
        // the shipped grading table cites its source by id (sources: db13t6005, detail: the star bands)
        String cited = text;
        assertThat(cited).containsPattern("(?m)^sources:\n  db13t6005: \\{title: ").contains("\nsource: db13t6005\ndetail: ");
        Run ok = Cli.run("evaluate", "fixtures/green-factory/gbt36132-2018/food-hebei-star-rated.yaml", "--format", "json",
                "--grading", "hebei-db13t6005-2024", "--rules", "rules", "--scorecards", scorecards.toString());
        assertThat(ok.code()).as(ok.err()).isZero();

        // a fresh copy: the rulebook is read once per process and directory pair
        Path broken = copyTree(scorecards, tmp.resolve("broken"));
        card = broken.resolve("grading/hebei-db13t6005-2024.yaml");
        String unknown = cited.replace("source: db13t6005", "source: db13t6050");
        Files.writeString(card, unknown, StandardCharsets.UTF_8);
        Run r = evaluate(Path.of("rules"), broken);
        assertRefusedRulebook(r);
        int line = lineOf(unknown, "source: db13t6050");
        assertThat(r.err()).contains(card + ":" + line + ":9: source: unknown source 'db13t6050'; did you mean 'db13t6005'?");
    }

    @Test
    void aReasonWithNoTextInALanguageIsRefusedByRulesCheckAtItsLine() throws IOException {
        Path rules = copyTree(Path.of("rules"), tmp.resolve("rules-reasons"));
        Path drl = rules.resolve("common/claims.drl");
        String text = Files.readString(drl, StandardCharsets.UTF_8);
        String broken = replaceOnce(text, ".because(\"claim.not_met\")", ".because(\"claim.not_met_at_all\")");
        Files.writeString(drl, broken, StandardCharsets.UTF_8);
        Run check = Cli.run("rules", "check", "--rules", rules.toString(), "--scorecards", "scorecards");
        assertThat(check.code()).as(check.err()).isEqualTo(4);
        int line = broken.substring(0, broken.indexOf("claim.not_met_at_all")).split("\n", -1).length;
        assertThat(check.err()).contains(drl + ":" + line + ":").contains("reason 'claim.not_met_at_all' has no zh text")
                .contains("reason 'claim.not_met_at_all' has no en text");
    }
}
