package org.verdant.cli;

import org.verdant.evaluation.Evaluator;
import org.verdant.evaluation.UsageException;
import org.verdant.report.EditionComparison;
import org.verdant.text.Messages;
import org.verdant.rulebook.CompiledRulebook;
import org.verdant.rulebook.Scorecard;
import org.verdant.submission.SubmissionReader;
import org.verdant.verdict.Verdict;
import org.verdant.yaml.Problems;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "compare-editions", mixinStandardHelpOptions = true,
        description = "Evaluate one submission under every edition of its scheme and print the verdicts side by side: "
                + "score per dimension, the indicators measured in both, points not given, and the data to collect.")
final class CompareEditionsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The submission (YAML).")
    Path file;

    @Option(names = "--lang", defaultValue = "zh", description = "zh or en (default: ${DEFAULT-VALUE}).")
    EvaluateCommand.Lang lang;

    @Mixin
    RulebookOptions rulebook = new RulebookOptions();

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        return Outcomes.run(err, file, () -> {
            byte[] bytes = InputFile.read(file);
            CompiledRulebook compiled = rulebook.load();
            Problems problems = new Problems();
            var partial = SubmissionReader.readPartial(file.toString(), bytes, problems);
            String scheme = partial == null ? null : partial.scheme();
            List<Scorecard> editions = scheme == null ? List.of() : compiled.rulebook().editions(scheme);
            if (editions.size() < 2) {
                // Let the evaluator report what is wrong with the file, or say there is nothing to compare.
                new Evaluator(compiled).validate(file.toString(), bytes, Evaluator.Options.defaults());
                throw new UsageException("scheme '" + scheme + "' has " + editions.size() + " edition(s) in this rulebook; nothing to compare");
            }
            Evaluator evaluator = new Evaluator(compiled);
            List<Verdict> verdicts = new ArrayList<>();
            for (Scorecard edition : editions) {
                verdicts.add(evaluator.evaluate(file.toString(), bytes, new Evaluator.Options(edition.edition(), null)));
            }
            out.print(EditionComparison.render(verdicts, new Messages(lang.name())));
            return ExitCodes.OK;
        });
    }
}
