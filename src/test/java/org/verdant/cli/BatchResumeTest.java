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

import static org.assertj.core.api.Assertions.assertThat;
import static org.verdant.cli.BatchCommandTest.run;

/** An interrupted batch leaves the earlier results and a FILE.partial; {@code --resume} ends byte-identical to an uninterrupted run. */
class BatchResumeTest {
    @TempDir
    Path tmp;

    private Path stream(int count) throws IOException {
        var gen = run("generate", "--scheme", "green-factory", "--count", String.valueOf(count), "--seed", "11", "--invalid-share", "0.1");
        assertThat(gen.code()).as(gen.err()).isZero();
        Path p = tmp.resolve("stream.yaml");
        Files.writeString(p, gen.out(), StandardCharsets.UTF_8);
        return p;
    }

    /** A batch in its own JVM, stopped (SIGTERM) or killed (SIGKILL) once a few of its lines are in FILE.partial. */
    private void interrupt(Path stream, Path out, boolean kill, String lang) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), VerdantCli.class.getName(),
                "batch", stream.toString(), "--out", out.toString(), "--threads", "2", "--no-progress", "--lang", lang,
                "--rules", "rules", "--scorecards", "scorecards"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (System.nanoTime() < deadline && p.isAlive() && newlines(partial) < 3) Thread.sleep(50);
        assertThat(p.isAlive()).as("the batch is still running: %s", Files.exists(tmp.resolve("child.log")) ? Files.readString(tmp.resolve("child.log")) : "").isTrue();
        if (kill) p.destroyForcibly(); else p.destroy();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    private static long newlines(Path file) {
        try {
            if (!Files.exists(file)) return 0;
            byte[] b = Files.readAllBytes(file);
            long n = 0;
            for (byte x : b) if (x == '\n') n++;
            return n;
        } catch (IOException e) {
            return 0;
        }
    }

    @Test
    void aKilledBatchLeavesTheOldResultsAndAPartialThatResumeCompletesByteForByte() throws Exception {
        Path stream = stream(60);
        Path whole = tmp.resolve("whole.jsonl");
        var uninterrupted = run("batch", stream.toString(), "--out", whole.toString(), "--threads", "1", "--lang", "en", "--summary", tmp.resolve("whole.csv").toString());
        assertThat(uninterrupted.code()).as(uninterrupted.err()).isZero();

        for (boolean kill : new boolean[]{true, false}) {
            Path out = tmp.resolve((kill ? "killed" : "stopped") + ".jsonl");
            Files.writeString(out, "earlier results\n");
            interrupt(stream, out, kill, "en");
            Path partial = out.resolveSibling(out.getFileName() + ".partial");
            assertThat(Files.readString(out)).as("the earlier results are untouched").isEqualTo("earlier results\n");
            assertThat(partial).as("a file that says it is incomplete").exists();
            long done = newlines(partial);
            assertThat(done).isBetween(3L, 59L);

            var resumed = run("batch", stream.toString(), "--out", out.toString(), "--threads", "2", "--lang", "en", "--resume",
                    "--summary", tmp.resolve("resumed.csv").toString());
            assertThat(resumed.code()).as(resumed.err()).isZero();
            assertThat(resumed.err()).contains("resuming " + partial);
            assertThat(Files.readAllBytes(out)).as("byte-identical to the uninterrupted batch (%s)", kill ? "kill -9" : "SIGTERM")
                    .isEqualTo(Files.readAllBytes(whole));
            assertThat(Files.readAllBytes(tmp.resolve("resumed.csv"))).as("the summary counts the whole batch").isEqualTo(Files.readAllBytes(tmp.resolve("whole.csv")));
            assertThat(partial).doesNotExist();
            assertThat(out.resolveSibling(out.getFileName() + ".partial.state")).doesNotExist();
        }
    }

    @Test
    void aPartialOfOtherInputsOrOptionsIsRefusedWithAClearMessage() throws Exception {
        Path stream = stream(40);
        Path out = tmp.resolve("r.jsonl");
        interrupt(stream, out, true, "zh");
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        byte[] before = Files.readAllBytes(partial);

        var otherLang = run("batch", stream.toString(), "--out", out.toString(), "--lang", "en", "--resume");
        assertThat(otherLang.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(otherLang.err()).contains("cannot resume " + partial + ": the options");

        Files.writeString(stream, Files.readString(stream) + "\n# one more line\n");
        var otherInputs = run("batch", stream.toString(), "--out", out.toString(), "--resume");
        assertThat(otherInputs.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(otherInputs.err()).contains("无法续做 " + partial + "：输入与写它时不同");
        assertThat(Files.readAllBytes(partial)).as("a refused resume leaves the partial file alone").isEqualTo(before);

        assertThat(run("batch", stream.toString(), "--resume").code()).as("--resume without --out").isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aDeviceOrPipeGivenAsOutIsWrittenNotReplaced() throws Exception {
        Path fifo = tmp.resolve("pipe");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        byte[][] read = new byte[1][];
        Thread reader = new Thread(() -> {
            try {
                read[0] = Files.readAllBytes(fifo);
            } catch (IOException e) {
                read[0] = new byte[0];
            }
        });
        reader.setDaemon(true);
        reader.start();
        var r = run("batch", "fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.yaml", "--out", fifo.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.isRegularFile(fifo)).as("the pipe is still a pipe, not replaced by a file").isFalse();
        reader.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(new String(read[0], StandardCharsets.UTF_8)).startsWith("{\"format\":\"verdant.verdict/1\"");
        if (reader.isAlive()) Files.write(fifo, new byte[0]); // unblock the reader if the batch never opened the pipe
    }
}
