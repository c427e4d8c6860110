package org.verdant.cli;

import org.verdant.evaluation.InvalidSubmissionException;
import org.verdant.evaluation.UsageException;
import org.verdant.rulebook.RulebookException;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * One place that turns what can go wrong in a command into the README's exit codes and
 * messages, so every command reports a bad file, a bad submission and a bad rulebook alike.
 */
final class Outcomes {
    private Outcomes() {
    }

    /** A command's work; it returns its exit code and may fail with any of the expected errors. */
    interface Work {
        int run() throws UsageException, InvalidSubmissionException, RulebookException, IOException;
    }

    /** Runs {@code work}; {@code file} names the submission in an invalid-submission summary (may be null). */
    static int run(PrintWriter err, Path file, Work work) {
        try {
            return work.run();
        } catch (UsageException e) {
            err.println("usage error: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (InvalidSubmissionException e) {
            Console.problems(err, e.problems(), (file == null ? "input" : file.toString()) + ": invalid submission ("
                    + e.count() + " problem(s)); nothing was scored");
            return ExitCodes.INVALID_SUBMISSION;
        } catch (RulebookException e) {
            Console.problems(err, e.problems(), "invalid rulebook (" + e.problems().size() + " problem(s))");
            return ExitCodes.INVALID_RULEBOOK;
        } catch (IOException e) {
            err.println("usage error: " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }
}
