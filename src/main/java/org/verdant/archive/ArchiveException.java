package org.verdant.archive;

/**
 * The archive could not be opened, read or written: an unreachable or unwritable database, a
 * verdict that does not belong to its submission, or a database that refuses a change.
 */
public class ArchiveException extends RuntimeException {
    public ArchiveException(String message) {
        super(message);
    }

    public ArchiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
