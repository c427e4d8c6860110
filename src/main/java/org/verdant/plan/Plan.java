package org.verdant.plan;

import org.verdant.text.Text;
import org.verdant.verdict.Verdict;

import java.util.List;

/**
 * An improvement plan: what blocks the facility (gates, mandatory requirements, performance
 * below its basic tier), the changes ranked by the points they add, what cannot be planned and
 * why, and, when asked, the smallest set of changes that reaches a target.
 */
public record Plan(String file, String scheme, String edition, String facility, boolean scored, State now,
                   List<Step> blockers, List<Step> changes, List<Open> open, Target target) {

    /** A verdict's headline. */
    public record State(Boolean eligible, boolean mandatoryMet, Double score, String grade, String gradingTable) {
        static State of(Verdict v) {
            return new State(v.eligible(), v.mandatoryMet(), v.score(), v.grade().label(), v.grade().tableId());
        }
    }

    /**
     * How much a change asks of the facility, used only to break ties between changes that gain
     * the same: stating what is already documented (evidence) before supplying data the
     * submission lacks, before changing a measured figure (which means changing how the plant runs).
     */
    public enum Effort { EVIDENCE, DATA, FIGURE }

    /** Words for the reader: a message key and its arguments (a Phrase argument is rendered too). */
    public record Phrase(String key, List<Object> args) {
        public static Phrase of(String key, Object... args) {
            return new Phrase(key, List.of(args));
        }
    }

    /**
     * One change to one criterion, with its outcome. {@code verified}: the outcome was computed by
     * evaluating the changed submission; otherwise it is arithmetic on the scorecard (the change
     * needs data Verdant cannot invent, e.g. a list of technologies).
     */
    public record Step(String id, Text name, String type, Phrase action, List<Assignment> changes,
                       String statusBefore, String statusAfter, double pointsBefore, double pointsAfter, double max,
                       Double scoreBefore, Double scoreAfter, State after, Effort effort, boolean verified) {
        /** Points added to the total (the weighted total, the park index); null without a score. */
        public Double gain() {
            return scoreBefore == null || scoreAfter == null ? null : scoreAfter - scoreBefore;
        }
    }

    /** A criterion left open: no change can be planned for it, and why. */
    public record Open(String id, Text name, String status, boolean blocking, Phrase why) {
    }

    /**
     * The answer to --target. {@code steps}: the changes chosen, blockers first; {@code reached}:
     * the verdict with all of them (re-evaluated); {@code why}: why the target cannot be reached.
     */
    public record Target(String asked, Phrase goal, boolean reachable, List<Step> steps, State reached, Phrase why,
                         Double maxAchievable) {
    }
}
