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
                   List<Step> blockers, List<Step> changes, List<Step> longTerm, List<Open> open, Target target,
                   List<Phrase> warnings) {

    /** A verdict's headline. */
    public record State(Boolean eligible, boolean mandatoryMet, Double score, String grade, String gradingTable, boolean hasMandatory) {
        static State of(Verdict v) {
            return new State(v.eligible(), v.mandatoryMet(), v.score(), v.grade().label(), v.grade().tableId(),
                    v.scorecard().hasMandatoryRequirements());
        }
    }

    /**
     * How much a change asks of the facility, used only to break ties between changes that gain
     * the same: stating what is already documented (evidence) before supplying data the
     * submission lacks, before changing a measured figure (which means changing how the plant runs).
     */
    public enum Effort { EVIDENCE, DATA, FIGURE }

    /**
     * A submission field named in a sentence: shown by its label in the reader's language
     * ({@code field.<path>} messages, list items generalised), the path itself kept for the trace.
     */
    public record Field(String path) {
    }

    /** A figure shown in a sentence: a number and its unit, printed as every Verdant number is. */
    public record Amount(double value, String unit) {
    }

    /** Phrases joined by the language's list separator. */
    public record Phrases(List<Phrase> items) {
    }

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
                       Double scoreBefore, Double scoreAfter, State after, Effort effort, boolean verified,
                       Figure figure, boolean longTerm, double effortUnits, Marginal marginal, Threshold next) {
        public Step(String id, Text name, String type, Phrase action, List<Assignment> changes,
                    String statusBefore, String statusAfter, double pointsBefore, double pointsAfter, double max,
                    Double scoreBefore, Double scoreAfter, State after, Effort effort, boolean verified) {
            this(id, name, type, action, changes, statusBefore, statusAfter, pointsBefore, pointsAfter, max, scoreBefore, scoreAfter,
                    after, effort, verified, null, false, 0, null, null);
        }

        /** Points added to the total (the weighted total, the park index); null without a score. */
        public Double gain() {
            return scoreBefore == null || scoreAfter == null ? null : scoreAfter - scoreBefore;
        }

        /** Points added per unit of effort (the ranking of the one-year changes); null without a score. */
        public Double gainPerEffort() {
            Double g = gain();
            if (g == null || effortUnits <= 0) return g;
            return g / effortUnits;
        }

        Step with(Figure figure, boolean longTerm, double effortUnits, Marginal marginal, Threshold next) {
            return new Step(id, name, type, action, changes, statusBefore, statusAfter, pointsBefore, pointsAfter, max, scoreBefore,
                    scoreAfter, after, effort, verified, figure, longTerm, effortUnits, marginal, next);
        }

        Step withEffortUnits(double units) {
            return with(figure, longTerm, units, marginal, next);
        }
    }

    /**
     * The measured figure a step changes, and against its one-year cap: {@code share} of the cap
     * used (above 1: beyond it, a long-term target). {@code cap} is shown as "15 %" or "2".
     */
    public record Figure(String path, double from, double to, String unit, String capKey, String cap, String capStatus, double share) {
    }

    /**
     * The marginal gain at the current figure: moving {@code path} by 1 % in direction
     * {@code up} adds {@code gain} to the total and moves the indicator from {@code before} to
     * {@code after} (re-evaluated, no level crossed).
     */
    public record Marginal(String path, boolean up, double gain, double before, double after, String unit) {
    }

    /**
     * The nearest level beyond the indicator's value that earns points: {@code level} is basic,
     * advanced, baseline, leading or threshold; {@code distance} how far in the indicator's unit,
     * {@code percent} that as a share of the current value (null when the value is 0).
     */
    public record Threshold(String level, double value, double current, String unit, double distance, Double percent) {
    }

    /** A criterion left open: no change can be planned for it, and why. */
    public record Open(String id, Text name, String status, boolean blocking, Phrase why) {
    }

    /**
     * The answer to --target. {@code steps}: the changes chosen, blockers first; {@code reached}:
     * the verdict with all of them (re-evaluated); {@code why}: why the target cannot be reached;
     * {@code longTermNeeded}: the long-term targets (beyond one year's caps) that would reach it.
     */
    public record Target(String asked, Phrase goal, boolean reachable, List<Step> steps, State reached, Phrase why,
                         Double maxAchievable, List<String> longTermNeeded) {
        public Target(String asked, Phrase goal, boolean reachable, List<Step> steps, State reached, Phrase why, Double maxAchievable) {
            this(asked, goal, reachable, steps, reached, why, maxAchievable, List.of());
        }
    }
}
