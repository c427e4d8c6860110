package org.verdant.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.verdant.archive.Archive;
import org.verdant.archive.ArchiveEntry;
import org.verdant.archive.ArchiveJson;
import org.verdant.archive.ArchiveQuery;
import org.verdant.archive.ArchivedEvaluation;
import org.verdant.app.Reevaluation;
import org.verdant.compare.VerdictComparison;
import org.verdant.fault.Fault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "archive", mixinStandardHelpOptions = true,
        description = "Read the evaluation archive (evaluate --archive writes it): list, show, history, verify.",
        subcommands = {ArchiveCommand.ListRecords.class, ArchiveCommand.Show.class, ArchiveCommand.History.class, ArchiveCommand.Verify.class})
final class ArchiveCommand implements Runnable {

    @Spec
    CommandSpec spec;

    enum Format { text, json }

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a subcommand: list, show, history, verify");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List archived evaluations, oldest first.")
    static final class ListRecords implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--credit-code", paramLabel = "CODE", description = "Only this facility.")
        String creditCode;

        @Option(names = "--year", paramLabel = "YEAR", description = "Only this reporting year.")
        Integer year;

        @Option(names = "--scheme", paramLabel = "SCHEME", description = "Only this scheme, e.g. green-factory.")
        String scheme;

        @Option(names = "--industry", paramLabel = "CODE", description = "Only industry codes starting with CODE, e.g. C30.")
        String industry;

        @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
        Format format;

        @Mixin
        ArchiveOptions archive = new ArchiveOptions();

        @Override
        public Integer call() throws Exception {
            var out = spec.commandLine().getOut();
            List<ArchiveEntry> entries;
            try (Archive a = archive.open()) {
                entries = a.list(new ArchiveQuery(creditCode, year, scheme, industry));
            }
            out.print(format == Format.json ? ArchiveJson.list(entries) : table(entries));
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one archived evaluation.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", descriptionKey = "record-id", description = "The record's id.")
        long id;

        @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
        Format format;

        @Option(names = "--submission", description = "Print the submission exactly as it was evaluated (the stored bytes), nothing else.")
        boolean submission;

        @Option(names = "--verdict", description = "Print the verdict JSON exactly as it was archived, nothing else.")
        boolean verdict;

        @Mixin
        ArchiveOptions archive = new ArchiveOptions();

        @Override
        public Integer call() throws Exception {
            var out = spec.commandLine().getOut();
            if (submission && verdict) throw new Fault(Fault.Kind.USAGE, "--submission and --verdict: choose one");
            ArchivedEvaluation a;
            List<ArchiveEntry> history;
            try (Archive archived = archive.open()) {
                a = archived.get(id).orElseThrow(() -> new Fault(Fault.Kind.NOT_FOUND, "archive: no record " + id));
                history = archived.history(a.entry().creditCode());
            }
            if (submission) {
                out.print(new String(a.submission(), StandardCharsets.UTF_8));
            } else if (verdict) {
                out.print(a.verdictJson());
            } else if (format == Format.json) {
                out.print(ArchiveJson.record(a));
            } else {
                show(out, a, history);
            }
            return ExitCodes.OK;
        }

        private static void show(PrintWriter out, ArchivedEvaluation a, List<ArchiveEntry> history) {
            ArchiveEntry e = a.entry();
            String next = history.stream().filter(h -> Long.valueOf(e.id()).equals(h.previousId()))
                    .map(h -> String.valueOf(h.id())).findFirst().orElse(null);
            out.println("record " + e.id() + (e.previousId() == null ? "" : " (re-evaluation of record " + e.previousId() + ")")
                    + (next == null ? "" : " (re-evaluated by record " + next + ")"));
            out.println("evaluated at     " + e.evaluatedAt() + " (kept in the archive; not part of the verdict)");
            out.println("scheme           " + e.scheme() + "  " + e.edition());
            out.println("facility         " + e.facilityName() + "  " + e.creditCode() + "  industry " + dash(e.industry())
                    + "  province " + dash(e.province()));
            out.println("reporting year   " + e.reportingYear());
            out.println("eligible         " + (e.eligible() == null ? "undetermined" : e.eligible()) + "   mandatory met " + e.mandatoryMet());
            out.println("score            " + (e.score() == null ? "—" : e.score().toPlainString()) + "   grade " + dash(e.grade()));
            out.println("input            " + e.inputFile() + "  " + e.inputDigest() + "  (" + a.submission().length + " bytes)");
            out.println("rulebook         " + e.rulebookDigest());
            out.println("engine           " + e.engineVersion());
            out.println("requested        --edition " + (a.requestedEdition() == null ? "(by evaluation_date)" : a.requestedEdition())
                    + "  --grading " + (a.requestedGrading() == null ? "(default)" : a.requestedGrading()) + "  --lang " + a.lang());
            out.println();
            out.println("archive show " + e.id() + " --verdict     the verdict JSON as archived");
            out.println("archive show " + e.id() + " --submission  the submission as evaluated");
            out.println("archive verify " + e.id() + "             re-run it against today's rulebook");
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true,
            description = "Every archived evaluation of one facility, by scheme, reporting year and archiving order.")
    static final class History implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "CREDIT_CODE", descriptionKey = "credit-code-arg", description = "The facility's unified social credit code.")
        String creditCode;

        @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
        Format format;

        @Mixin
        ArchiveOptions archive = new ArchiveOptions();

        @Override
        public Integer call() throws Exception {
            var out = spec.commandLine().getOut();
            List<ArchiveEntry> entries;
            try (Archive a = archive.open()) {
                entries = a.history(creditCode);
            }
            if (format == Format.json) {
                out.print(ArchiveJson.list(entries));
                return ExitCodes.OK;
            }
            if (entries.isEmpty()) {
                out.println("no archived evaluation of " + creditCode);
                return ExitCodes.OK;
            }
            out.println(entries.get(entries.size() - 1).facilityName() + "  " + creditCode + ": " + entries.size() + " evaluation(s)");
            out.print(table(entries));
            return ExitCodes.OK;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Re-run an archived submission (its stored bytes, with the edition, grading and language it was evaluated with) "
                    + "against today's rulebook or another (--rules DIR --scorecards DIR), and report whether the verdict is identical "
                    + "or what differs: score, status per criterion, rulebook digest.",
                    "Exit code 0: identical; " + ExitCodes.DIFFERS + ": the verdict differs."})
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", descriptionKey = "record-id", description = "The record's id.")
        long id;

        @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
        Format format;

        @Mixin
        RulebookOptions rulebook = new RulebookOptions();

        @Mixin
        ArchiveOptions archive = new ArchiveOptions();

        @Override
        public Integer call() throws Exception {
            var out = spec.commandLine().getOut();
            ArchivedEvaluation a;
            try (Archive archived = archive.open()) {
                a = archived.get(id).orElseThrow(() -> new Fault(Fault.Kind.NOT_FOUND, "archive: no record " + id));
            }
            Reevaluation o = rulebook.application().verify(a);
            ArchiveEntry e = a.entry();
            String nowDigest = ArchiveJson.rulebookDigestOf(o.verdictJson());
            if (format == Format.json) {
                ObjectNode root = ArchiveJson.verification(e, o.verdictJson(), o.comparison());
                out.print(root.toPrettyString() + "\n");
            } else {
                out.println("record " + e.id() + ": " + e.facilityName() + " " + e.creditCode() + ", " + e.scheme() + " " + e.edition()
                        + ", reporting year " + e.reportingYear() + ", evaluated " + e.evaluatedAt());
                out.println("archived with rulebook " + e.rulebookDigest() + ", engine " + e.engineVersion());
                out.println("re-run with rulebook   " + nowDigest);
                if (o.identical()) {
                    out.println("IDENTICAL: the re-run verdict JSON is byte-identical to the archived one");
                } else {
                    out.println("DIFFERS (" + o.comparison().differences().size() + "):");
                    for (VerdictComparison.Difference d : o.comparison().differences()) out.println("  " + d);
                }
            }
            return o.identical() ? ExitCodes.OK : ExitCodes.DIFFERS;
        }
    }

    // ---------------------------------------------------------------------------------------

    static String table(List<ArchiveEntry> entries) {
        StringBuilder s = new StringBuilder();
        s.append(String.format("%-5s %-5s %-4s  %-18s %-18s %-18s %-8s %-5s %7s  %-6s %-24s  %s%n", "ID", "PREV", "YEAR", "SCHEME", "EDITION",
                "CREDIT CODE", "INDUSTRY", "ELIG", "SCORE", "GRADE", "EVALUATED (UTC)", "FACILITY"));
        for (ArchiveEntry e : entries) {
            s.append(String.format("%-5d %-5s %-4d  %-18s %-18s %-18s %-8s %-5s %7s  %-6s %-24s  %s%n", e.id(),
                    e.previousId() == null ? "-" : e.previousId(), e.reportingYear(), e.scheme(), e.edition(), e.creditCode(),
                    dash(e.industry()), e.eligible() == null ? "?" : e.eligible() ? "yes" : "no",
                    e.score() == null ? "-" : e.score().toPlainString(), dash(e.grade()), e.evaluatedAt(), e.facilityName()));
        }
        s.append(entries.size()).append(" record(s)\n");
        return s.toString();
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }
}
