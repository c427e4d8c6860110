package org.verdant.evaluation;

/** The command was given an option value that does not exist (exit code 2). */
public class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
