package org.verdant.app;

import org.verdant.archive.ArchiveException;
import org.verdant.fault.Fault;
import org.verdant.rulebook.RulebookException;

import java.io.IOException;

/**
 * Sorts whatever a request threw into the {@link Fault} taxonomy, so each face maps kinds, not
 * exception classes: a rulebook that does not load is an invalid rulebook, an archive failure an
 * archive fault, an unreadable file a usage error, anything else internal (a bug).
 */
public final class Faults {
    private Faults() {
    }

    public static Fault of(Throwable t) {
        if (t instanceof Fault f) return f;
        if (t instanceof RulebookException e) return invalidRulebook(e);
        if (t instanceof ArchiveException e) return new TextFault(Fault.Kind.ARCHIVE, null, e.text());
        if (t instanceof IOException e) return new Fault(Fault.Kind.USAGE, e.getMessage());
        return new Internal(t);
    }

    static Fault invalidRulebook(RulebookException e) {
        return new Fault(Fault.Kind.INVALID_RULEBOOK, null, "invalid rulebook", e.problems(), e.problems().size());
    }

    /** A bug: the cause is kept for the face to name (and, for developers, to print). */
    public static final class Internal extends Fault {
        private final Throwable bug;

        Internal(Throwable bug) {
            super(Kind.INTERNAL, String.valueOf(bug));
            this.bug = bug;
        }

        public Throwable bug() {
            return bug;
        }
    }
}
