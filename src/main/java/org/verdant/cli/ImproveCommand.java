package org.verdant.cli;

import org.verdant.evaluation.Evaluator;
import org.verdant.plan.Plan;
import org.verdant.plan.PlanReport;
import org.verdant.plan.Planner;
import org.verdant.plan.Scenario;
import org.verdant.text.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "improve", mixinStandardHelpOptions = true,
        description = "An improvement plan: the blockers first, each with what would clear it, then the changes ranked by "
                + "the points they add (each re-evaluated); with --target, the fewest changes that reach a grade or score.")
final class ImproveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The submission (YAML).")
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
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        return Outcomes.run(err, file, () -> {
            byte[] bytes = InputFile.read(file);
            Scenario scenario = Scenario.of(new Evaluator(rulebook.load()), file.toString(), bytes, evaluation.options());
            Plan plan = Planner.plan(scenario, target);
            Messages m = evaluation.messages();
            out.print(format == EvaluateCommand.Format.json ? PlanReport.json(plan, m) : PlanReport.text(plan, m));
            return ExitCodes.OK;
        });
    }
}
