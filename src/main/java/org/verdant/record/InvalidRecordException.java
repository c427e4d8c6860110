package org.verdant.record;

/** The file given to verify is not a readable record (the user named the wrong file: a usage error). */
public class InvalidRecordException extends Exception {
    public InvalidRecordException(String message) {
        super(message);
    }
}
