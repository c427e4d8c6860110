package org.verdant.cli;

import org.verdant.fault.Fault;
import org.verdant.files.SafeFile;
import org.verdant.files.WriteFailure;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/** Every file a command writes: whole or not at all ({@link SafeFile}), never over one of its inputs, with a reason a user can act on. */
final class Outputs {
    private Outputs() {
    }

    static void write(Path target, String text, Words w) throws Fault {
        write(target, text.getBytes(StandardCharsets.UTF_8), w);
    }

    static void write(Path target, byte[] bytes, Words w) throws Fault {
        try {
            SafeFile.write(target, bytes);
        } catch (WriteFailure f) {
            throw fault(f, w);
        }
    }

    /** Refuses, before anything is done, an output that is one of the inputs or another output. */
    static void requireDistinct(Words w, Path[] outputs, Path... inputs) throws Fault {
        Path[] named = Arrays.stream(outputs).filter(Objects::nonNull).toArray(Path[]::new);
        for (int i = 0; i < named.length; i++) {
            try {
                SafeFile.requireNotAnInput(named[i], Arrays.asList(inputs));
            } catch (WriteFailure f) {
                throw fault(f, w);
            }
            for (int j = i + 1; j < named.length; j++) {
                if (SafeFile.same(named[i], named[j])) throw new Fault(Fault.Kind.USAGE, w.get("file.written_twice", named[i]));
            }
        }
    }

    /** A failed write as a usage error naming the file and why. */
    static Fault fault(WriteFailure f, Words w) {
        String why = f.reason() == WriteFailure.Reason.OTHER ? f.detail() : w.get("file.write_reason." + f.reason().name());
        return new Fault(Fault.Kind.USAGE, w.get("file.cannot_write", f.file(), why));
    }
}
