package org.verdant.cli;

import org.verdant.evaluation.Evaluator;
import org.verdant.evaluation.UsageException;
import org.verdant.explain.ExplainRenderer;
import org.verdant.verdict.VerdictJson;
import org.verdant.text.Messages;
import org.verdant.explain.Trace;
import org.verdant.explain.TraceBuilder;
import org.verdant.text.Suggest;
import org.verdant.verdict.Verdict;
import org.verdant.yaml.PathIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Show how one criterion (or every one) was decided: the submission inputs it used with their file:line, "
                + "the derived values and their computations, the levels compared, the scorecard figures used, and the points arithmetic.")
final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The submission (YAML).")
    Path file;

    @Parameters(index = "1", arity = "0..1", paramLabel = "CRITERION", description = "A gate or criterion id, e.g. PRF-02 (default: all).")
    String criterion;

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
            Verdict verdict = new Evaluator(rulebook.load()).evaluate(file.toString(), bytes, evaluation.options());
            List<Verdict.Judged> chosen = choose(verdict, criterion);
            Messages messages = evaluation.messages();
            Map<String, Trace> traces = TraceBuilder.all(verdict, PathIndex.of(file.toString(), bytes), messages);
            out.print(format == EvaluateCommand.Format.json ? org.verdant.explain.TraceJson.explain(verdict, chosen, traces, messages)
                    : ExplainRenderer.render(verdict, chosen, traces, messages));
            return ExitCodes.OK;
        });
    }

    /** Every gate and criterion, or the one named (ids are matched regardless of case). */
    static List<Verdict.Judged> choose(Verdict verdict, String id) throws UsageException {
        List<Verdict.Judged> all = TraceBuilder.judged(verdict);
        if (id == null) return all;
        List<Verdict.Judged> named = all.stream().filter(j -> j.id().equalsIgnoreCase(id)).toList();
        if (!named.isEmpty()) return named;
        List<String> ids = all.stream().map(Verdict.Judged::id).toList();
        String hint = Suggest.nearest(id, ids).map(s -> "; did you mean '" + s + "'?")
                .orElse("; the criteria are " + String.join(", ", ids));
        throw new UsageException("no criterion '" + id + "' in " + verdict.scorecard().scheme() + " " + verdict.scorecard().edition() + hint);
    }
}
