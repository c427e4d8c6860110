package org.verdant.cli;

import org.verdant.app.Application;
import org.verdant.fault.Fault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "improve", mixinStandardHelpOptions = true,
        description = "An improvement plan: the blockers first, each with what would clear it, then the changes feasible in one year "
                + "ranked by points per unit of effort (each re-evaluated), then the long-term targets beyond the yearly caps; "
                + "with --target, the fewest one-year changes that reach a grade or score.")
final class ImproveCommand implements Callable<Integer>, CliFaults.OfSubmission {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", descriptionKey = "file", description = "The submission (YAML, or an .xlsx workbook: docs/xlsx.md).")
    Path file;

    @Option(names = "--target", paramLabel = "GRADE|SCORE",
            description = "A grade of the grading table (e.g. ★★★★, with --grading) or a score to reach.")
    String target;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    EvaluateCommand.Format format;

    @Mixin
    EvaluationOptions evaluation = new EvaluationOptions();

    @Mixin
    RulebookOptions rulebook = new RulebookOptions();

    @Override
    public Path submission() {
        return file;
    }

    @Override
    public Integer call() throws Exception {
        boolean json = format == EvaluateCommand.Format.json;
        Application application = rulebook.application();
        String text = InputFile.submission(file, evaluation).run(request -> application.evaluate(request).improve(target, json));
        spec.commandLine().getOut().print(text);
        return ExitCodes.OK;
    }
}
