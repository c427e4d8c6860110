package org.verdant.cli;

import org.verdant.report.document.ReportFormat;
import org.verdant.app.Request;
import org.verdant.fault.Fault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Evaluate a submission and write the evaluation report (第三方评价报告): basic information, basis and method, "
                + "basic requirements, results with charts, each first-level indicator, computations, improvement, provisional figures. "
                + "HTML prints on A4.")
final class ReportCommand implements Callable<Integer>, CliFaults.OfSubmission {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", descriptionKey = "file", description = "The submission (YAML).")
    Path file;

    @Option(names = "--format", defaultValue = "html", description = "html, md or pdf (default: ${DEFAULT-VALUE}); pdf needs -o FILE.")
    ReportFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path output;

    @Mixin
    EvaluationOptions evaluation = new EvaluationOptions();

    @Mixin
    RulebookOptions rulebook = new RulebookOptions();

    @Option(names = "--archive", arity = "0..1", paramLabel = "DIR",
            parameterConsumer = EvaluateArchiving.OptionalDir.class,
            description = "Look the evidence files the submission cites by digest up in this archive (DIR, else $VERDANT_JDBC_URL, "
                    + "$VERDANT_DATA or ./verdant-data), so the 附件 lists each one's type and size.")
    String archive;

    @Override
    public Path submission() {
        return file;
    }

    @Override
    public Integer call() throws Exception {
        if (format.binary() && output == null) throw new Fault(Fault.Kind.USAGE, evaluation.messages().get("report.pdf.needs_output"));
        Words w = new Words(evaluation.lang.name());
        Outputs.requireDistinct(w, new Path[]{output}, file);
        org.verdant.app.Workbooks.Input input = EvaluateCommand.input(file, evaluation);
        if (format.binary()) {
            Outputs.write(output, evaluate(input).reportPdf(), w);
            return ExitCodes.OK;
        }
        String text = evaluate(input).report(format);
        if (output != null) Outputs.write(output, text, w); else spec.commandLine().getOut().print(text);
        return ExitCodes.OK;
    }

    /** The evaluation, its cited evidence files looked up in the archive when one is named. */
    private org.verdant.app.Evaluation evaluate(org.verdant.app.Workbooks.Input input) throws Exception {
        var application = rulebook.application();
        if (archive == null) return input.run(application::evaluate);
        try (org.verdant.archive.Archive a = ArchiveOptions.open(archive.isEmpty() ? null : java.nio.file.Path.of(archive), null, false)) {
            return input.run(r -> application.evaluate(r, a));
        }
    }
}
