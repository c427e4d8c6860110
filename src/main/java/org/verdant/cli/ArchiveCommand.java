package org.verdant.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.verdant.archive.Archive;
import org.verdant.archive.ArchiveBundle;
import org.verdant.archive.ArchiveEntry;
import org.verdant.archive.ArchiveException;
import org.verdant.archive.ArchiveImport;
import org.verdant.archive.ArchiveIntegrity;
import org.verdant.archive.ArchiveJson;
import org.verdant.archive.ArchiveQuery;
import org.verdant.archive.ArchivedEvaluation;
import org.verdant.app.Reevaluation;
import org.verdant.compare.VerdictComparison;
import org.verdant.fault.Fault;
import org.verdant.text.DisplayWidth;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "archive", mixinStandardHelpOptions = true,
        description = "Read the evaluation archive (evaluate --archive writes it): list, show, history, verify, export, import.",
        subcommands = {ArchiveCommand.ListRecords.class, ArchiveCommand.Show.class, ArchiveCommand.History.class, ArchiveCommand.Verify.class,
                ArchiveCommand.Export.class, ArchiveCommand.Import.class})
final class ArchiveCommand implements Runnable {

    @Spec
    CommandSpec spec;

    enum Format { text, json }

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                new Words(LangOption.of(spec.commandLine().getParseResult().originalArgs().toArray(String[]::new))).get("usage.name_a_subcommand", "list, show, history, verify, export, import"));
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

        @Mixin
        LangOption lang = new LangOption();

        @Override
        public Integer call() throws Exception {
            var out = spec.commandLine().getOut();
            List<ArchiveEntry> entries;
            try (Archive a = archive.open()) {
                entries = a.list(new ArchiveQuery(creditCode, year, scheme, industry));
            }
            out.print(format == Format.json ? ArchiveJson.list(entries) : table(entries, lang.words()));
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

        @Mixin
        LangOption lang = new LangOption();

        @Override
        public Integer call() throws Exception {
            var out = spec.commandLine().getOut();
            if (submission && verdict) throw new Fault(Fault.Kind.USAGE, lang.words().get("archive.show.choose_one"));
            ArchivedEvaluation a;
            List<ArchiveEntry> history;
            try (Archive archived = archive.open()) {
                a = archived.get(id).orElseThrow(() -> new Fault(Fault.Kind.NOT_FOUND, lang.words().get("archive.no_record", id)));
                history = archived.history(a.entry().creditCode());
            }
            if (submission) {
                out.print(new String(a.submission(), StandardCharsets.UTF_8));
            } else if (verdict) {
                out.print(a.verdictJson());
            } else if (format == Format.json) {
                out.print(ArchiveJson.record(a));
            } else {
                show(out, a, history, lang.words());
            }
            return ExitCodes.OK;
        }

        private static void show(PrintWriter out, ArchivedEvaluation a, List<ArchiveEntry> history, Words w) {
            ArchiveEntry e = a.entry();
            String next = history.stream().filter(h -> Long.valueOf(e.id()).equals(h.previousId()))
                    .map(h -> String.valueOf(h.id())).findFirst().orElse(null);
            out.println(w.get("archive.show.record", e.id()) + (e.previousId() == null ? "" : w.get("archive.show.reevaluation_of", e.previousId()))
                    + (next == null ? "" : w.get("archive.show.reevaluated_by", next)));
            String none = w.get("archive.none");
            out.println(label(w, "archive.show.evaluated_at") + w.get("archive.show.evaluated_at_value", e.evaluatedAt()));
            out.println(label(w, "archive.show.scheme") + w.label("scheme", e.scheme()) + "  " + e.edition());
            out.println(label(w, "archive.show.facility") + w.get("archive.show.facility_value", e.facilityName(), e.creditCode(),
                    or(e.industry(), none), or(e.province(), none)));
            out.println(label(w, "archive.show.year") + e.reportingYear());
            out.println(label(w, "archive.show.eligible") + w.get("archive.show.eligible_value", eligible(w, e.eligible()),
                    w.get(e.mandatoryMet() ? "archive.yes" : "archive.no")));
            out.println(label(w, "archive.show.score") + w.get("archive.show.score_value", e.score() == null ? "—" : e.score().toPlainString(),
                    or(e.grade(), none)));
            out.println(label(w, "archive.show.input") + w.get("archive.show.input_value", e.inputFile(), e.inputDigest(), a.submission().length));
            out.println(label(w, "archive.show.rulebook") + e.rulebookDigest());
            out.println(label(w, "archive.show.engine") + e.engineVersion());
            out.println(label(w, "archive.show.requested") + "--edition " + (a.requestedEdition() == null ? w.get("archive.show.by_date") : a.requestedEdition())
                    + "  --grading " + (a.requestedGrading() == null ? w.get("archive.show.default_grading") : a.requestedGrading()) + "  --lang " + a.lang());
            out.println();
            out.println(DisplayWidth.padRight("archive show " + e.id() + " --verdict", 28) + w.get("archive.show.hint_verdict"));
            out.println(DisplayWidth.padRight("archive show " + e.id() + " --submission", 28) + w.get("archive.show.hint_submission"));
            out.println(DisplayWidth.padRight("archive verify " + e.id(), 28) + w.get("archive.show.hint_verify"));
        }

        /** A label padded to one width, so the values line up in either language. */
        private static String label(Words w, String key) {
            return DisplayWidth.padRight(w.get(key), 17);
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

        @Mixin
        LangOption lang = new LangOption();

        @Override
        public Integer call() throws Exception {
            var out = spec.commandLine().getOut();
            List<ArchiveEntry> entries;
            try (Archive a = archive.open()) {
                entries = a.history(creditCode);
            }
            List<org.verdant.dispute.Dispute> disputes;
            try (Archive a = archive.open()) {
                disputes = org.verdant.app.Disputes.ofFacility(a, org.verdant.access.Actor.localOperator(), creditCode);
            }
            if (format == Format.json) {
                out.print(org.verdant.dispute.DisputeJson.history(ArchiveJson.list(entries), disputes));
                return ExitCodes.OK;
            }
            Words w = lang.words();
            if (entries.isEmpty()) {
                out.println(w.get("archive.history.none", creditCode));
                return ExitCodes.OK;
            }
            out.println(w.get("archive.history.heading", entries.get(entries.size() - 1).facilityName(), creditCode, entries.size()));
            out.print(table(entries, w));
            org.verdant.app.Disputes.historyLines(disputes, w.lang()).forEach(out::println);
            return ExitCodes.OK;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Re-run an archived submission (its stored bytes, with the edition, grading and language it was evaluated with) "
                    + "against today's rulebook or another (--rules DIR --scorecards DIR), and report whether the verdict is identical "
                    + "or what differs: score, status per criterion, rulebook digest. The record's row is checked first: its hash, "
                    + "its place in the chain and its indexed columns against its verdict.",
                    "With --all: check the whole archive (the hash chain, every row's hash, the indexed columns against each verdict, "
                    + "gap-free ids and one chain per facility-year) and name the first break.",
                    "Exit code 0: identical (intact); " + ExitCodes.DIFFERS + ": the verdict differs or the archive is damaged."})
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", arity = "0..1", descriptionKey = "record-id", description = "The record's id.")
        Long id;

        @Option(names = "--all", description = "Check the whole archive instead of re-running one record.")
        boolean all;

        @Option(names = "--head", paramLabel = "[TABLE=]SHA256", description = "With --all: a chain head noted earlier; the chain must still pass through it "
                + "(shows rows removed from the end). A bare head is the evaluations'; TABLE=HEAD gives another chained table's "
                + "(verify --all prints each table's). May be repeated.")
        List<String> head = List.of();

        @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
        Format format;

        @Mixin
        RulebookOptions rulebook = new RulebookOptions();

        @Mixin
        ArchiveOptions archive = new ArchiveOptions();

        @Mixin
        LangOption lang = new LangOption();

        @Override
        public Integer call() throws Exception {
            var out = spec.commandLine().getOut();
            Words w = lang.words();
            if (all == (id != null)) throw new Fault(Fault.Kind.USAGE, w.get("archive.verify.id_or_all"));
            if (!head.isEmpty() && !all) throw new Fault(Fault.Kind.USAGE, w.get("archive.verify.head_needs_all"));
            if (all) {
                ArchiveIntegrity r;
                java.util.Map<String, String> heads = new java.util.LinkedHashMap<>();
                for (String h : head) {
                    int eq = h.indexOf('=');
                    String table = eq < 0 ? ArchiveIntegrity.Break.EVALUATION : h.substring(0, eq).strip();
                    if (!table.equals(ArchiveIntegrity.Break.EVALUATION) && org.verdant.archive.TableChain.Table.named(table) == null) {
                        throw new Fault(Fault.Kind.USAGE, w.get("archive.verify.head_no_table", table, org.verdant.archive.TableChain.Table.names()));
                    }
                    if (heads.put(table, h.substring(eq + 1).strip()) != null) throw new Fault(Fault.Kind.USAGE, w.get("archive.verify.head_twice", table));
                }
                try (Archive archived = archive.open()) {
                    r = archived.verifyAgainst(heads);
                }
                if (format == Format.json) out.print(ArchiveJson.integrity(r));
                else integrity(out, r, w);
                return r.intact() ? ExitCodes.OK : ExitCodes.DIFFERS;
            }
            ArchivedEvaluation a;
            List<ArchiveIntegrity.Break> damage;
            try (Archive archived = archive.open()) {
                a = archived.get(id).orElseThrow(() -> new Fault(Fault.Kind.NOT_FOUND, w.get("archive.no_record", id)));
                // the columns list, show and cohort read are only as good as the row: check it before trusting the re-run
                damage = archived.verifyAll(null).breaks().stream().filter(b -> b.id() == id && b.table().equals(ArchiveIntegrity.Break.EVALUATION)).toList();
            }
            Reevaluation o = rulebook.application().verify(a);
            ArchiveEntry e = a.entry();
            String nowDigest = ArchiveJson.rulebookDigestOf(o.verdictJson());
            if (format == Format.json) {
                ObjectNode root = ArchiveJson.verification(e, o.verdictJson(), o.comparison());
                ArchiveJson.breaks(root.putArray("damage"), damage);
                out.print(root.toPrettyString() + "\n");
            } else {
                out.println(w.get("archive.verify.record", e.id(), e.facilityName(), e.creditCode(), w.label("scheme", e.scheme()), e.edition(),
                        e.reportingYear(), e.evaluatedAt()));
                for (ArchiveIntegrity.Break b : damage) out.println(w.get("archive.verify.damaged", b.text().in(w.lang())));
                out.println(w.get("archive.verify.archived_with", e.rulebookDigest(), e.engineVersion()));
                out.println(w.get("archive.verify.rerun_with", nowDigest));
                if (o.identical()) {
                    out.println(w.get("archive.verify.identical"));
                } else {
                    out.println(w.get("archive.verify.differs", o.comparison().differences().size()));
                    for (VerdictComparison.Difference d : o.comparison().differences()) out.println("  " + d.in(w.lang()));
                }
            }
            return o.identical() && damage.isEmpty() ? ExitCodes.OK : ExitCodes.DIFFERS;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Write the whole archive to a new directory that verifies on its own: evaluations.jsonl (every record, "
                    + "every column), one TABLE.jsonl per other chained table (evidence, assessments, rulebook files, dispute steps, "
                    + "the access log) and manifest.json (verdant.archive-bundle/2: the number of records, every table's head and file sha256). "
                    + "A damaged archive is not exported.",
                    "Exit code 0: exported; " + ExitCodes.DIFFERS + ": the archive is damaged (the first break is named)."})
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "BUNDLE", description = "The directory to write (must not exist).")
        Path output;

        @Mixin
        ArchiveOptions archive = new ArchiveOptions();

        @Mixin
        LangOption lang = new LangOption();

        @Override
        public Integer call() throws Exception {
            var out = spec.commandLine().getOut();
            Words w = lang.words();
            if (Files.exists(output)) throw new Fault(Fault.Kind.USAGE, w.get("archive.export.exists", output));
            ArchiveIntegrity r;
            try (Archive archived = archive.open()) {
                r = ArchiveBundle.export(archived, output);
            } catch (ArchiveException e) {
                throw org.verdant.app.Faults.of(e);
            }
            if (!r.intact()) {
                integrity(out, r, w);
                out.println(w.get("archive.export.refused"));
                return ExitCodes.DIFFERS;
            }
            out.println(w.get("archive.export.done", r.records(), output, r.head()));
            return ExitCodes.OK;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Check a bundle written by archive export and, only if it is whole, add its records and every other "
                    + "table's rows: into an empty archive, or after this archive's last rows when the bundle begins with them (the chains "
                    + "join). Bundles of verdant.archive-bundle/1 (evaluations only) are still imported.",
                    "Exit code 0: imported; " + ExitCodes.DIFFERS + ": refused (the first break is named), nothing written."})
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "BUNDLE", descriptionKey = "bundle", description = "The directory archive export wrote.")
        Path bundle;

        @Mixin
        ArchiveOptions archive = new ArchiveOptions();

        @Mixin
        LangOption lang = new LangOption();

        @Override
        public Integer call() throws Exception {
            var out = spec.commandLine().getOut();
            Words w = lang.words();
            if (!Files.isDirectory(bundle)) throw new Fault(Fault.Kind.USAGE, w.get("archive.import.no_bundle", bundle));
            ArchiveImport r;
            // importing is how a new archive starts from a backup: the data directory may be new
            try (Archive archived = ArchiveOptions.open(archive.data, archive.jdbcUrl, true)) {
                r = archived.importBundle(bundle);
            } catch (ArchiveException e) {
                throw org.verdant.app.Faults.of(e);
            }
            if (!r.accepted()) {
                out.println(w.get(r.archiveDamaged() ? "archive.import.archive_damaged" : "archive.import.refused", r.refusal().text().in(w.lang())));
                return ExitCodes.DIFFERS;
            }
            out.println(w.get("archive.import.done", r.added(), r.present(), r.head()));
            if (!r.addedByTable().isEmpty()) {
                StringBuilder tables = new StringBuilder();
                r.addedByTable().forEach((t, n) -> tables.append(tables.length() == 0 ? "" : ", ").append(t).append(' ').append(n));
                out.println(w.get("archive.import.tables_done", tables));
            }
            return ExitCodes.OK;
        }
    }

    /** The whole archive's check as text: intact with its head, or the first break and then each one. */
    static void integrity(PrintWriter out, ArchiveIntegrity r, Words w) {
        if (r.intact()) {
            out.println(w.get("archive.verify.all_intact", r.records(), r.lastId()));
            out.println(w.get("archive.verify.head", r.head() == null ? "-" : r.head()));
            tableHeads(out, r, w);
            return;
        }
        out.println(w.get("archive.verify.all_damaged", r.first().text().in(w.lang())));
        if (r.breaks().size() > 1) {
            out.println(w.get("archive.verify.all_breaks", r.breaks().size()));
            for (ArchiveIntegrity.Break b : r.breaks()) out.println("  " + b.text().in(w.lang()));
        }
        if (r.head() != null) out.println(w.get("archive.verify.head", r.head()));
        tableHeads(out, r, w);
    }

    /** Every other chained table's head, as the --head argument that checks it later. */
    private static void tableHeads(PrintWriter out, ArchiveIntegrity r, Words w) {
        if (r.heads().size() <= 1) return;
        out.println(w.get("archive.verify.table_heads"));
        r.heads().forEach((table, h) -> {
            if (!table.equals(ArchiveIntegrity.Break.EVALUATION)) out.println("  --head " + table + "=" + h);
        });
    }

    // ---------------------------------------------------------------------------------------

    /** The columns of a list of records, padded by display width so Chinese headings line up. */
    private static final int[] WIDTHS = {5, 5, 4, 18, 18, 18, 8, 5, 7, 6, 24};

    static String table(List<ArchiveEntry> entries, Words w) {
        StringBuilder s = new StringBuilder();
        String[] heads = w.get("archive.table.columns").split("\\|");
        row(s, heads[0], heads[1], heads[2], heads[3], heads[4], heads[5], heads[6], heads[7], heads[8], heads[9], heads[10], heads[11]);
        for (ArchiveEntry e : entries) {
            row(s, String.valueOf(e.id()), e.previousId() == null ? "-" : String.valueOf(e.previousId()), String.valueOf(e.reportingYear()),
                    e.scheme(), e.edition(), e.creditCode(), dash(e.industry()), e.eligible() == null ? "?" : eligible(w, e.eligible()),
                    e.score() == null ? "-" : e.score().toPlainString(), dash(e.grade()), e.evaluatedAt().toString(), e.facilityName());
        }
        s.append(w.get("archive.table.count", entries.size())).append('\n');
        return s.toString();
    }

    private static void row(StringBuilder s, String... cells) {
        for (int i = 0; i < WIDTHS.length; i++) {
            // the score is a number: right-aligned; two spaces before the year, the grade's neighbours and the facility
            s.append(i == 8 ? DisplayWidth.padLeft(cells[i], WIDTHS[i]) : DisplayWidth.padRight(cells[i], WIDTHS[i]));
            s.append(i == 2 || i == 8 || i == 10 ? "  " : " ");
        }
        s.append(cells[WIDTHS.length]).append('\n');
    }

    private static String eligible(Words w, Boolean eligible) {
        return eligible == null ? w.get("archive.undetermined") : w.get(eligible ? "archive.yes" : "archive.no");
    }

    private static String or(String s, String none) {
        return s == null ? none : s;
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }
}
