package org.verdant.app;

import org.junit.jupiter.api.Test;
import org.verdant.fault.Fault;
import org.verdant.fault.InBoth;
import org.verdant.files.WriteFailure;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A read or write that failed is an input/output fault in words of ours, in both languages, naming the file: never the JDK's English alone, never a usage error. */
class FaultsTest {
    private static String zh(Fault f) {
        return InBoth.message(f, "zh");
    }

    private static String en(Fault f) {
        return InBoth.message(f, "en");
    }

    @Test
    void aFailedWriteNamesTheFileAndWhyInBothLanguages() {
        Fault f = Faults.of(new WriteFailure(Path.of("out/results.jsonl"), WriteFailure.Reason.DISK_FULL, "", new IOException("No space left on device")));
        assertThat(f.kind()).isEqualTo(Fault.Kind.IO);
        assertThat(zh(f)).isEqualTo("无法写入 out/results.jsonl：磁盘已满");
        assertThat(en(f)).isEqualTo("cannot write out/results.jsonl: the disk is full");
        Fault other = Faults.of(new WriteFailure(Path.of("r.csv"), WriteFailure.Reason.OTHER, "Input/output error", null));
        assertThat(zh(other)).isEqualTo("无法写入 r.csv：Input/output error");
    }

    @Test
    void aFileSystemFailureNamesItsFile() {
        assertThat(zh(Faults.of(new NoSuchFileException("in/a.yaml")))).isEqualTo("无法读写 in/a.yaml：没有这个文件或文件夹");
        assertThat(en(Faults.of(new AccessDeniedException("in/a.yaml")))).isEqualTo("cannot read or write in/a.yaml: permission denied");
        Fault f = Faults.of(new FileSystemException("in/a.yaml", null, "Input/output error"));
        assertThat(f.kind()).isEqualTo(Fault.Kind.IO);
        assertThat(en(f)).isEqualTo("cannot read or write in/a.yaml: Input/output error");
    }

    @Test
    void anyOtherIoExceptionIsWrappedInWordsOfOurs() {
        Fault f = Faults.of(new IOException("Broken pipe"));
        assertThat(f.kind()).isEqualTo(Fault.Kind.IO);
        assertThat(zh(f)).isEqualTo("读写失败：Broken pipe");
        assertThat(en(f)).isEqualTo("input or output failed: Broken pipe");
    }
}
