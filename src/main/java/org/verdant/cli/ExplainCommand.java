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

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Show how one criterion (or every one) was decided: the submission inputs it used with their file:line, "
                + "the derived values and their computations, the levels compared, the scorecard figures used, and the points arithmetic.")
final class ExplainCommand implements Callable<Integer>, CliFaults.OfSubmission {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "file", description = "The submission (YAML, or an .xlsx workbook: docs/xlsx.md).")
    Path file;

    @Parameters(index = "1", arity = "0..1", paramLabel = "CRITERION", descriptionKey = "criterion-arg", description = "A gate or criterion id, e.g. PRF-02 (default: all).")
    String criterion;

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
        String text = InputFile.submission(file, evaluation).run(request -> application.evaluate(request).explain(criterion, json));
        spec.commandLine().getOut().print(text);
        return ExitCodes.OK;
    }
}
