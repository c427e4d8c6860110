package org.verdant.archive;

import org.verdant.evaluation.Evaluator;
import org.verdant.evaluation.InvalidSubmissionException;
import org.verdant.evaluation.UsageException;
import org.verdant.verdict.VerdictJson;
import org.verdant.text.Messages;
import org.verdant.rulebook.CompiledRulebook;
import org.verdant.rulebook.RulebookException;
import org.verdant.verdict.Verdict;

/**
 * Re-runs an archived submission, byte for byte, with the options it was first evaluated with
 * (edition, grading table, language) against a rulebook (today's, or an older copy), and
 * compares the verdict JSON with the archived one.
 */
public final class Reevaluation {
    /** The re-run: the rulebook digest it used, its verdict JSON, and the comparison. */
    public record Outcome(ArchivedEvaluation archived, String verdictJson, VerdictComparison.Result comparison) {
        public boolean identical() {
            return comparison.identical();
        }
    }

    private Reevaluation() {
    }

    public static Outcome verify(ArchivedEvaluation archived, CompiledRulebook rulebook)
            throws InvalidSubmissionException, RulebookException, UsageException {
        Verdict verdict = new Evaluator(rulebook).evaluate(archived.entry().inputFile(), archived.submission(),
                new Evaluator.Options(archived.requestedEdition(), archived.requestedGrading()));
        String json = VerdictJson.write(verdict, new Messages(archived.lang()));
        return new Outcome(archived, json, VerdictComparison.compare(archived.verdictJson(), json));
    }
}
