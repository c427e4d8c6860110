package org.verdant.facts;

import org.verdant.text.Messages.Phrase;

import java.util.Arrays;

/**
 * The facts' words for people (where a level came from, what is missing, a correction's steps) as
 * message phrases: the verdict stays language-neutral and each renderer writes them in its reader's
 * language; field paths and figures stay their arguments, as codes.
 */
public final class Phrases {
    private Phrases() {
    }

    public static Phrase of(String key, Object... args) {
        return new Phrase(key, java.util.Collections.unmodifiableList(Arrays.asList(args)));
    }

    /** A field path or another code, shown as it is in every language. */
    public static Phrase code(String text) {
        return of("phrase.as_is", text);
    }

    /** A phrase as it is, or a text (a field path) shown as it is in every language. */
    public static Phrase orCode(Object phraseOrText) {
        return phraseOrText instanceof Phrase p ? p : code(String.valueOf(phraseOrText));
    }
}
