package org.verdant.dispute;

/**
 * One re-evaluation of a dispute: the corrected submission (or the stored one, when only
 * evidence is new) evaluated under the original rulebook or the current one.
 *
 * @param rulebook       which rulebook it ran under
 * @param available      false when that rulebook could not be had (no snapshot of it was stored)
 * @param rulebookDigest the digest of the rulebook it ran under (the original's when unavailable)
 * @param verdictJson    the verdict ({@code verdant.verdict/1}), or null when unavailable
 * @param sameRulebook   for the original: the current rulebook is the same, so there is no second re-evaluation
 */
public record Recheck(Rulebook rulebook, boolean available, String rulebookDigest, String verdictJson, boolean sameRulebook) {
    /** The rulebook a re-evaluation ran under. */
    public enum Rulebook {
        ORIGINAL("original"), CURRENT("current");

        private final String word;

        Rulebook(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        public static Rulebook of(String word) {
            return word.equals("current") ? CURRENT : ORIGINAL;
        }
    }
}
