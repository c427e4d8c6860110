package org.verdant.facts;

import org.verdant.rulebook.Figure;

/** A named scorecard figure the rules read (e.g. the accident look-back window). */
public record Parameter(String name, Figure figure) {

    public int intValue() {
        return (int) figure.number();
    }

    public String word() {
        return figure.word();
    }
}
