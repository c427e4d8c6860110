package org.verdant.files;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a file whole or not at all: the bytes go to a temporary file beside the target, which is
 * flushed to disk and renamed over the target only when complete, so a full disk, a crash or an
 * interrupt never leaves a truncated result and never destroys the previous one. Temporary files
 * still open when the process exits (Ctrl-C) are removed.
 */
public final class SafeFile {
    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(SafeFile::removeTemporaries, "verdant-temporary-files"));
    }

    private SafeFile() {
    }

    /** Writes {@code bytes} to {@code target} whole, or leaves it as it was. */
    public static void write(Path target, byte[] bytes) throws WriteFailure {
        try (Pending p = open(target)) {
            p.write(bytes);
            p.commit();
        } catch (IOException e) {
            throw WriteFailure.of(target, e);
        }
    }

    public static void writeString(Path target, String text) throws WriteFailure {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A stream into a temporary file beside {@code target}; {@link Pending#commit()} puts it in place, closing without commit discards it. */
    public static Pending open(Path target) throws WriteFailure {
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute)) throw new WriteFailure(target, WriteFailure.Reason.IS_FOLDER, "", null);
        Path dir = absolute.getParent();
        try {
            if (isSpecial(absolute)) {
                // a device or pipe (/dev/null, a FIFO) is written as it is: renaming a file over it would replace the device
                return new Pending(target, null, FileChannel.open(absolute, StandardOpenOption.WRITE));
            }
            Path tmp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".partial");
            OPEN.add(tmp);
            keepPermissions(absolute, tmp);
            return new Pending(target, tmp, FileChannel.open(tmp, StandardOpenOption.WRITE));
        } catch (IOException e) {
            throw WriteFailure.of(target, e);
        }
    }

    /** Whether {@code path} exists and is neither a plain file nor a folder: a device, a pipe or a socket. */
    public static boolean isSpecial(Path path) {
        return Files.exists(path) && !Files.isRegularFile(path) && !Files.isDirectory(path);
    }

    /** Refuses to write over one of a command's inputs (e.g. {@code evaluate F -o F}). */
    public static void requireNotAnInput(Path target, Collection<Path> inputs) throws WriteFailure {
        for (Path input : inputs) {
            if (input != null && target != null && same(target, input)) {
                throw new WriteFailure(target, WriteFailure.Reason.IS_INPUT, "", null);
            }
        }
    }

    /** Whether two names are one file: by the file system when both exist, else by their normalised absolute paths. */
    public static boolean same(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) return Files.isSameFile(a, b);
        } catch (IOException e) {
            // fall back to the names
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    /** A temporary file is created owner-only; the result gets the target's permissions, or a plain file's (rw-r--r--). */
    private static void keepPermissions(Path target, Path tmp) throws IOException {
        if (!tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) return;
        Set<PosixFilePermission> permissions = Files.exists(target) ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(tmp, permissions);
    }

    private static void removeTemporaries() {
        for (Path p : OPEN) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // nothing more can be done while exiting
            }
        }
    }

    /** A file being written; in place only after {@link #commit()}. */
    public static final class Pending extends FilterOutputStream {
        private final Path target;
        private final Path tmp;
        private final FileChannel channel;
        private boolean committed;
        private boolean closed;

        private Pending(Path target, Path tmp, FileChannel channel) {
            super(new java.io.BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel), 1 << 16));
            this.target = target;
            this.tmp = tmp;
            this.channel = channel;
        }

        public Path target() {
            return target;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw WriteFailure.of(target, e);
            }
        }

        /** Flushes the bytes to disk and renames the temporary file over the target. */
        public void commit() throws WriteFailure {
            try {
                out.flush();
                if (tmp == null) {
                    channel.close();
                    committed = true;
                    return;
                }
                channel.force(true);
                channel.close();
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
                committed = true;
                OPEN.remove(tmp);
            } catch (IOException e) {
                throw WriteFailure.of(target, e);
            }
        }

        /** Discards the temporary file unless committed. */
        @Override
        public void close() throws IOException {
            if (closed) return;
            closed = true;
            if (!committed) {
                try {
                    channel.close();
                } finally {
                    if (tmp != null) {
                        Files.deleteIfExists(tmp);
                        OPEN.remove(tmp);
                    }
                }
            }
        }

        /** The temporary file (tests; and to name it if it must be left); null when a device is written directly. */
        Path temporary() {
            return tmp;
        }
    }
}
