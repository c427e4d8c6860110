package org.verdant.cli;

/** Exit codes, as documented in the README. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int USAGE = 2;
    public static final int INVALID_SUBMISSION = 3;
    public static final int INVALID_RULEBOOK = 4;
    /** verify: the record is not reproduced (or was altered); test: a fixture differs from its expectation. */
    public static final int DIFFERS = 5;
    /** The person asking may not do this (an account's role does not allow it). */
    public static final int FORBIDDEN = 6;
    /** Standard output was closed by its reader ({@code | head}): the command stopped; 128 + SIGPIPE, as a shell reports a tool a closed pipe stopped. */
    public static final int OUTPUT_CLOSED = 141;

    private ExitCodes() {
    }
}
