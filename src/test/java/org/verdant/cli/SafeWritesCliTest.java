package org.verdant.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Outputs are written whole or not at all, never over an input, and the archive is written last. */
class SafeWritesCliTest {
    private static final String CEMENT = "fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.yaml";

    @TempDir
    Path tmp;

    private static BatchCommandTest.Run run(String... args) {
        return BatchCommandTest.run(args);
    }

    private Path copyOfCement() throws IOException {
        Path f = tmp.resolve("cement.yaml");
        Files.copy(Path.of(CEMENT), f);
        return f;
    }

    @Test
    void evaluateRefusesToWriteItsVerdictOverItsSubmission() throws IOException {
        Path f = copyOfCement();
        byte[] before = Files.readAllBytes(f);
        BatchCommandTest.Run r = run("evaluate", f.toString(), "-o", tmp.resolve("./cement.yaml").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("无法写入").contains("它是本命令的输入文件");
        assertThat(Files.readAllBytes(f)).isEqualTo(before);
        BatchCommandTest.Run en = run("evaluate", f.toString(), "--record", f.toString(), "--lang", "en");
        assertThat(en.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(en.err()).contains("it is this command's input");
        assertThat(Files.readAllBytes(f)).isEqualTo(before);
        Path same = tmp.resolve("v.json");
        BatchCommandTest.Run twice = run("evaluate", f.toString(), "-o", same.toString(), "--record", same.toString());
        assertThat(twice.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(twice.err()).contains("被指定为两个输出");
        assertThat(run("report", f.toString(), "-o", f.toString()).code()).isEqualTo(ExitCodes.USAGE);
        assertThat(Files.readAllBytes(f)).isEqualTo(before);
    }

    /** "cannot write X: X" said nothing: the reason is named. */
    @Test
    void aFileThatCannotBeWrittenIsNamedWithItsReason() throws IOException {
        Path f = copyOfCement();
        Path bad = tmp.resolve("missing-folder/verdict.json");
        BatchCommandTest.Run r = run("evaluate", f.toString(), "-o", bad.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("无法写入 " + bad + "：所在文件夹不存在");
        assertThat(r.err()).doesNotContain("Exception");
    }

    /** The retry of "evaluate --archive -o BAD" must not store a second record: nothing is stored when an output fails. */
    @Test
    void nothingIsArchivedWhenAnOutputCannotBeWritten() throws IOException {
        Path f = copyOfCement();
        Path data = tmp.resolve("data");
        BatchCommandTest.Run bad = run("evaluate", f.toString(), "--archive", data.toString(), "-o", tmp.resolve("nope/v.json").toString());
        assertThat(bad.code()).isEqualTo(ExitCodes.USAGE);
        BatchCommandTest.Run good = run("evaluate", f.toString(), "--archive", data.toString(), "-o", tmp.resolve("v.json").toString());
        assertThat(good.code()).as(good.err()).isZero();
        assertThat(good.err()).contains("已存档为记录 1，");
    }

    @Test
    void batchRefusesAnOutputThatIsAnInputAndAnAbsurdThreadCount() throws IOException {
        Path f = copyOfCement();
        byte[] before = Files.readAllBytes(f);
        BatchCommandTest.Run r = run("batch", f.toString(), "--out", f.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(Files.readAllBytes(f)).isEqualTo(before);
        BatchCommandTest.Run threads = run("batch", f.toString(), "--threads", "134000000");
        assertThat(threads.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(threads.err()).contains("--threads 134000000 过大：至多 " + BatchCommand.MAX_THREADS).doesNotContain("OutOfMemory");
    }

    @Test
    void whatIfRefusesAPathDeeperThanAnySubmission() throws IOException {
        Path f = copyOfCement();
        String path = "a" + ".b".repeat(3000);
        BatchCommandTest.Run r = run("what-if", f.toString(), "--set", path + "=1");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("超过申报文件的最大层级").doesNotContain("StackOverflow");
    }

    /** A batch stopped part-way (Ctrl-C, a kill) leaves the previous results as they were and only its resumable FILE.partial. */
    @Test
    void anInterruptedBatchLeavesThePreviousResultsAndNoTemporaryFile() throws Exception {
        Path stream = tmp.resolve("stream.yaml");
        String cement = Files.readString(Path.of(CEMENT), StandardCharsets.UTF_8);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 4000; i++) s.append("---\n").append(cement);
        Files.writeString(stream, s.toString(), StandardCharsets.UTF_8);
        Path out = tmp.resolve("results.jsonl");
        Files.writeString(out, "previous results\n");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.verdant.cli.VerdantCli",
                "batch", stream.toString(), "--out", out.toString(), "--threads", "1", "--no-progress",
                "--rules", "rules", "--scorecards", "scorecards"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(tmp.resolve("log.txt").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        Path partial = null;
        while (partial == null && System.nanoTime() < deadline && p.isAlive()) {
            partial = temporaries().stream().filter(t -> sizeOf(t) > 0).findFirst().orElse(null);
            Thread.sleep(100);
        }
        assertThat(partial).as("the batch writes its results beside the target first; log: " + Files.readString(tmp.resolve("log.txt"))).isNotNull();
        assertThat(Files.readString(out)).isEqualTo("previous results\n");
        p.destroy(); // SIGTERM, as Ctrl-C or a service manager stops it
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(out)).isEqualTo("previous results\n");
        // h17-batch: what is left is the one FILE.partial that 'batch --resume' takes up (BatchResumeTest), named so it cannot pass for results
        assertThat(temporaries()).containsExactly(tmp.resolve("results.jsonl.partial"));
    }

    private List<Path> temporaries() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.filter(x -> x.getFileName().toString().endsWith(".partial")).toList();
        }
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}
