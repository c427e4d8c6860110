package org.verdant.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.verdant.evaluation.Evaluator;
import org.verdant.generate.SubmissionGenerator;
import org.verdant.verdict.VerdictJson;
import org.verdant.explain.TraceBuilder;
import org.verdant.explain.TraceJson;
import org.verdant.yaml.PathIndex;
import org.verdant.yaml.Problems;
import org.verdant.yaml.YamlNode;
import org.verdant.yaml.YamlReader;
import org.verdant.text.Messages;
import org.verdant.rulebook.CompiledRulebook;
import org.verdant.rulebook.RulebookLoader;
import org.verdant.verdict.Verdict;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Cost of one evaluation, single-threaded, over a rotating set of 256 generated submissions (both
 * editions, all valid), so no one input is measured alone and nothing is reused from one input
 * to the next: every invocation parses and checks its bytes afresh.
 *
 * <ul>
 *   <li>{@code parseAndValidate}: YAML → checked submission (stage 1 only);</li>
 *   <li>{@code fullEvaluation}: YAML → verdict (every stage but rendering);</li>
 *   <li>{@code fullEvaluationAndJson}: YAML → verdict → one compact JSON line, which is what
 *       {@code verdant batch} does per input;</li>
 *   <li>{@code fullEvaluationWithTrace}: as {@code evaluate --format json --trace}.</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 10)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@State(Scope.Thread)
public class EvaluationBenchmark {

    /** Which generated editions: "mixed" (both), or one edition. */
    @Param({"mixed"})
    public String edition;

    private Evaluator evaluator;
    private Messages messages;
    private byte[][] inputs;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        CompiledRulebook rulebook = new CompiledRulebook(RulebookLoader.load(Path.of("rules"), Path.of("scorecards")));
        evaluator = new Evaluator(rulebook);
        messages = new Messages("zh");
        SubmissionGenerator generator = new SubmissionGenerator(rulebook.rulebook(), "green-factory",
                edition.equals("mixed") ? null : edition, 1, 0);
        inputs = new byte[256][];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = generator.submission(i).getBytes(StandardCharsets.UTF_8);
            evaluator.evaluate("generated.yaml", inputs[i], Evaluator.Options.defaults()); // compiles both editions before timing
        }
    }

    private byte[] nextInput() {
        byte[] b = inputs[next];
        next = (next + 1) & (inputs.length - 1);
        return b;
    }

    @Benchmark
    public Object parseAndValidate() throws Exception {
        return evaluator.validate("generated.yaml", nextInput(), Evaluator.Options.defaults());
    }

    @Benchmark
    public Verdict fullEvaluation() throws Exception {
        return evaluator.evaluate("generated.yaml", nextInput(), Evaluator.Options.defaults());
    }

    /** As evaluate --format json --trace: the verdict, every criterion's trace (inputs located in the YAML), and the JSON. */
    @Benchmark
    public String fullEvaluationWithTrace() throws Exception {
        byte[] input = nextInput();
        // read once, as the application does: the same tree serves the evaluation and its trace
        Problems problems = new Problems();
        YamlNode root = YamlReader.read("generated.yaml", input, problems);
        Verdict v = evaluator.evaluate("generated.yaml", root, problems, Evaluator.sha256(input), Evaluator.Options.defaults());
        return VerdictJson.write(v, messages, TraceJson.nodes(TraceBuilder.all(v, new PathIndex(root), messages)));
    }

    @Benchmark
    public byte[] fullEvaluationAndJson() throws Exception {
        Verdict v = evaluator.evaluate("generated.yaml", nextInput(), Evaluator.Options.defaults());
        return VerdictJson.compact(v, messages);
    }
}
