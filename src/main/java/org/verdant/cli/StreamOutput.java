package org.verdant.cli;

import org.verdant.files.WriteFailure;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * An output written as it goes, not as a whole file: standard output, or a device or pipe that
 * {@code --out} names. It tells the two ways a write can fail apart. The reader went away
 * ({@code | head}, a closed pipe: EPIPE, which the JVM reports as an {@code IOException} since it
 * ignores SIGPIPE) is {@link Closed}: the command stops and says nothing, as a Unix tool killed by
 * SIGPIPE does. Anything else (a full disk under {@code > file}, a failing device) is a
 * {@link WriteFailure} naming the output (a null file: standard output). After the first failure every write fails the same way at once, so
 * nothing more is written.
 */
final class StreamOutput extends OutputStream {
    private static final int S_IFMT = 0170000;
    private static final int S_IFIFO = 0010000;
    private static final int S_IFSOCK = 0140000;

    private final OutputStream target;
    private final Path file; // null: standard output
    private final boolean closeTarget;
    private final BooleanSupplier isPipe;
    private volatile IOException failure;

    StreamOutput(OutputStream target, Path file, boolean closeTarget, BooleanSupplier isPipe) {
        this.target = target;
        this.file = file;
        this.closeTarget = closeTarget;
        this.isPipe = isPipe;
    }

    /** The process's standard output (never closed by a command). */
    static StreamOutput standardOutput() {
        return new StreamOutput(new FileOutputStream(FileDescriptor.out), null, false, () -> isPipe(Path.of("/proc/self/fd/1")));
    }

    /** A device or a pipe named on the command line, opened for writing. */
    static StreamOutput device(Path file) throws IOException {
        return new StreamOutput(new FileOutputStream(file.toFile()), file, true, () -> isPipe(file));
    }

    @Override
    public void write(int b) throws IOException {
        check();
        try {
            target.write(b);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        check();
        try {
            target.write(b, off, len);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void flush() throws IOException {
        check();
        try {
            target.flush();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (failure == null) flush();
        } finally {
            if (closeTarget) target.close();
        }
    }

    /** The first write that failed ({@link Closed} or a {@link WriteFailure}), or null. */
    IOException failure() {
        return failure;
    }

    private void check() throws IOException {
        // a new instance each time: try-with-resources adds close()'s exception to the body's, and one
        // instance cannot suppress itself
        IOException f = failure;
        if (f instanceof Closed c) throw new Closed(c.getCause());
        if (f instanceof WriteFailure w) throw new WriteFailure(w.file(), w.reason(), w.detail(), w.getCause());
    }

    private IOException failed(IOException e) {
        IOException f = readerGone(e) ? new Closed(e) : WriteFailure.of(file, e);
        failure = f;
        return f;
    }

    /** EPIPE: its words in the C and English locales; else, in any locale, a write to a pipe or socket fails only when its reader has gone. */
    private boolean readerGone(IOException e) {
        String m = e.getMessage();
        if (m != null && m.toLowerCase(Locale.ROOT).contains("broken pipe")) return true;
        try {
            return isPipe.getAsBoolean();
        } catch (RuntimeException notKnown) {
            return false;
        }
    }

    /**
     * Stops a command that writes to {@code out} as it goes once a write has failed: throws what
     * failed ({@link Closed} for a writer of a caller's that cannot say why). Flushes {@code out}.
     */
    static void stopIfFailed(java.io.PrintWriter out) throws IOException {
        if (!out.checkError()) return;
        IOException f = out instanceof OutputWriter o ? o.bytes().failure() : null;
        throw f != null ? f : new Closed(null);
    }

    /** Whether {@code path} (followed) is a pipe or a socket; false where the system cannot say (no /proc). */
    static boolean isPipe(Path path) {
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode");
            return (mode & S_IFMT) == S_IFIFO || (mode & S_IFMT) == S_IFSOCK;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The reader of the output went away: stop, write nothing more, say nothing. */
    static final class Closed extends IOException {
        Closed(Throwable cause) {
            super("the output was closed by its reader", cause);
        }
    }
}
