package org.verdant.archive;

import org.verdant.text.Text;

/**
 * The archive could not be opened, read or written: an unreachable or unwritable database, a
 * verdict that does not belong to its submission, or a database that refuses a change. The
 * message is in Chinese and English ({@link #text()}); {@link #getMessage()} is the English one.
 */
public class ArchiveException extends RuntimeException {
    private final Text text;

    /** A message that reads the same in either language (a database's own words). */
    public ArchiveException(String message) {
        this(message, message, null);
    }

    public ArchiveException(String zh, String en) {
        this(zh, en, null);
    }

    public ArchiveException(String zh, String en, Throwable cause) {
        super(en, cause);
        this.text = new Text(zh, en);
    }

    public Text text() {
        return text;
    }
}
