package org.verdant.cli;

import org.verdant.app.Evaluation;
import org.verdant.app.Request;
import org.verdant.app.Workbooks;
import org.verdant.fault.Fault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate a submission and print the verdict.")
final class EvaluateCommand implements Callable<Integer>, CliFaults.OfSubmission {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", descriptionKey = "file", description = "The submission (YAML, or an .xlsx workbook: docs/xlsx.md).")
    Path file;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the verdict to FILE instead of standard output.")
    Path output;

    @Option(names = "--record", paramLabel = "FILE", description = "Also write a record to FILE: the JSON verdict with the submission's bytes, "
            + "the options and the rulebook files' digests, for 'verdant verify'.")
    Path record;

    @Option(names = "--trace", description = "With --format json: add to every gate and criterion a trace (the inputs it used with "
            + "their file:line, derived values, levels, scorecard figures, points arithmetic). For text, use 'verdant explain'.")
    boolean trace;

    @Mixin
    EvaluationOptions evaluation = new EvaluationOptions();

    @Mixin
    RulebookOptions rulebook = new RulebookOptions();

    @Mixin
    EvaluateArchiving archiving = new EvaluateArchiving();

    enum Format { text, json }

    enum Lang { zh, en }

    @Override
    public Path submission() {
        return file;
    }

    @Override
    public Integer call() throws Exception {
        Words w = new Words(evaluation.lang.name());
        if (trace && format != Format.json) throw new Fault(Fault.Kind.USAGE, w.get("evaluate.trace_needs_json", file));
        Outputs.requireDistinct(w, new Path[]{output, record}, file);
        Workbooks.Input input = input(file, evaluation);
        Request request = input.request();
        // the archive asked for also holds the evidence files the submission may cite by digest
        var application = rulebook.application();
        try (org.verdant.archive.Archive archive = archiving.open(input, application)) {
            Evaluation e = input.run(r -> application.evaluate(r, archive));
            String text = format == Format.json ? e.json(trace) : e.text();
            // every file first, the archive last: a file that cannot be written must not leave a stored record a retry would duplicate
            if (record != null) write(record, e.record(), w);
            if (output != null) write(output, text, w);
            if (archive != null) archiving.store(spec.commandLine().getErr(), e, w, archive);
            if (output == null) spec.commandLine().getOut().print(text);
        }
        return ExitCodes.OK;
    }

    /** The submission file as a request with the command's evaluation options (a workbook read into YAML). */
    static Request request(Path file, EvaluationOptions options) throws Fault {
        return input(file, options).request();
    }

    /** The submission file (YAML or .xlsx) as an input that puts a workbook's problems at its cells. */
    static Workbooks.Input input(Path file, EvaluationOptions options) throws Fault {
        return Workbooks.input(file.toString(), InputFile.read(file, new Words(options.lang.name())), options.settings());
    }

    /** Writes a result file whole or not at all; a path that cannot be written is the user's to fix (a usage error). */
    static void write(Path output, String text, Words w) throws Fault {
        Outputs.write(output, text, w);
    }
}
