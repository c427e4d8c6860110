package org.verdant.serve;

import org.verdant.yaml.Problem;

import java.util.List;

/**
 * An answer other than success: an HTTP status, a short machine-readable {@code error} code, a
 * sentence for people, and the located problems when a submission or the rulebook is at fault.
 * Rendered as {@code {"error": …, "message": …[, "problems": […]]}}.
 */
final class ApiException extends Exception {
    private final int status;
    private final String error;
    private final List<Problem> problems;
    private final Object details;

    ApiException(int status, String error, String message) {
        this(status, error, message, null, null);
    }

    ApiException(int status, String error, String message, List<Problem> problems, Object details) {
        super(message);
        this.status = status;
        this.error = error;
        this.problems = problems;
        this.details = details;
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }

    /** Null when the error has no located problems. */
    List<Problem> problems() {
        return problems;
    }

    /** Extra JSON-able details (e.g. the differences of a verdict that is no longer reproduced), or null. */
    Object details() {
        return details;
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, "bad_request", message);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message);
    }
}
