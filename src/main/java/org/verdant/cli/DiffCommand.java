package org.verdant.cli;

import org.verdant.app.Diff;
import org.verdant.app.Settings;
import org.verdant.fault.Fault;
import org.verdant.text.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Compare two verdicts: A and B are each a submission (YAML, evaluated here) or a JSON verdict "
                + "(evaluate --format json). Shows the criteria whose status, points or values differ, the input values "
                + "that differ, and the rulebook parts and figures that differ.")
final class DiffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", descriptionKey = "diff-side", description = "A submission (YAML) or a verdict (JSON).")
    Path a;

    @Parameters(index = "1", paramLabel = "B", descriptionKey = "diff-side", description = "A submission (YAML) or a verdict (JSON).")
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

    @Override
    public Integer call() throws Exception {
        Messages m = new Messages(lang.name());
        Settings settings = new Settings(null, null, grading, lang.name());
        byte[] bytesA = InputFile.read(a, new Words(lang.name()));
        Diff.Side sideA = Diff.side(rulebook.application(), a.toString(), bytesA, settings);
        RulebookOptions forB = rulebook;
        if (rulesB != null || scorecardsB != null) {
            forB = new RulebookOptions();
            forB.rules = rulesB != null ? rulesB : rulebook.rules;
            forB.scorecards = scorecardsB != null ? scorecardsB : rulebook.scorecards;
        }
        byte[] bytesB = InputFile.read(b, new Words(lang.name()));
        Diff.Side sideB = Diff.side(forB.application(), b.toString(), bytesB, settings);
        if (!sideB.isSubmission() && forB != rulebook) {
            throw new Fault(Fault.Kind.USAGE, new Words(lang.name()).get("diff.rulebook_b_on_verdict", b));
        }
        spec.commandLine().getOut().print(Diff.render(sideA, sideB, "A", "B", m, format == EvaluateCommand.Format.json));
        return ExitCodes.OK;
    }
}
