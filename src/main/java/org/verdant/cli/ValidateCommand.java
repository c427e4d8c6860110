package org.verdant.cli;

import org.verdant.evaluation.Evaluator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a submission without scoring it: every problem, with file:line:column.")
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The submission (YAML).")
    Path file;

    @Option(names = "--edition", paramLabel = "EDITION", description = "Check against this edition (default: chosen by evaluation_date).")
    String edition;

    @Mixin
    RulebookOptions rulebook = new RulebookOptions();

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        return Outcomes.run(err, file, () -> {
            byte[] bytes = InputFile.read(file);
            var validated = new Evaluator(rulebook.load()).validate(file.toString(), bytes, new Evaluator.Options(edition, null));
            out.println(file + ": valid submission for " + validated.scorecard().scheme() + " " + validated.scorecard().edition());
            return ExitCodes.OK;
        });
    }
}
