package org.verdant.cli;

import org.verdant.app.Evaluation;
import org.verdant.archive.Archive;
import org.verdant.archive.ArchiveEntry;
import org.verdant.fault.Fault;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Stack;

/**
 * {@code evaluate --archive [DIR]} and {@code --jdbc-url URL}: store the evaluation (submission
 * bytes, verdict JSON, digests, time) in the archive. The time goes into the archive only.
 */
public class EvaluateArchiving {
    @Option(names = "--archive", arity = "0..1", paramLabel = "DIR", parameterConsumer = OptionalDir.class,
            description = "Store the evaluation in the archive: DIR, else $VERDANT_JDBC_URL, $VERDANT_DATA or ./verdant-data.")
    String archive;

    @Option(names = "--jdbc-url", paramLabel = "URL", description = "Store the evaluation in this database (implies --archive), "
            + "e.g. jdbc:postgresql://host/verdant.")
    String jdbcUrl;

    private static final String DEFAULT = "";

    boolean requested() {
        return archive != null || jdbcUrl != null;
    }

    /** Stores the evaluation if asked to; says where on {@code err} (stdout keeps the verdict alone). */
    void store(PrintWriter err, Evaluation evaluation, Words words) throws Fault {
        if (!requested()) return;
        try (Archive a = open()) {
            store(err, evaluation, words, a);
        }
    }

    /**
     * The archive asked for (created if need be), null when none was: its evidence store checks the
     * submission's digests. The submission is validated first, so one refused creates no archive.
     */
    Archive open(org.verdant.app.Workbooks.Input input, org.verdant.app.Application application) throws Fault {
        if (!requested()) return null;
        input.run(application::validate);
        return open();
    }

    /** The archive asked for (created if need be), null when none was. */
    Archive open() throws Fault {
        if (!requested()) return null;
        Path dir = archive == null || archive.equals(DEFAULT) ? null : Path.of(archive);
        return ArchiveOptions.open(dir, jdbcUrl, true);
    }

    /** Stores the evaluation in {@code a}, already open. */
    void store(PrintWriter err, Evaluation evaluation, Words words, Archive a) {
        ArchiveEntry e = evaluation.store(a);
        err.println(e.previousId() == null ? words.get("archive.stored", e.id(), a.location().describe())
                : words.get("archive.stored_again", e.id(), e.previousId(), a.location().describe()));
    }

    /**
     * --archive takes the next argument as its DIR unless it is an option or the submission
     * (an existing file, or a name ending in .yaml/.yml), so "evaluate --archive f.yaml" works.
     */
    static final class OptionalDir implements CommandLine.IParameterConsumer {
        @Override
        public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
            String next = args.isEmpty() ? null : args.peek();
            boolean dir = next != null && !next.startsWith("-") && !next.endsWith(".yaml") && !next.endsWith(".yml")
                    && !isFile(next);
            argSpec.setValue(dir ? args.pop() : DEFAULT);
        }

        private static boolean isFile(String name) {
            try {
                return Files.isRegularFile(Path.of(name));
            } catch (RuntimeException e) {
                return false;
            }
        }
    }
}
