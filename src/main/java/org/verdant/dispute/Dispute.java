package org.verdant.dispute;

import org.verdant.archive.ArchivedEvaluation;
import org.verdant.archive.DisputeStep;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A dispute as its stored steps tell it: the original record, the objection, the re-evaluations
 * and, once a regulator has ruled, the ruling. {@code chainProblems} lists every step whose
 * stored sha256 or link to the step before does not hold (empty: the steps are as written).
 */
public record Dispute(long id, ArchivedEvaluation original, List<DisputeStep> steps, String objector, Instant filedAt,
                      Objection objection, List<Recheck> rechecks, Decision decision, List<String> chainProblems) {

    /** A regulator's ruling as recorded. */
    public record Decision(Ruling ruling, String reason, String actor, Instant at) {
    }

    public Dispute {
        steps = List.copyOf(steps);
        rechecks = List.copyOf(rechecks);
        chainProblems = List.copyOf(chainProblems);
    }

    public boolean ruled() {
        return decision != null;
    }

    /** "open" until ruled, then the ruling's word. */
    public String status() {
        return decision == null ? "open" : decision.ruling().word();
    }

    public Optional<Recheck> recheck(Recheck.Rulebook which) {
        return rechecks.stream().filter(r -> r.rulebook() == which).reduce((a, b) -> b);
    }

    public String creditCode() {
        return original.entry().creditCode();
    }
}
