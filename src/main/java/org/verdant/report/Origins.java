package org.verdant.report;

import org.verdant.rulebook.Sources;
import org.verdant.text.Messages;
import org.verdant.verdict.Provenance;

/**
 * Where a level or figure came from, in the reader's language, for the renderers (text verdict,
 * report, explain): the origin words from the message bundle and each citation from the sources
 * the verdict carries ({@link Provenance}).
 */
public final class Origins {
    private Origins() {
    }

    /** The origin words in the reader's language; citations stay as the verdict wrote them (no sources given). */
    public static String shown(Object origin, Messages m) {
        return Provenance.shown(origin, m, Sources.NONE);
    }

    /** The origin in the reader's language, each citation of {@code sources} in it shown in that language. */
    public static String shown(Object origin, Messages m, Sources sources) {
        return Provenance.shown(origin, m, sources);
    }
}
