package org.verdant.cli;

import org.verdant.evaluation.Evaluator;
import org.verdant.plan.Plan;
import org.verdant.plan.Planner;
import org.verdant.plan.Scenario;
import org.verdant.plan.PlanAdvisor;
import org.verdant.text.Messages;
import org.verdant.report.document.ReportDocument;
import org.verdant.report.document.ReportFormat;
import org.verdant.verdict.Verdict;
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
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The submission (YAML).")
    Path file;

    @Option(names = "--format", defaultValue = "html", description = "html or md (default: ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path output;

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
            Evaluator.Options options = evaluation.options();
            // one scenario serves both: its baseline is the report's verdict (evaluated once), and the improvement
            // section is the planner's, each change checked by evaluating the changed submission
            Scenario scenario = Scenario.of(new Evaluator(rulebook.load()), file.toString(), bytes, options);
            Verdict verdict = scenario.baseline();
            Plan plan = Planner.plan(scenario, null);
            String text = ReportDocument.render(verdict, evaluation.messages(), format, new PlanAdvisor(plan));
            if (output != null) {
                EvaluateCommand.write(output, text);
            } else {
                out.print(text);
            }
            return ExitCodes.OK;
        });
    }
}
