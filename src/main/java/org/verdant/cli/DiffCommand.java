package org.verdant.cli;

import org.verdant.evaluation.Evaluator;
import org.verdant.evaluation.InvalidSubmissionException;
import org.verdant.evaluation.UsageException;
import org.verdant.plan.Comparison;
import org.verdant.plan.ComparisonReport;
import org.verdant.plan.Scenario;
import org.verdant.plan.TreeDiff;
import org.verdant.plan.VerdictView;
import org.verdant.text.Messages;
import org.verdant.rulebook.RulebookException;
import org.verdant.yaml.YamlNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Compare two verdicts: A and B are each a submission (YAML, evaluated here) or a JSON verdict "
                + "(evaluate --format json). Shows the criteria whose status, points or values differ, the input values "
                + "that differ, and the rulebook parts and figures that differ.")
final class DiffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "A submission (YAML) or a verdict (JSON).")
    Path a;

    @Parameters(index = "1", paramLabel = "B", description = "A submission (YAML) or a verdict (JSON).")
    Path b;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    EvaluateCommand.Format format;

    @Option(names = "--lang", defaultValue = "zh", description = "zh or en (default: ${DEFAULT-VALUE}).")
    EvaluateCommand.Lang lang;

    @Option(names = "--grading", paramLabel = "ID", description = "Grading table for the submissions evaluated here.")
    String grading;

    @Option(names = "--rules-b", paramLabel = "DIR", description = "Evaluate B under this rules directory (default: A's).")
    Path rulesB;

    @Option(names = "--scorecards-b", paramLabel = "DIR", description = "Evaluate B under this scorecards directory (default: A's).")
    Path scorecardsB;

    @Mixin
    RulebookOptions rulebook = new RulebookOptions();

    /** One side: its verdict, and its YAML tree when it is a submission. */
    private record Side(VerdictView verdict, YamlNode tree) {
    }

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        return Outcomes.run(err, null, () -> {
            Messages m = new Messages(lang.name());
            Side sideA = side(a, rulebook, m);
            RulebookOptions forB = rulebook;
            if (rulesB != null || scorecardsB != null) {
                forB = new RulebookOptions();
                forB.rules = rulesB != null ? rulesB : rulebook.rules;
                forB.scorecards = scorecardsB != null ? scorecardsB : rulebook.scorecards;
            }
            Side sideB = side(b, forB, m);
            if (sideB.tree() == null && forB != rulebook) {
                throw new UsageException("--rules-b/--scorecards-b evaluate B, but " + b + " is a verdict, already evaluated");
            }
            var inputs = sideA.tree() != null && sideB.tree() != null ? TreeDiff.between(sideA.tree(), sideB.tree()) : null;
            Comparison c = Comparison.of(sideA.verdict(), sideB.verdict(), inputs);
            var heading = new ComparisonReport.Heading(m.get("diff.title", a, b), "A", "B", java.util.List.of());
            out.print(format == EvaluateCommand.Format.json ? ComparisonReport.json(c, heading) : ComparisonReport.text(c, heading, m));
            return ExitCodes.OK;
        });
    }

    private Side side(Path file, RulebookOptions rules, Messages m)
            throws UsageException, InvalidSubmissionException, RulebookException {
        byte[] bytes = InputFile.read(file);
        String text = new String(bytes, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "").stripLeading();
        if (text.startsWith("{")) return new Side(VerdictView.parse(file.toString(), text), null);
        Scenario s = Scenario.of(new Evaluator(rules.load()), file.toString(), bytes, new Evaluator.Options(null, grading));
        return new Side(VerdictView.of(s.baseline(), m), s.root());
    }
}
