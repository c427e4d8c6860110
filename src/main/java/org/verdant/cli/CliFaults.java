package org.verdant.cli;

import org.verdant.app.Faults;
import org.verdant.app.TextFault;
import org.verdant.fault.Fault;
import org.verdant.fault.Option;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * The one place that turns a failed command into the README's messages and exit codes: every
 * command throws, picocli hands the exception here ({@link VerdantCli}), and a bad file, a bad
 * submission and a bad rulebook are reported alike by every command.
 */
final class CliFaults {
    private CliFaults() {
    }

    /** A command that evaluates one submission file: an invalid-submission summary names it. */
    interface OfSubmission {
        Path submission();
    }

    /** Prints what went wrong on {@code err} in the language of {@code words}; returns the exit code. {@code command} is the command object that failed. */
    static int report(PrintWriter err, Throwable thrown, Object command, Words words) {
        // the reader of standard output went away (| head): nothing was wrong, and nothing more is said
        if (thrown instanceof StreamOutput.Closed) return ExitCodes.OUTPUT_CLOSED;
        Fault f = Faults.of(thrown);
        Path file = command instanceof OfSubmission s ? s.submission() : null;
        return switch (f.kind()) {
            case USAGE, NOT_FOUND -> {
                err.println(words.get("usage.error", flag(f.option()) + TextFault.message(f, words.lang())));
                yield ExitCodes.USAGE;
            }
            case ARCHIVE -> {
                err.println(words.get("fault.archive", TextFault.message(f, words.lang())));
                yield ExitCodes.USAGE;
            }
            case IO -> {
                // the message names the file or the output; the README's code 2 covers a file that cannot be read or written
                err.println(TextFault.message(f, words.lang()));
                yield ExitCodes.USAGE;
            }
            case INVALID_SUBMISSION -> {
                if (f.option() == Option.SET) {
                    // the file itself is valid (it was just evaluated): say the changes made it invalid
                    Console.problems(err, f.problems(), words.get("fault.invalid_after_set", file, f.problems().size()), words.lang());
                } else {
                    Console.problems(err, f.problems(), words.get("fault.invalid_submission",
                            file == null ? words.get("fault.input") : file.toString(), f.count()), words.lang());
                }
                yield ExitCodes.INVALID_SUBMISSION;
            }
            case INVALID_RULEBOOK -> {
                Console.problems(err, f.problems(), words.get("fault.invalid_rulebook", f.problems().size()));
                yield ExitCodes.INVALID_RULEBOOK;
            }
            case FORBIDDEN -> {
                err.println(words.get("fault.forbidden", TextFault.message(f, words.lang())));
                yield ExitCodes.FORBIDDEN;
            }
            case NOT_REPRODUCED -> {
                err.println(TextFault.message(f, words.lang()));
                f.details().forEach(d -> err.println("  " + d));
                yield ExitCodes.DIFFERS;
            }
            case INTERNAL -> {
                Throwable bug = f instanceof Faults.Internal i ? i.bug() : f;
                err.println(words.get("fault.internal", bug));
                if (System.getenv("VERDANT_DEBUG") != null) bug.printStackTrace(err); // for developers, never by default
                yield ExitCodes.INTERNAL_ERROR;
            }
        };
    }

    /** An option as the command line writes it, followed by ": " (nothing for none). */
    static String flag(Option option) {
        return option == null ? "" : "--" + option.word() + ": ";
    }
}
