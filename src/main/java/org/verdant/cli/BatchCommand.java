package org.verdant.cli;

import org.verdant.batch.BatchEvaluation;
import org.verdant.batch.BatchRunner;
import org.verdant.batch.Inputs;
import org.verdant.batch.Outcome;
import org.verdant.batch.PartialResults;
import org.verdant.batch.Progress;
import org.verdant.batch.ShortLine;
import org.verdant.batch.Summary;
import org.verdant.app.Application;
import org.verdant.app.Settings;
import org.verdant.fault.Fault;
import org.verdant.files.SafeFile;
import org.verdant.files.WriteFailure;
import org.verdant.yaml.YamlReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Evaluate many submissions in parallel with one compiled rulebook and write one JSON line per input, in input order: "
                + "the verdict (as 'evaluate --format json' writes it, on one line) or an error record (verdant.batch-error/1). "
                + "Ends with a summary on standard error (and in a CSV with --summary).",
                "INPUT is a file, a directory (searched recursively for *.yaml, *.yml, *.json, in name order), "
                        + "a multi-document YAML stream ('---' between submissions; problems are reported at the stream's lines), "
                        + "or - for standard input (a stream).",
                "Exit code 0 when the batch ran, whatever the inputs held (count them in the summary); 1 if an input met an internal error, "
                        + "4 if the rulebook is invalid, 2 for a usage error or an output that cannot be written (e.g. --out), "
                        + "141 if standard output was closed by its reader ('| head': the batch stops at once, silently). "
                        + "In a directory, a fixture's expectations and snapshots beside its NAME.yaml are skipped (counted in the summary)."})
final class BatchCommand implements Callable<Integer> {
    /** More workers than this only costs memory on any machine Verdant runs on; a larger number is a typing error. */
    static final int MAX_THREADS = 256;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INPUT", arity = "1..*", descriptionKey = "batch-input", description = "Files, directories, multi-document streams, or - for standard input.")
    List<String> inputs;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the JSON lines to FILE (default: standard output).")
    Path out;

    @Option(names = "--summary", paramLabel = "FILE", description = "Also write the summary as CSV (section,key,value,detail).")
    Path summaryCsv;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of processors, ${DEFAULT-VALUE}).",
            defaultValue = "0", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    int threads;

    @Option(names = "--lang", defaultValue = "zh", description = "zh or en (default: ${DEFAULT-VALUE}).")
    EvaluateCommand.Lang lang;

    @Option(names = "--grading", paramLabel = "ID", description = "Grading table for every input (default: each edition's, usually none).")
    String grading;

    @Option(names = "--edition", paramLabel = "EDITION", description = "Evaluate every input under this edition (default: chosen by each evaluation_date).")
    String edition;

    @Option(names = "--table", paramLabel = "ID|FILE",
            description = "Indicator table for every GB/T 36132-2025 input (default: each input's indicator_table, else the national general form).")
    String table;

    @Option(names = "--no-progress", description = "No progress bar, even on a terminal.")
    boolean noProgress;

    @Option(names = "--resume", description = "Go on with an interrupted batch: keep the complete lines of --out FILE's FILE.partial "
            + "and continue at the next input, if the inputs, the rulebook and the options are the same (else refused); "
            + "the results are byte-identical to a batch that was not interrupted.")
    boolean resume;

    @Option(names = "--validate-only", description = "Read and check every input as 'evaluate' would, without scoring it: "
            + "the same error records, a verdant.batch-check/1 line for each valid input, counts of valid and invalid.")
    boolean validateOnly;

    @Option(names = "--archive", paramLabel = "DIR", description = "Check the evidence files each input cites by digest against "
            + "the archive in this data directory, as 'evaluate --archive' does (read only: nothing is stored).")
    Path archive;

    @Option(names = "--lines", paramLabel = "full|short", defaultValue = "full",
            description = "full: each verdict's line is the whole verdict (default); short: a short line per verdict "
                    + "(verdant.batch-short/1: score, grade, each gate's and criterion's status and points, warning codes, "
                    + "and the 'verdant evaluate' command that gives the full verdict). Error records are the same.")
    String lines;

    @Mixin
    RulebookOptions rulebook = new RulebookOptions();

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Words words = new Words(lang.name());
        int workers = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        if (threads < 0) throw new Fault(Fault.Kind.USAGE, words.get("batch.threads"));
        if (threads > MAX_THREADS) throw new Fault(Fault.Kind.USAGE, words.get("batch.threads_too_many", threads, MAX_THREADS));
        Outputs.requireDistinct(words, new Path[]{out, summaryCsv}, inputs.stream().filter(i -> !i.equals("-")).map(Path::of).toArray(Path[]::new));
        // the evidence check is the application layer's, as for evaluate; batch only says where
        org.verdant.archive.Archive evidence = archive == null ? null : ArchiveOptions.open(archive, null, false);
        Application application = evidence == null ? rulebook.application() : rulebook.application().checkingEvidenceIn(evidence);
        application.requireGrading(grading);
        application.requireEdition(edition);
        if (!"full".equals(lines) && !"short".equals(lines)) throw new Fault(Fault.Kind.USAGE, words.get("batch.lines_unknown", lines));
        BatchEvaluation evaluation = new BatchEvaluation(application, new Settings(edition, table, grading, lang.name()), validateOnly,
                "short".equals(lines) ? shortLine() : null);
        if (resume && (out == null || special(out))) throw new Fault(Fault.Kind.USAGE, words.get("batch.resume_needs_out"));
        // the bar is drawn on standard error, so that is what must be a terminal: 'generate … | batch -'
        // has a pipe for standard input, where System.console() (stdin and stdout) is null
        boolean terminal = Terminal.isStandardError() && !noProgress;
        Progress progress = terminal ? new Progress(err, Inputs.totalBytes(inputs), workers, new org.verdant.text.Messages(lang.name())) : Progress.NONE;
        long start = System.nanoTime();
        Settings settings = new Settings(edition, table, grading, lang.name());
        try (org.verdant.archive.Archive held = evidence; Summary summary = summary(summaryCsv != null, validateOnly)) {
            Inputs read = new Inputs(inputs, YamlReader.MAX_BYTES, () -> System.in);
            Iterator<Inputs.Item> items = read;
            PartialResults partial = null;
            OutputStream sink;
            if (out != null && !special(out)) {
                probe(out, words);
                PartialResults.State state = state(application, settings);
                if (resume && PartialResults.exists(out)) {
                    partial = takeUp(out, state, words);
                    items = partial.replay(items, summary);
                    err.println(words.get("batch.resumed", partial.resumedLines(), PartialResults.partialOf(out)));
                } else {
                    if (resume) err.println(words.get("batch.resume_nothing", PartialResults.partialOf(out)));
                    partial = start(out, state, words);
                }
                sink = naming(partial.stream(), PartialResults.partialOf(out));
            } else {
                sink = open(out, spec.commandLine().getOut());
            }
            try (OutputStream lines = sink) {
                BatchRunner.run(items, evaluation, workers, BatchRunner.window(workers), lines, summary, progress);
                // the results file appears (replacing an earlier one) only now, whole: an interrupted batch leaves the old one and FILE.partial
                if (partial != null) commit(partial, out, words);
            } finally {
                if (partial != null) partial.close();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Words w = new Words(lang.name());
            err.println(w.get("batch.done", summary.total(), String.format(Locale.ROOT, "%.1f", seconds),
                    String.format(Locale.ROOT, "%.0f", summary.total() / Math.max(seconds, 1e-9)), workers,
                    out == null ? "" : w.get("batch.results_in", out)));
            err.print(summary.text(w.lang()));
            if (read.skippedSidecars() > 0) err.println(w.get("batch.skipped_sidecars", read.skippedSidecars()));
            if (summaryCsv != null) {
                try {
                    summary.writeCsv(summaryCsv);
                } catch (WriteFailure e) {
                    throw Outputs.fault(e, w);
                }
                err.println(new Words(lang.name()).get("batch.summary_csv", summaryCsv));
            }
            err.flush();
            return exitCode(summary);
        }
    }

    /**
     * A device or a pipe (--out /dev/null, a named pipe) is written as it is: renaming a finished
     * file over it would replace the device itself (as root, /dev/null became a plain file).
     */
    private static boolean special(Path out) {
        return SafeFile.isSpecial(out);
    }

    /** The results can be written where asked (a folder that exists, permission), before anything is read. */
    private static void probe(Path out, Words words) throws Fault {
        try {
            SafeFile.open(out).close();
        } catch (WriteFailure e) {
            throw Outputs.fault(e, words);
        } catch (IOException e) {
            throw new Fault(Fault.Kind.USAGE, words.get("file.cannot_write", out, e.getMessage()));
        }
    }

    /** What each line depends on, so a partial file is taken up only by the batch that would write the same lines. */
    private PartialResults.State state(Application application, Settings settings) throws IOException {
        String inputsDigest = PartialResults.inputsDigest(inputs, YamlReader.MAX_BYTES);
        if (inputsDigest == null) return null; // standard input cannot be read again
        String tableDigest = table != null && Files.isRegularFile(Path.of(table)) ? Application.digest(Files.readAllBytes(Path.of(table))) : "";
        String key = "validate-only=" + validateOnly + ";lang=" + settings.lang() + ";edition=" + settings.edition() + ";table=" + settings.table()
                + " " + tableDigest + ";grading=" + settings.grading() + (archive == null ? "" : ";evidence-archive=" + archive.toAbsolutePath())
                + ("short".equals(lines) ? ";lines=short" : ""); // absent for full lines: a partial file of an older batch still resumes
        return new PartialResults.State(inputsDigest, application.rulebook().rulebook().digest(), key);
    }

    /** Short lines naming the {@code evaluate} command with this batch's options (the rulebook as given, else the environment's). */
    private ShortLine shortLine() {
        return new ShortLine(ShortLine.evaluateOptions(lang.name(), edition, table, grading, text(rulebook.rules), text(rulebook.scorecards),
                text(archive)), lang.name());
    }

    private static String text(Path p) {
        return p == null ? null : p.toString();
    }

    private static PartialResults takeUp(Path out, PartialResults.State state, Words words) throws Fault {
        try {
            return PartialResults.resume(out, state);
        } catch (PartialResults.NotResumable e) {
            throw new Fault(Fault.Kind.USAGE, words.get("batch.resume_refused." + e.mismatch().name(), e.partial()));
        } catch (IOException e) {
            throw new Fault(Fault.Kind.USAGE, words.get("file.cannot_write", PartialResults.partialOf(out), e.getMessage()));
        }
    }

    private static PartialResults start(Path out, PartialResults.State state, Words words) throws Fault {
        try {
            return PartialResults.start(out, state);
        } catch (IOException e) {
            throw new Fault(Fault.Kind.USAGE, words.get("file.cannot_write", PartialResults.partialOf(out), e.getMessage()));
        }
    }

    private static void commit(PartialResults partial, Path out, Words words) throws Fault {
        try {
            partial.commit();
        } catch (IOException e) {
            // every line was evaluated and written: a failure now (a full disk) is no misuse
            throw org.verdant.app.Faults.of(WriteFailure.of(out, e));
        }
    }

    /** Lines to a results file: a write that fails while the batch runs (a full disk) names the file. */
    static OutputStream naming(OutputStream lines, Path file) {
        return new java.io.FilterOutputStream(lines) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                try {
                    out.write(b, off, len);
                } catch (IOException e) {
                    throw WriteFailure.of(file, e);
                }
            }

            @Override
            public void flush() throws IOException {
                try {
                    out.flush();
                } catch (IOException e) {
                    throw WriteFailure.of(file, e);
                }
            }

            @Override
            public void close() throws IOException {
                try {
                    out.close();
                } catch (IOException e) {
                    throw WriteFailure.of(file, e);
                }
            }
        };
    }


    private static Summary summary(boolean keepAllFailures, boolean checkingOnly) throws IOException {
        Summary s = keepAllFailures ? new Summary().keepingAllFailures() : new Summary();
        return checkingOnly ? s.checkingOnly() : s;
    }

    /** 0 when every input came to a verdict or an input error; a defect of the tool or the rulebook is not the inputs'. */
    private static int exitCode(Summary summary) {
        if (summary.count(Outcome.ERROR) == 0) return ExitCodes.OK;
        if (summary.errorCodes().contains(ExitCodes.INVALID_RULEBOOK)) return ExitCodes.INVALID_RULEBOOK;
        if (summary.errorCodes().contains(ExitCodes.INTERNAL_ERROR)) return ExitCodes.INTERNAL_ERROR;
        return ExitCodes.OK;
    }

    /**
     * Where the lines go when they are not a results file: a device or pipe {@code --out} names, or
     * standard output. Either way a reader that goes away stops the batch ({@link StreamOutput.Closed}:
     * the reader thread and the workers are stopped, nothing more is written or said, exit code 141).
     */
    private static OutputStream open(Path out, PrintWriter stdout) throws IOException {
        if (out != null) return new BufferedOutputStream(StreamOutput.device(out), 1 << 16);
        if (stdout instanceof OutputWriter writer) {
            // the process's standard output, as bytes; not closed with the batch
            writer.flush();
            return new BufferedOutputStream(writer.bytes(), 1 << 16) {
                @Override
                public void close() throws IOException {
                    flush();
                }
            };
        }
        // a caller's writer (tests, embedding): each write is one whole line, so decoding it alone is safe
        return new OutputStream() {
            @Override
            public void write(int b) {
                throw new UnsupportedOperationException("whole lines only");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                stdout.write(new String(b, off, len, java.nio.charset.StandardCharsets.UTF_8));
                // a PrintWriter swallows what failed: one that can no longer write is a reader that went away
                if (stdout.checkError()) throw new StreamOutput.Closed(null);
            }

            @Override
            public void flush() throws IOException {
                if (stdout.checkError()) throw new StreamOutput.Closed(null);
            }
        };
    }
}
