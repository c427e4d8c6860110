package org.verdant.fault;

import org.verdant.yaml.Problem;

import java.util.List;
import java.util.Objects;

/**
 * What can go wrong in a request, in domain words: each face (the CLI, the service, batch) maps
 * the {@link Kind} once to its own exit code, HTTP status or error record. The message never
 * names a flag or a parameter: {@link #option()} says which option it concerns, and the face
 * names it.
 */
public class Fault extends Exception {
    /** The kinds of failure, each with its own exit code and status in every face. */
    public enum Kind {
        /** An option or argument that does not exist or cannot be used (a missing file, an unknown table). */
        USAGE,
        /** A named thing (a record, a criterion) that is not there. */
        NOT_FOUND,
        /** The submission cannot be scored; {@link #problems()} locates every problem. */
        INVALID_SUBMISSION,
        /** The rulebook does not compile or load; {@link #problems()} locates every problem. */
        INVALID_RULEBOOK,
        /** A re-run did not reproduce what was recorded; {@link #details()} lists what differs. */
        NOT_REPRODUCED,
        /** The archive cannot be opened, read or written. */
        ARCHIVE,
        /**
         * A file or a stream cannot be read or written while the request runs (a full disk, a failing
         * device, a permission lost): nothing was misused, so it is not {@link #USAGE}; the message names the file.
         */
        IO,
        /** The person asking may not do this ({@code org.verdant.access.Access}). */
        FORBIDDEN,
        /** A bug. */
        INTERNAL
    }

    /** One difference of a re-run: what, its recorded value and its value now. */
    public record Difference(String what, String recorded, String now) {
        @Override
        public String toString() {
            return what + ": " + recorded + " → " + now;
        }
    }

    private final Kind kind;
    private final Option option;
    private final List<Problem> problems;
    private final int count;
    private final List<Difference> details;

    public Fault(Kind kind, String message) {
        this(kind, null, message, List.of(), 0, List.of(), null);
    }

    public Fault(Kind kind, Option option, String message) {
        this(kind, option, message, List.of(), 0, List.of(), null);
    }

    /** A failure with located problems: the listed ones and how many were found in all. */
    public Fault(Kind kind, Option option, String message, List<Problem> problems, int count) {
        this(kind, option, message, problems, count, List.of(), null);
    }

    public Fault(Kind kind, String message, List<Difference> details) {
        this(kind, null, message, List.of(), 0, details, null);
    }

    protected Fault(Kind kind, Option option, String message, List<Problem> problems, int count, List<Difference> details, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind);
        this.option = option;
        this.problems = List.copyOf(problems);
        this.count = count;
        this.details = List.copyOf(details);
    }

    public Kind kind() {
        return kind;
    }

    /** The option the failure concerns, or null. */
    public Option option() {
        return option;
    }

    /** The located problems (empty when there are none). */
    public List<Problem> problems() {
        return problems;
    }

    /** How many problems were found, including any not listed. */
    public int count() {
        return count;
    }

    /** The differences of a re-run that was not reproduced (empty otherwise). */
    public List<Difference> details() {
        return details;
    }

    /** The same failure about another option (e.g. a what-if's changes made the submission invalid). */
    public Fault about(Option other) {
        return new Fault(kind, other, getMessage(), problems, count, details, this);
    }
}
