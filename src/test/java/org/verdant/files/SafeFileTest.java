package org.verdant.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SafeFileTest {
    @TempDir
    Path tmp;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aWriteReplacesTheFileWholeAndLeavesNothingBeside() throws IOException {
        Path f = tmp.resolve("verdict.json");
        Files.writeString(f, "old");
        SafeFile.writeString(f, "new");
        assertThat(Files.readString(f)).isEqualTo("new");
        assertThat(names()).containsExactly("verdict.json");
    }

    /** What a full disk or an interrupt does mid-write: the bytes written so far never reach the target. */
    @Test
    void anUncommittedWriteLeavesThePreviousFileAndNoTemporary() throws IOException {
        Path f = tmp.resolve("results.jsonl");
        Files.writeString(f, "previous results\n");
        try (SafeFile.Pending p = SafeFile.open(f)) {
            p.write("half a new line".getBytes(StandardCharsets.UTF_8));
            p.flush();
            assertThat(Files.exists(p.temporary())).isTrue();
            assertThat(Files.readString(f)).isEqualTo("previous results\n");
        }
        assertThat(Files.readString(f)).isEqualTo("previous results\n");
        assertThat(names()).containsExactly("results.jsonl");
    }

    @Test
    void aFailureNamesTheFileAndAReasonAUserCanActOn() {
        Path f = tmp.resolve("no-such-folder/out.json");
        assertThatThrownBy(() -> SafeFile.writeString(f, "x"))
                .isInstanceOfSatisfying(WriteFailure.class, e -> {
                    assertThat(e.file()).isEqualTo(f);
                    assertThat(e.reason()).isEqualTo(WriteFailure.Reason.NO_FOLDER);
                });
        assertThatThrownBy(() -> SafeFile.writeString(tmp, "x"))
                .isInstanceOfSatisfying(WriteFailure.class, e -> assertThat(e.reason()).isEqualTo(WriteFailure.Reason.IS_FOLDER));
        WriteFailure full = WriteFailure.of(f, new FileSystemException(f.toString(), null, "No space left on device"));
        assertThat(full.reason()).isEqualTo(WriteFailure.Reason.DISK_FULL);
        WriteFailure other = WriteFailure.of(f, new FileSystemException(f.toString(), null, "Read-only file system"));
        assertThat(other.reason()).isEqualTo(WriteFailure.Reason.OTHER);
        assertThat(other.detail()).isEqualTo("Read-only file system");
    }

    @Test
    void anInputIsRecognisedUnderAnotherName() throws IOException {
        Path f = tmp.resolve("f.yaml");
        Files.writeString(f, "scheme: green-factory\n");
        Path other = tmp.resolve("sub/../f.yaml");
        assertThatThrownBy(() -> SafeFile.requireNotAnInput(other, List.of(f)))
                .isInstanceOfSatisfying(WriteFailure.class, e -> assertThat(e.reason()).isEqualTo(WriteFailure.Reason.IS_INPUT));
        SafeFile.requireNotAnInput(tmp.resolve("g.json"), List.of(f));
    }

    /**
     * A pipe (or a device such as /dev/null) is written as it is. Renaming the finished temporary
     * file over it replaced the device itself: run as root, `--out /dev/null` turned the machine's
     * /dev/null into a plain file.
     */
    @Test
    void aPipeIsWrittenThroughNotReplaced() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", "--help").start().waitFor() == 0, "mkfifo is not available");
        Path fifo = tmp.resolve("out.pipe");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        java.util.concurrent.CompletableFuture<String> read = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        SafeFile.writeString(fifo, "line\n");
        assertThat(read.get(20, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("line\n");
        assertThat(Files.isRegularFile(fifo)).as("still a pipe").isFalse();
        assertThat(names()).containsExactly("out.pipe");
    }
}
