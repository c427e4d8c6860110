package org.verdant.cli;

import org.verdant.evaluation.Evaluator;
import org.verdant.plan.Assignment;
import org.verdant.plan.Comparison;
import org.verdant.plan.ComparisonReport;
import org.verdant.plan.Scenario;
import org.verdant.plan.TreeDiff;
import org.verdant.plan.VerdictView;
import org.verdant.text.Messages;
import org.verdant.verdict.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "what-if", mixinStandardHelpOptions = true,
        description = "Evaluate a submission again with some of its values changed and show, per criterion, "
                + "the status and points before and after, and the total before and after.")
final class WhatIfCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The submission (YAML).")
    Path file;

    @Option(names = "--set", paramLabel = "PATH=VALUE", required = true,
            description = "A change, e.g. energy.comprehensive=170000tce, claims.INF-11.met=true, products[0].energy=8000 tce, "
                    + "park.years[2025].statistics.energy=1.0e6 tce. VALUE is a YAML scalar or flow snippet. Repeatable.")
    List<String> sets = new ArrayList<>();

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
            List<Assignment> changes = new ArrayList<>();
            for (String s : sets) changes.add(Assignment.parse(s));
            byte[] bytes = InputFile.read(file);
            Scenario scenario = Scenario.of(new Evaluator(rulebook.load()), file.toString(), bytes, evaluation.options());
            Verdict before = scenario.baseline();
            Verdict after;
            try {
                after = scenario.evaluate(changes);
            } catch (org.verdant.evaluation.InvalidSubmissionException e) {
                // the file itself is valid (it was just evaluated): say the changes made it invalid
                Console.problems(err, e.problems(), file + " with the --set changes: invalid submission (" + e.problems().size()
                        + " problem(s)); nothing was scored");
                return ExitCodes.INVALID_SUBMISSION;
            }
            Messages m = evaluation.messages();
            Comparison c = Comparison.of(VerdictView.of(before, m), VerdictView.of(after, m),
                    TreeDiff.between(scenario.root(), scenario.edited(changes)));
            var heading = new ComparisonReport.Heading(m.get("diff.title_whatif", file, changes.size()),
                    m.get("diff.before"), m.get("diff.after"), changes);
            out.print(format == EvaluateCommand.Format.json ? ComparisonReport.json(c, heading) : ComparisonReport.text(c, heading, m));
            return ExitCodes.OK;
        });
    }
}
