package org.verdant.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdant.support.TestRulebook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verdant.cli.CliTest.run;
import static org.verdant.cli.CliTest.withRulebook;

/**
 * The errors of the app layer, the archive and the commands' own checks: Chinese by default (no
 * English phrase in them), English with --lang en.
 */
class ChineseFaultsCliTest {
    @TempDir
    Path tmp;

    private Path submission() throws IOException {
        Path f = tmp.resolve("f.yaml");
        Files.writeString(f, TestRulebook.base(), StandardCharsets.UTF_8);
        return f;
    }

    private static String[] en(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--lang");
        all.add("en");
        return all.toArray(String[]::new);
    }

    /** The command fails in Chinese with {@code zh} in its error, and in English with {@code en}. */
    private static void failsInBoth(String[] args, String zh, String en) {
        CliTest.Run chinese = run(args);
        assertThat(chinese.code()).as(chinese.err()).isNotZero();
        assertThat(chinese.err()).contains(zh);
        assertThat(ChineseCliTest.englishPhrases(chinese.err())).as(chinese.err()).isEmpty();
        CliTest.Run english = run(en(args));
        assertThat(english.code()).isEqualTo(chinese.code());
        assertThat(english.err()).contains(en);
    }

    @Test
    void unknownGradingTableIsNamedInTheUsersLanguage() throws IOException {
        Path f = submission();
        failsInBoth(withRulebook("batch", f.toString(), "--grading", "nope", "--out", tmp.resolve("o.jsonl").toString()),
                "未知的评级表“nope”", "unknown grading table 'nope'");
    }

    @Test
    void unknownCriterionIsNamedInTheUsersLanguage() throws IOException {
        Path f = submission();
        failsInBoth(withRulebook("explain", f.toString(), "NOPE-99"), "中没有条款“NOPE-99”", "no criterion 'NOPE-99'");
    }

    @Test
    void aMissingArchiveIsNamedInTheUsersLanguage() {
        Path data = tmp.resolve("nothing-here");
        failsInBoth(new String[]{"archive", "list", "--data", data.toString()}, "处没有档案库", "no archive at");
    }

    @Test
    void commandChecksAreInTheUsersLanguage() throws IOException {
        Path f = submission();
        failsInBoth(withRulebook("batch", f.toString(), "--threads", "-1"), "--threads 至少为 1", "--threads must be at least 1");
        failsInBoth(withRulebook("evaluate", f.toString(), "--trace"), "--trace 须与 --format json 同用", "--trace goes with --format json");
        Path nowhere = tmp.resolve("no-dir").resolve("out.txt");
        failsInBoth(withRulebook("evaluate", f.toString(), "--output", nowhere.toString()), "无法写入", "cannot write");
        failsInBoth(withRulebook("report", f.toString(), "--output", nowhere.toString()), "无法写入", "cannot write");
        failsInBoth(withRulebook("test", tmp.resolve("no-such").toString()), "没有这个文件夹", "no such folder");
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        failsInBoth(withRulebook("test", empty.toString()), "没有找到样例", "no fixtures (*.yaml) found");
    }

    @Test
    void diffRulebookBOnAVerdictIsInTheUsersLanguage() throws IOException {
        Path f = submission();
        Path json = tmp.resolve("v.json");
        CliTest.Run v = run(withRulebook("evaluate", f.toString(), "--format", "json", "--output", json.toString()));
        assertThat(v.code()).as(v.err()).isZero();
        String rules = "rules";
        failsInBoth(withRulebook("diff", f.toString(), json.toString(), "--rules-b", rules), "是已评价的结果", "is a verdict, already evaluated");
    }

    @Test
    void archiveChecksAreInTheUsersLanguage() throws IOException {
        Path f = submission();
        Path data = tmp.resolve("data");
        assertThat(run(withRulebook("evaluate", f.toString(), "--archive", data.toString())).code()).isZero();
        failsInBoth(new String[]{"archive", "show", "1", "--submission", "--verdict", "--data", data.toString()},
                "只能选一个", "choose one");
        failsInBoth(new String[]{"cohort", "--year", "2024", "--scheme", "green-park", "--data", data.toString()},
                "档案库中没有“green-park”的评价", "no archived evaluation of 'green-park'");
    }

    @Test
    void targetMessagesAreInTheUsersLanguage() {
        String food = "fixtures/green-factory/gbt36132-2018/food-hebei-star-rated.yaml";
        failsInBoth(new String[]{"improve", food, "--target", "★★★★"}, "是等级，但未选择评级表", "is a grade, but no grading table is selected");
        failsInBoth(new String[]{"improve", food, "--grading", "hebei-db13t6005-2024", "--target", "X"}, "没有等级“X”", "has no grade 'X'");
        failsInBoth(new String[]{"improve", "fixtures/zero-carbon-park/ndrc-2025-910/xining-500k-over-threshold.yaml", "--target", "90"},
                "没有可达到的分数", "has no score to reach");
    }
}
