package org.verdant.app;

import org.verdant.archive.ArchiveException;
import org.verdant.fault.Fault;
import org.verdant.files.WriteFailure;
import org.verdant.rulebook.RulebookException;
import org.verdant.text.Text;
import org.verdant.yaml.Msg;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * Sorts whatever a request threw into the {@link Fault} taxonomy, so each face maps kinds, not
 * exception classes: a rulebook that does not load is an invalid rulebook, an archive failure an
 * archive fault, a file that cannot be read or written an input/output fault naming the file, anything
 * else internal (a bug).
 */
public final class Faults {
    private Faults() {
    }

    public static Fault of(Throwable t) {
        if (t instanceof Fault f) return f;
        if (t instanceof RulebookException e) return invalidRulebook(e);
        if (t instanceof ArchiveException e) return new TextFault(Fault.Kind.ARCHIVE, null, e.text());
        if (t instanceof IOException e) return io(e);
        return new Internal(t);
    }

    /**
     * A read or write that failed, in words of ours in both languages, naming the file where the
     * exception knows it: the JDK's own message is English and often only the path again.
     */
    static Fault io(IOException e) {
        if (e instanceof WriteFailure w) {
            Object why = w.reason() == WriteFailure.Reason.OTHER ? w.detail() : Msg.of("io.reason." + w.reason().name());
            Object name = w.file() == null ? Msg.of("io.standard_output") : w.file();
            return new TextFault(Fault.Kind.IO, null, text(Msg.of("io.cannot_write", name, why)));
        }
        if (e instanceof FileSystemException f && f.getFile() != null) {
            Object why = e instanceof NoSuchFileException ? Msg.of("io.reason.NO_FILE")
                    : e instanceof AccessDeniedException ? Msg.of("io.reason.DENIED")
                    : f.getReason() != null ? f.getReason() : String.valueOf(f.getMessage());
            return new TextFault(Fault.Kind.IO, null, text(Msg.of("io.cannot_access", f.getFile(), why)));
        }
        return new TextFault(Fault.Kind.IO, null, text(Msg.of("io.failed", String.valueOf(e.getMessage()))));
    }

    private static Text text(Msg m) {
        return new Text(m.render("zh"), m.render("en"));
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
