package org.verdant.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the reader of standard output goes away ({@code | head}), a command stops at once, writes
 * nothing more, says nothing and exits 141, as a Unix tool that SIGPIPE stops; any other failed write
 * names the output in the user's language. Neither is a usage error.
 */
class ClosedOutputTest {
    private static final String CEMENT = "fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.yaml";
    private static final String PHARMA = "fixtures/green-factory/gbt36132-2025/pharma-zhejiang-5000tce-tier.yaml";

    @TempDir
    Path tmp;

    /** Takes {@code limit} bytes, then fails every write with {@code message}, as the JDK reports EPIPE or ENOSPC; counts the writes tried after that. */
    static final class Failing extends OutputStream {
        final ByteArrayOutputStream taken = new ByteArrayOutputStream();
        final int limit;
        final String message;
        boolean failed;
        int triedAfterFailing;

        Failing(int limit, String message) {
            this.limit = limit;
            this.message = message;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            if (failed) triedAfterFailing++;
            if (failed || taken.size() + len > limit) {
                failed = true;
                throw new IOException(message);
            }
            taken.write(b, off, len);
        }
    }

    private record Ran(int code, String err) {
    }

    private static String[] withRulebook(String... args) {
        return Stream.concat(Stream.of(args), Stream.of("--rules", "rules", "--scorecards", "scorecards")).toArray(String[]::new);
    }

    private static Ran run(PrintWriter out, String... args) {
        StringWriter err = new StringWriter();
        int code = VerdantCli.run(out, new PrintWriter(err), withRulebook(args));
        return new Ran(code, err.toString());
    }

    private static OutputWriter stdout(OutputStream target) {
        return new OutputWriter(new StreamOutput(target, null, false, () -> false));
    }

    /** {@code count} generated submissions as one stream. */
    private Path stream(int count) throws IOException {
        var gen = BatchCommandTest.run("generate", "--scheme", "green-factory", "--count", String.valueOf(count), "--seed", "7");
        assertThat(gen.code()).as(gen.err()).isZero();
        Path p = tmp.resolve("stream.yaml");
        Files.writeString(p, gen.out(), StandardCharsets.UTF_8);
        return p;
    }

    /** A batch of {@code stream} read from standard input ('-'), one worker; how many of its bytes the batch read. */
    private long batchFromStandardInput(Path stream, PrintWriter out, Ran[] ran) throws IOException {
        AtomicLong read = new AtomicLong();
        InputStream counting = new FilterInputStream(Files.newInputStream(stream)) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) read.incrementAndGet();
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) read.addAndGet(n);
                return n;
            }
        };
        InputStream before = System.in;
        System.setIn(counting);
        try {
            ran[0] = run(out, "batch", "-", "--threads", "1", "--no-progress");
        } finally {
            System.setIn(before);
            counting.close();
        }
        return read.get();
    }

    @Test
    void aBatchWhoseReaderGoesAwayStopsSaysNothingAndExits141() throws IOException {
        Path stream = stream(150);
        Failing pipe = new Failing(100_000, "Broken pipe"); // room for a line or so of full verdicts
        Ran[] ran = new Ran[1];
        long read = batchFromStandardInput(stream, stdout(pipe), ran);
        assertThat(ran[0].code()).as(ran[0].err()).isEqualTo(ExitCodes.OUTPUT_CLOSED);
        assertThat(ran[0].err()).as("nothing said: the reader went away on purpose").isEmpty();
        assertThat(pipe.triedAfterFailing).as("nothing more written after the pipe closed").isZero();
        assertThat(pipe.taken.toString(StandardCharsets.UTF_8)).endsWith("\n").startsWith("{\"format\":\"verdant.verdict/1\"");
        // the reader stops with the writer: the inputs past the reorder window (16 for one worker) are never read, so never evaluated
        assertThat(read).as("bytes of the stream read").isLessThan(Files.size(stream) / 3);
    }

    /**
     * EPIPE as the JDK really reports it: a FileOutputStream on a pipe (a named one, so the test holds
     * both ends) whose reader read one line and closed it, as {@code head -1} does.
     */
    @Test
    void aRealPipeClosedByItsReaderStopsTheBatchToo() throws Exception {
        Path stream = stream(150);
        Path fifo = tmp.resolve("stdout.fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        Thread head = new Thread(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
                    // the first line only
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        head.start();
        Ran[] ran = new Ran[1];
        long read;
        // opening a pipe waits for its reader; the words of the JDK's exception alone say what happened (no pipe check)
        try (OutputStream pipe = new java.io.FileOutputStream(fifo.toFile())) {
            read = batchFromStandardInput(stream, stdout(pipe), ran);
        }
        head.join(60_000);
        assertThat(ran[0].code()).as(ran[0].err()).isEqualTo(ExitCodes.OUTPUT_CLOSED);
        assertThat(ran[0].err()).isEmpty();
        assertThat(read).isLessThan(Files.size(stream) / 3);
    }

    /** In any locale: a write to a pipe fails only when its reader has gone, whatever words the system has for it. */
    @Test
    void aFailedWriteToAPipeIsAClosedReaderWhateverItsWords() throws Exception {
        Path fifo = tmp.resolve("fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        assertThat(StreamOutput.isPipe(fifo)).isTrue();
        Path plain = Files.writeString(tmp.resolve("plain.txt"), "x");
        assertThat(StreamOutput.isPipe(plain)).isFalse();
        StreamOutput localized = new StreamOutput(new Failing(0, "断开的管道"), fifo, false, () -> StreamOutput.isPipe(fifo));
        try {
            localized.write(new byte[10]);
            throw new AssertionError("the write should fail");
        } catch (StreamOutput.Closed expected) {
            assertThat(localized.failure()).isInstanceOf(StreamOutput.Closed.class);
        }
        StreamOutput full = new StreamOutput(new Failing(0, "No space left on device"), plain, false, () -> StreamOutput.isPipe(plain));
        try {
            full.write(new byte[10]);
            throw new AssertionError("the write should fail");
        } catch (org.verdant.files.WriteFailure expected) {
            assertThat(org.verdant.fault.InBoth.message(org.verdant.app.Faults.of(expected), "zh")).isEqualTo("无法写入 " + plain + "：磁盘已满");
        }
    }

    /** A command that prints its whole output at the end (explain, report, evaluate --format json): 141 and nothing said. */
    @Test
    void aCommandThatPrintsOnceExits141WhenItsReaderHasGone() {
        for (List<String> command : List.of(List.of("explain", CEMENT), List.of("evaluate", CEMENT, "--format", "json", "--trace"),
                List.of("report", CEMENT), List.of("schemes"))) {
            Failing pipe = new Failing(100, "Broken pipe");
            Ran r = run(stdout(pipe), command.toArray(String[]::new));
            assertThat(r.code()).as("%s: %s", command, r.err()).isEqualTo(ExitCodes.OUTPUT_CLOSED);
            assertThat(r.err()).as(command.toString()).isEmpty();
            assertThat(pipe.triedAfterFailing).as(command.toString()).isZero();
        }
    }

    /** generate writes as it goes: it stops at the first failed write instead of generating the rest into nothing. */
    @Test
    void generateStopsWhenItsReaderHasGone() {
        Failing pipe = new Failing(20_000, "Broken pipe");
        Ran r = run(stdout(pipe), "generate", "--scheme", "green-factory", "--count", "2000", "--seed", "3");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OUTPUT_CLOSED);
        assertThat(r.err()).isEmpty();
        assertThat(pipe.triedAfterFailing).isZero();
        // a caller's writer, counting what generate gives it: about 20 kB of submissions (a few), not 2000
        int[] printed = new int[1];
        PrintWriter counting = new PrintWriter(new Failing(20_000, "Broken pipe")) {
            @Override
            public void print(String text) {
                printed[0]++;
                super.print(text);
            }
        };
        Ran caller = run(counting, "generate", "--scheme", "green-factory", "--count", "2000", "--seed", "3");
        assertThat(caller.code()).as(caller.err()).isEqualTo(ExitCodes.OUTPUT_CLOSED);
        assertThat(printed[0]).as("texts printed").isLessThan(40);
    }

    /** Another failure of a write (a full disk under '> file') is no usage error: it names standard output, in the user's language, exit code 2. */
    @Test
    void anyOtherFailedWriteNamesTheOutput() {
        Ran zh = run(stdout(new Failing(0, "No space left on device")), "schemes");
        assertThat(zh.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(zh.err()).isEqualTo("无法写入 标准输出：磁盘已满\n");
        Ran en = run(stdout(new Failing(0, "Input/output error")), "explain", CEMENT, "--lang", "en");
        assertThat(en.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(en.err()).isEqualTo("cannot write standard output: Input/output error\n");
        Ran batch = run(stdout(new Failing(0, "Input/output error")), "batch", CEMENT, "--no-progress", "--lang", "en");
        assertThat(batch.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(batch.err()).isEqualTo("cannot write standard output: Input/output error\n");
    }

    /** A device that --out names and that fails (the disk is full: /dev/full) is named, not reported as a usage error in Java's English. */
    @Test
    void aFullDeviceNamedByOutIsNamed() {
        Ran r = run(new PrintWriter(new StringWriter()), "batch", CEMENT, "--out", "/dev/full", "--no-progress");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo("无法写入 /dev/full：磁盘已满\n");
    }

    /** A results file that fails while the lines are written (a full disk) is named, in the user's language, as no usage error. */
    @Test
    void aResultsFileThatFailsWhileWrittenIsNamed() {
        OutputStream lines = BatchCommand.naming(new Failing(0, "No space left on device"), Path.of("out/r.jsonl.partial"));
        try {
            lines.write(new byte[]{'{', '}', '\n'});
            throw new AssertionError("the write should fail");
        } catch (IOException e) {
            var fault = org.verdant.app.Faults.of(e);
            assertThat(fault.kind()).isEqualTo(org.verdant.fault.Fault.Kind.IO);
            assertThat(org.verdant.fault.InBoth.message(fault, "zh")).isEqualTo("无法写入 out/r.jsonl.partial：磁盘已满");
            assertThat(org.verdant.fault.InBoth.message(fault, "en")).isEqualTo("cannot write out/r.jsonl.partial: the disk is full");
        }
    }

    /** With --out FILE the lines go to the file: a standard output and error that no longer take anything change nothing. */
    @Test
    void aBatchWithOutIsUnaffectedByAClosedStandardOutput() throws IOException {
        Path ok = tmp.resolve("ok.jsonl");
        Ran normal = run(new PrintWriter(new StringWriter()), "batch", CEMENT, PHARMA, "--out", ok.toString(), "--no-progress");
        assertThat(normal.code()).as(normal.err()).isZero();
        Path closed = tmp.resolve("closed.jsonl");
        Failing gone = new Failing(0, "Broken pipe");
        int code = VerdantCli.run(stdout(gone), new PrintWriter(new Failing(0, "Broken pipe"), true),
                withRulebook("batch", CEMENT, PHARMA, "--out", closed.toString(), "--no-progress"));
        assertThat(code).isZero();
        assertThat(Files.readAllBytes(closed)).isEqualTo(Files.readAllBytes(ok));
        assertThat(tmp.resolve("closed.jsonl.partial")).doesNotExist();
        assertThat(tmp.resolve("closed.jsonl.partial.state")).doesNotExist();
    }

    /** The launcher's JVM: a real closed pipe on the process's own standard output, the exit code a shell sees. */
    @Test
    void theProcessExits141AndSaysNothing() throws Exception {
        Path stream = stream(60);
        for (List<String> args : List.of(List.of("batch", stream.toString(), "--threads", "1", "--no-progress"), List.of("explain", CEMENT))) {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8", "-Dsun.stdout.encoding=UTF-8", "-Dsun.stderr.encoding=UTF-8",
                    "-cp", System.getProperty("java.class.path"), VerdantCli.class.getName()));
            command.addAll(List.of(withRulebook(args.toArray(String[]::new))));
            Path err = tmp.resolve("err.txt");
            Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
            try (InputStream out = p.getInputStream()) {
                // batch: one line, then the reader goes, as 'head -1' does; explain prints once at the end, maybe less than a
                // pipe holds, so its reader goes before it prints
                while (args.get(0).equals("batch")) {
                    int b = out.read();
                    if (b < 0 || b == '\n') break;
                }
            }
            assertThat(p.waitFor(180, TimeUnit.SECONDS)).as(args.toString()).isTrue();
            assertThat(p.exitValue()).as("%s: %s", args, Files.readString(err)).isEqualTo(ExitCodes.OUTPUT_CLOSED);
            assertThat(Files.readString(err)).as(args.toString()).isEmpty();
        }
    }
}
