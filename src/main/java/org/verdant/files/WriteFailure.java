package org.verdant.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A file that could not be written, with which file and why in words a face can translate:
 * Java's own message is often only the path again ("cannot write X: X"). A null file is the
 * process's standard output.
 */
public final class WriteFailure extends IOException {
    /** Why a write failed, as a user can act on it. */
    public enum Reason {
        /** The folder the file would go in does not exist. */
        NO_FOLDER,
        /** No permission to write there. */
        DENIED,
        /** The disk (or quota) is full. */
        DISK_FULL,
        /** The name is a folder, not a file. */
        IS_FOLDER,
        /** The file is one of the command's own inputs and would be overwritten. */
        IS_INPUT,
        /** Anything else: {@link #detail()} says what the system said. */
        OTHER
    }

    private final Path file;
    private final Reason reason;
    private final String detail;

    public WriteFailure(Path file, Reason reason, String detail, Throwable cause) {
        super(file + ": " + reason + (detail.isEmpty() ? "" : " (" + detail + ")"), cause);
        this.file = file;
        this.reason = reason;
        this.detail = detail;
    }

    /** The file, or null for standard output. */
    public Path file() {
        return file;
    }

    public Reason reason() {
        return reason;
    }

    /** The system's own words for {@link Reason#OTHER}, else empty. */
    public String detail() {
        return detail;
    }

    /** Names why {@code e} stopped the write of {@code file} (null: standard output). */
    public static WriteFailure of(Path file, IOException e) {
        if (e instanceof WriteFailure w) return w;
        String m = e.getMessage() == null ? "" : e.getMessage();
        Reason r;
        if (e instanceof NoSuchFileException) r = Reason.NO_FOLDER;
        else if (e instanceof AccessDeniedException) r = Reason.DENIED;
        else if (m.contains("No space left") || m.contains("Disk quota exceeded") || m.contains("not enough space")) r = Reason.DISK_FULL;
        else if (m.contains("Is a directory") || (e instanceof FileSystemException && file != null && java.nio.file.Files.isDirectory(file))) r = Reason.IS_FOLDER;
        else r = Reason.OTHER;
        String detail = r == Reason.OTHER ? (e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : m) : "";
        return new WriteFailure(file, r, detail, e);
    }
}
