package org.verdant.cli;

import org.verdant.evaluation.Evaluator;
import org.verdant.evaluation.UsageException;
import org.verdant.record.Records;
import org.verdant.verdict.VerdictJson;
import org.verdant.text.Messages;
import org.verdant.report.TextVerdictRenderer;
import org.verdant.explain.Trace;
import org.verdant.explain.TraceBuilder;
import org.verdant.yaml.PathIndex;
import org.verdant.verdict.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate a submission and print the verdict.")
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The submission (YAML).")
    Path file;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the verdict to FILE instead of standard output.")
    Path output;

    @Option(names = "--record", paramLabel = "FILE", description = "Also write a record to FILE: the JSON verdict with the submission's bytes, "
            + "the options and the rulebook files' digests, for 'verdant verify'.")
    Path record;

    @Option(names = "--trace", description = "With --format json: add to every gate and criterion a trace (the inputs it used with "
            + "their file:line, derived values, levels, scorecard figures, points arithmetic). For text, use 'verdant explain'.")
    boolean trace;

    @Mixin
    EvaluationOptions evaluation = new EvaluationOptions();

    @Mixin
    RulebookOptions rulebook = new RulebookOptions();

    @Mixin
    EvaluateArchiving archiving = new EvaluateArchiving();

    enum Format { text, json }

    enum Lang { zh, en }

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        return Outcomes.run(err, file, () -> {
            if (trace && format != Format.json) throw new UsageException("--trace goes with --format json; for text, run 'verdant explain " + file + "'");
            byte[] bytes = InputFile.read(file);
            var compiled = rulebook.load();
            var options = evaluation.options();
            Verdict verdict = new Evaluator(compiled).evaluate(file.toString(), bytes, options);
            Messages messages = evaluation.messages();
            if (record != null) write(record, Records.toJson(Records.of(verdict, bytes, options, evaluation.lang.name(), compiled.rulebook())));
            Map<String, com.fasterxml.jackson.databind.JsonNode> traces = trace ? org.verdant.explain.TraceJson.nodes(TraceBuilder.all(verdict, PathIndex.of(file.toString(), bytes), messages)) : null;
            String text = format == Format.json ? VerdictJson.write(verdict, messages, traces) : TextVerdictRenderer.render(verdict, messages);
            archiving.store(err, bytes, file, verdict, messages, evaluation.edition, evaluation.grading);
            if (output != null) {
                write(output, text);
            } else {
                out.print(text);
            }
            return ExitCodes.OK;
        });
    }

    /** Writes a result file; a path that cannot be written is the user's to fix (a usage error). */
    static void write(Path output, String text) throws UsageException {
        try {
            Files.writeString(output, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot write " + output + ": " + e.getMessage());
        }
    }
}
