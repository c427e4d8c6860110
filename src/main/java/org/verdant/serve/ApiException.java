package org.verdant.serve;

import org.verdant.text.Text;
import org.verdant.yaml.Problem;

import java.util.List;

/**
 * An answer other than success: an HTTP status, a short machine-readable {@code error} code, a
 * sentence for people in Chinese and English (the answer's language is the request's, see
 * {@link ServeLang}), and the located problems when a submission or the rulebook is at fault.
 * Rendered as {@code {"error": …, "message": …[, "problems": […]]}}.
 */
final class ApiException extends Exception {
    private final int status;
    private final String error;
    private final Text message;
    private final List<Problem> problems;
    private final Object details;

    ApiException(int status, String error, Text message) {
        this(status, error, message, null, null);
    }

    ApiException(int status, String error, Text message, List<Problem> problems, Object details) {
        super(message.en()); // the English for logs; the answer is written in the request's language
        this.status = status;
        this.error = error;
        this.message = message;
        this.problems = problems;
        this.details = details;
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }

    /** The sentence for people, in both languages. */
    Text message() {
        return message;
    }

    /** Null when the error has no located problems. */
    List<Problem> problems() {
        return problems;
    }

    /** Extra JSON-able details (e.g. the differences of a verdict that is no longer reproduced), or null. */
    Object details() {
        return details;
    }

    static ApiException badRequest(String zh, String en) {
        return new ApiException(400, "bad_request", new Text(zh, en));
    }

    static ApiException notFound(String zh, String en) {
        return new ApiException(404, "not_found", new Text(zh, en));
    }
}
