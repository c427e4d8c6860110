package org.verdant.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verdant.cli.BatchCommandTest.run;

/** {@code batch DIR} over fixtures: the expectations and snapshots beside a submission are not read as submissions, and the summary says so. */
class BatchFixtureSidecarsTest {
    private static final String CEMENT = "fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer";

    @TempDir
    Path tmp;

    private Path fixtureFolder() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("in"));
        for (String suffix : List.of(".yaml", ".expect.yaml", ".expected.json")) {
            Files.copy(Path.of(CEMENT + suffix), dir.resolve("cement" + suffix));
        }
        return dir;
    }

    @Test
    void aSubmissionWithItsExpectationAndSnapshotIsOneVerdictAndTwoSkipped() throws IOException {
        Path dir = fixtureFolder();
        BatchCommandTest.Run zh = run("batch", dir.toString(), "--no-progress");
        assertThat(zh.code()).as(zh.err()).isZero();
        assertThat(zh.out().lines().toList()).hasSize(1).allMatch(l -> l.startsWith("{\"format\":\"verdant.verdict/1\""));
        assertThat(zh.err()).contains("输入       1\n").contains("跳过 2 个测试样例的附属文件");
        BatchCommandTest.Run en = run("batch", dir.toString(), "--no-progress", "--lang", "en");
        assertThat(en.err()).contains("skipped 2 fixture sidecar file(s)");
        assertThat(en.out().lines().toList()).hasSize(1);
    }

    @Test
    void aSidecarNamedOnTheCommandLineIsEvaluatedAsAskedAndNothingIsSkipped() throws IOException {
        Path dir = fixtureFolder();
        BatchCommandTest.Run r = run("batch", dir.resolve("cement.yaml").toString(), dir.resolve("cement.expect.yaml").toString(), "--no-progress");
        assertThat(r.out().lines().toList()).hasSize(2);
        assertThat(r.out().lines().toList().get(1)).contains("\"format\":\"verdant.batch-error/1\"").contains("cement.expect.yaml");
        assertThat(r.err()).doesNotContain("跳过");
    }

    /** The project's own fixtures, as the README suggests them: one line per submission (the invalid ones are error records, as bad input should be). */
    @Test
    void theProjectsFixturesAreOneLineASubmission() throws IOException {
        long submissions;
        try (Stream<Path> walk = Files.walk(Path.of("fixtures"))) {
            submissions = walk.filter(Files::isRegularFile).filter(org.verdant.coverage.Fixture::isSubmission).count();
        }
        BatchCommandTest.Run r = run("batch", "fixtures", "--no-progress", "--validate-only", "--lang", "en");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize((int) submissions);
        assertThat(lines).noneMatch(l -> l.contains("\"status\":\"error\""));
        assertThat(lines).allMatch(l -> l.contains("\"status\":\"valid\"") || l.contains("/invalid/"));
        assertThat(r.err()).containsPattern("skipped \\d+ fixture sidecar file\\(s\\)");
    }
}
