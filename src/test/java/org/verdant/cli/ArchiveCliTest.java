package org.verdant.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdant.archive.Stored;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verdant.cli.CliTest.run;
import static org.verdant.cli.CliTest.withRulebook;

/** evaluate --archive, archive list/show/history/verify and their exit codes. */
class ArchiveCliTest {
    @TempDir
    Path tmp;

    static final String CODE = Stored.creditCode(31);

    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void evaluateArchivesAndTheVerdictStaysByteIdentical() throws IOException {
        Path f = write("f.yaml", Stored.factory(2023, CODE, List.of("INF-05")));
        Path data = tmp.resolve("data");
        CliTest.Run plain = run(withRulebook("evaluate", f.toString(), "--format", "json"));
        CliTest.Run first = run(withRulebook("evaluate", f.toString(), "--format", "json", "--archive", data.toString()));
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).isEqualTo(plain.out());
        assertThat(first.err()).isEqualTo("已存档为记录 1，位于 " + data.resolve("verdant-archive.sqlite") + "\n");
        CliTest.Run second = run(withRulebook("evaluate", "--archive", data.toString(), f.toString(), "--lang", "en"));
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.err()).startsWith("archived as record 2 (re-evaluation of record 1)");

        CliTest.Run list = run("archive", "list", "--data", data.toString(), "--lang", "en");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).contains("ID    PREV  YEAR").contains(CODE).contains("98").contains("2 record(s)");
        assertThat(run("archive", "list", "--data", data.toString(), "--year", "2022", "--lang", "en").out()).contains("0 record(s)");
        JsonNode json = new ObjectMapper().readTree(run("archive", "list", "--data", data.toString(), "--credit-code", CODE, "--format", "json").out());
        assertThat(json.get("format").asText()).isEqualTo("verdant.archive-list/1");
        assertThat(json.get("records")).hasSize(2);
        assertThat(json.get("records").get(1).get("previous_id").asLong()).isEqualTo(1);
        assertThat(json.get("records").get(1).get("score").decimalValue()).isEqualByComparingTo("98");

        // the archived verdict is the JSON evaluate printed; the submission is the file's bytes
        assertThat(run("archive", "show", "1", "--verdict", "--data", data.toString()).out()).isEqualTo(plain.out());
        assertThat(run("archive", "show", "1", "--submission", "--data", data.toString()).out()).isEqualTo(Files.readString(f));
        CliTest.Run show = run("archive", "show", "2", "--data", data.toString(), "--lang", "en");
        assertThat(show.out()).contains("record 2 (re-evaluation of record 1)").contains("--lang en").contains("evaluated at");
        assertThat(run("archive", "show", "1", "--data", data.toString(), "--lang", "en").out()).contains("(re-evaluated by record 2)");
        JsonNode shown = new ObjectMapper().readTree(run("archive", "show", "2", "--format", "json", "--data", data.toString()).out());
        assertThat(shown.get("format").asText()).isEqualTo("verdant.archive-record/1");
        assertThat(shown.get("requested").get("lang").asText()).isEqualTo("en");
        assertThat(shown.get("verdict").get("format").asText()).isEqualTo("verdant.verdict/1");

        CliTest.Run history = run("archive", "history", CODE, "--data", data.toString(), "--lang", "en");
        assertThat(history.out()).contains(CODE + ": 2 evaluation(s)");
        assertThat(run("archive", "history", Stored.creditCode(32), "--data", data.toString(), "--lang", "en").out()).contains("no archived evaluation");
    }

    @Test
    void verifyReportsIdenticalOrWhatDiffers() throws IOException {
        Path f = write("f.yaml", Stored.factory(2023, CODE, List.of("INF-05")));
        Path data = tmp.resolve("data");
        assertThat(run(withRulebook("evaluate", f.toString(), "--archive", data.toString())).code()).isZero();

        CliTest.Run same = run(withRulebook("archive", "verify", "1", "--data", data.toString(), "--lang", "en"));
        assertThat(same.code()).as(same.err()).isZero();
        assertThat(same.out()).contains("IDENTICAL: the re-run verdict JSON is byte-identical to the archived one");

        Path changed = Stored.changedScorecards(tmp);
        CliTest.Run differs = run("archive", "verify", "1", "--data", data.toString(), "--rules", "rules", "--scorecards", changed.toString(), "--lang", "en");
        assertThat(differs.code()).as(differs.err()).isEqualTo(ExitCodes.DIFFERS);
        assertThat(differs.out()).contains("DIFFERS").contains("score: 98 → 99").contains("rulebook digest: sha256:")
                .contains("criterion INF-05 max: 10 → 5");
        JsonNode j = new ObjectMapper().readTree(run("archive", "verify", "1", "--format", "json", "--data", data.toString(),
                "--rules", "rules", "--scorecards", changed.toString()).out());
        assertThat(j.get("identical").asBoolean()).isFalse();
        assertThat(j.get("differences").toString()).contains("{\"what\":\"score\",\"archived\":\"98\",\"now\":\"99\"}");
    }

    @Test
    void usageErrors() throws IOException {
        // issue 16: a damaged archive file was reported as Flyway failing to check its history table
        Path damaged = Files.createDirectories(tmp.resolve("damaged"));
        Files.write(damaged.resolve("verdant-archive.sqlite"), "SQLite format 3\0 not really".repeat(200).getBytes(StandardCharsets.UTF_8));
        CliTest.Run corrupt = run("archive", "list", "--data", damaged.toString());
        assertThat(corrupt.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(corrupt.err()).contains("不是档案库：文件已损坏或不是 SQLite 数据库").doesNotContain("flyway");

        Path data = tmp.resolve("none");
        CliTest.Run noArchive = run("archive", "list", "--data", data.toString(), "--lang", "en");
        assertThat(noArchive.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(noArchive.err()).contains("no archive at");
        assertThat(data).doesNotExist();

        Path f = write("f.yaml", Stored.factory(2023, CODE, List.of()));
        Path real = tmp.resolve("data");
        run(withRulebook("evaluate", f.toString(), "--archive", real.toString()));
        CliTest.Run noRecord = run("archive", "show", "9", "--data", real.toString(), "--lang", "en");
        assertThat(noRecord.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(noRecord.err()).contains("no record 9");

        CliTest.Run badUrl = run(withRulebook("evaluate", f.toString(), "--jdbc-url", "jdbc:mysql://localhost/v", "--lang", "en"));
        assertThat(badUrl.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(badUrl.err()).contains("the archive runs on SQLite").doesNotContain("\"format\"");
        assertThat(badUrl.out()).as("nothing printed when the evaluation could not be archived").isEmpty();

        CliTest.Run both = run("archive", "list", "--data", real.toString(), "--jdbc-url", "jdbc:sqlite:x");
        assertThat(both.code()).isEqualTo(ExitCodes.USAGE);
        CliTest.Run noSub = run("archive");
        assertThat(noSub.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(noSub.err()).contains("list, show, history, verify");
    }

    @Test
    void helpPrintsCleanly() {
        for (String[] args : new String[][]{{"--help"}, {"cohort", "--help"}, {"archive", "--help"}, {"archive", "verify", "--help"},
                {"evaluate", "--help"}}) {
            CliTest.Run r = run(args);
            assertThat(r.code()).isZero();
            assertThat(r.err()).as(String.join(" ", args)).isEmpty();
            assertThat(r.out()).doesNotContain("WARN");
        }
    }

    @Test
    void archiveTakesADirectoryOnlyWhenOneIsGiven() {
        EvaluateCommand c = new EvaluateCommand();
        new CommandLine(c).parseArgs("--archive", "f.yaml");
        assertThat(c.archiving.archive).isEmpty();
        assertThat(c.file).isEqualTo(Path.of("f.yaml"));
        c = new EvaluateCommand();
        new CommandLine(c).parseArgs("f.yaml", "--archive");
        assertThat(c.archiving.archive).isEmpty();
        c = new EvaluateCommand();
        new CommandLine(c).parseArgs("--archive", "store", "f.yaml");
        assertThat(c.archiving.archive).isEqualTo("store");
        c = new EvaluateCommand();
        new CommandLine(c).parseArgs("f.yaml", "--archive", "--format", "json");
        assertThat(c.archiving.archive).isEmpty();
        c = new EvaluateCommand();
        new CommandLine(c).parseArgs("f.yaml");
        assertThat(c.archiving.requested()).isFalse();
    }
}
