package org.verdant.dispute;

import java.util.Arrays;
import java.util.Optional;

/** A regulator's decision on an objection. */
public enum Ruling {
    /** The objection holds: the re-evaluation stands. */
    UPHELD("upheld"),
    /** The objection holds for some of the criteria it names. */
    PARTLY("partly"),
    /** The objection does not hold: the original verdict stands. */
    REJECTED("rejected");

    private final String word;

    Ruling(String word) {
        this.word = word;
    }

    /** The word the CLI, the API and the stored step use. */
    public String word() {
        return word;
    }

    public static Optional<Ruling> of(String word) {
        return Arrays.stream(values()).filter(r -> r.word.equals(word)).findFirst();
    }
}
