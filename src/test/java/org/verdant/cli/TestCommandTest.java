package org.verdant.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** verdant test: fixtures against their expectations, --update, the short diff and the coverage report. */
class TestCommandTest {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = VerdantCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    private Run test(Path dir, String... more) {
        List<String> args = new ArrayList<>(List.of("test", dir.toString(), "--lang", "en", "--rules", "rules", "--scorecards", "scorecards"));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    /** Hand figures of fixtures/INTENT.md, cement-jiangsu-high-scorer (2018) and its re-benchmark under 2025. */
    private static final String CEMENT_EXPECT = """
            format: verdant.expect/1
            eligible: true
            score: 98.33
            criteria:
              PRF-11: {status: met, points: "6 + 4", value: "301080 / 3.12e6 * 1000", basic: 117}
            """;
    private static final String CEMENT_2025_EXPECT = """
            format: verdant.expect/1
            eligible: false
            criteria:
              R3: {status: partly_met, value: "680000 / 186000"}
            """;

    @Test
    void runsFixturesUpdatesSnapshotsAndShowsExpectationsFirst() throws IOException {
        Path dir = tmp.resolve("fx");
        Files.createDirectories(dir.resolve("factory"));
        Files.createDirectories(dir.resolve("invalid"));
        Path cement = Files.copy(Path.of("fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.yaml"), dir.resolve("factory/cement.yaml"));
        Files.writeString(dir.resolve("factory/cement.edition-2025.args"), "--edition \"GB/T 36132-2025\"\n", StandardCharsets.UTF_8);
        Files.copy(Path.of("fixtures/invalid/empty.yaml"), dir.resolve("invalid/empty.yaml"));

        Run first = test(dir);
        assertThat(first.code()).as(first.err()).isEqualTo(ExitCodes.DIFFERS);
        assertThat(first.out()).contains("FAIL    " + cement).contains("no cement.expect.yaml: write the figures")
                .contains("no cement.expected.json (create it with --update")
                .contains("FAIL    " + cement + " [edition-2025]").contains("no cement.edition-2025.expect.yaml")
                .contains("3 fixture evaluations: 0 passed, 3 failed");

        Path expect = dir.resolve("factory/cement.expect.yaml");
        Files.writeString(expect, CEMENT_EXPECT, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("factory/cement.edition-2025.expect.yaml"), CEMENT_2025_EXPECT, StandardCharsets.UTF_8);
        Run update = test(dir, "--update");
        assertThat(update.code()).as(update.out() + update.err()).isZero();
        assertThat(update.out()).contains("UPDATED " + cement).contains("3 snapshot(s) rewritten");
        assertThat(dir.resolve("factory/cement.edition-2025.expected.json")).content().contains("\"edition\" : \"GB/T 36132-2025\"")
                .contains("\"input\" : {").doesNotContain("\"digest\"");
        assertThat(dir.resolve("invalid/empty.expected.txt")).content().startsWith("exit 3\n");
        assertThat(expect).content().isEqualTo(CEMENT_EXPECT);

        Run pass = test(dir);
        assertThat(pass.code()).as(pass.out()).isZero();
        assertThat(pass.out()).contains("ok      " + cement).contains("3 fixture evaluations: 3 passed, 0 failed")
                .contains("green-factory GB/T 36132-2018 (green-factory/gbt36132-2018): 65 criteria")
                .contains("not covered:").contains("statuses no fixture produces:");

        // a reviewer's snapshot says INF-05 was not met: the failure names the criterion and the lines
        Path snapshot = dir.resolve("factory/cement.expected.json");
        String json = Files.readString(snapshot, StandardCharsets.UTF_8);
        String inf05 = json.substring(json.indexOf("\"id\" : \"INF-05\""));
        Files.writeString(snapshot, json.replace(inf05, inf05.replaceFirst("\"status\" : \"met\"", "\"status\" : \"not_met\"")), StandardCharsets.UTF_8);
        // and the hand figure for PRF-11's basic level is wrong: one located line, before every snapshot diff
        Files.writeString(expect, CEMENT_EXPECT.replace("basic: 117", "basic: 118"), StandardCharsets.UTF_8);
        Run fail = test(dir);
        assertThat(fail.code()).isEqualTo(ExitCodes.DIFFERS);
        String located = expect + ":5:82: criteria.PRF-11.basic: expected 118 but the verdict has 117";
        assertThat(fail.out()).contains("FAIL    " + cement).contains(located)
                .contains("INF-05: not_met 10/10 → met 10/10")
                .contains("- \"status\" : \"not_met\",").contains("+ \"status\" : \"met\",")
                .contains("3 fixture evaluations: 2 passed, 1 failed (1 with failed expectations, 1 with a different snapshot)");
        assertThat(fail.out().indexOf(located)).isLessThan(fail.out().indexOf("Snapshot differences"));
        assertThat(fail.out().indexOf("Snapshot differences")).isLessThan(fail.out().indexOf("INF-05: not_met"));

        // --update rewrites the snapshot but not the hand-written figures, and still fails on them
        Run stillWrong = test(dir, "--update");
        assertThat(stillWrong.code()).isEqualTo(ExitCodes.DIFFERS);
        assertThat(stillWrong.out()).contains(located).contains("(snapshot rewritten)");
        assertThat(snapshot).content().isEqualTo(json);
        assertThat(expect).content().contains("basic: 118");
    }

    @Test
    void aFixtureThatExitsWithTheWrongCodeFailsAndIsNotUpdated() throws IOException {
        Path dir = tmp.resolve("fx");
        Files.createDirectories(dir);
        Files.copy(Path.of("fixtures/invalid/empty.yaml"), dir.resolve("empty.yaml")); // not under invalid/: meant to be valid
        Run r = test(dir, "--update");
        assertThat(r.code()).isEqualTo(ExitCodes.DIFFERS);
        assertThat(r.out()).contains("FAIL").contains("exit 3, expected 0");
        assertThat(dir.resolve("empty.expected.json")).doesNotExist();
    }

    @Test
    void aMissingFolderIsAUsageError() {
        Run r = test(tmp.resolve("none"));
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("no such folder");
    }
}
